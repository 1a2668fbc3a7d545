from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "interaction"
    verbose_name = "互动交流"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .permissions import register_permission_policies
        from .signal_handlers import register_signal_handlers

        register_permission_policies()
        register_signal_handlers()
