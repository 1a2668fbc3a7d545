"""Local development: debug on, a development-only secret."""

from .base import *  # noqa: F403
from .env import env, env_bool, env_required

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405  (the demo county: manage.py seed_demo)

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-county-portal") if DEBUG else env_required("SECRET_KEY")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
