"""Fast, isolated test settings."""

import tempfile

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache outlives each test's database rollback; tests that exercise it switch it on.
PORTAL_PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
SEARCH_INDEX_PATH = tempfile.mkdtemp(prefix="portal-test-whoosh-")
HAYSTACK_CONNECTIONS["default"]["PATH"] = SEARCH_INDEX_PATH  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Wagtail's own admin search index is not under test; skipping its per-save indexing halves publish time.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}

# ---- Security controls (security/): off for tests of other behaviour; tests/security switches each on. ----
# The login lockout would count every test's wrong passwords; the TOTP step would stand before every admin page.
AXES_ENABLED = False
SECURITY_OTP_ENFORCED = False
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-")
# Fingerprinting each publish for the tamper check renders the page again; tests/security switch it on.
TAMPER_FINGERPRINTS = False
