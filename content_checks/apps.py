from django.apps import AppConfig


class ContentChecksConfig(AppConfig):
    """内容安全: checks of page text and attachments before publishing, and the patrol after it."""

    name = "content_checks"
    verbose_name = "内容安全"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
