from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """等保 2.0 controls that belong to no content room: strict input parsing, staff login protection and
    the security log, private files, backups and tamper detection (docs/security.md)."""

    name = "security"
    verbose_name = "安全管理"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            integer_lookups,  # noqa: F401  (registers IntegerFieldIn)
        )
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
