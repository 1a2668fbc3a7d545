from django.apps import AppConfig


class DepartmentsConfig(AppConfig):
    name = "departments"
    verbose_name = "部门与乡镇"
    default_auto_field = "django.db.models.BigAutoField"
