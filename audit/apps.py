from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "站点监测"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
