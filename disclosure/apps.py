from django.apps import AppConfig
from django.core import checks


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .catalogue.signal_handlers import register_signal_handlers
        from .search.checks import check_search_index
        from .search.hot_words import register_signal_handlers as register_hot_word_handlers
        from .search.organisations import register_signal_handlers as register_organisation_handlers
        from .search.whoosh_speedups import install_zero_copy_reads
        from .yearly_report.signal_handlers import register_signal_handlers as register_report_handlers

        register_signal_handlers()
        register_report_handlers()
        register_hot_word_handlers()
        register_organisation_handlers()
        install_zero_copy_reads()
        checks.register(check_search_index, "search")
