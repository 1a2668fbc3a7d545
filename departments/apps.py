from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def create_information_office_group(sender, **kwargs):
    """After migrate: the information office group exists in every installation, with its permissions."""
    from .roles import ensure_information_office_group

    ensure_information_office_group()


class DepartmentsConfig(AppConfig):
    name = "departments"
    verbose_name = "部门与乡镇"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Sent for django.contrib.auth after every app listed before it (ours, Wagtail's) has its permissions.
        post_migrate.connect(
            create_information_office_group, sender=apps.get_app_config("auth"), dispatch_uid="information-office-group"
        )
