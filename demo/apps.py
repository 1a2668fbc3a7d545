from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictional county 示例县: data modules and ``manage.py seed_demo``.

    Installed by the development and test settings, and in production only when ``DEMO_ENABLED=1``.
    It builds the county through the other apps' public services and owns no models.
    """

    name = "demo"
    verbose_name = "示例县演示数据"
