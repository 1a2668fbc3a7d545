"""Settings shared by every environment. Safe by default: no debug, no secret."""

from pathlib import Path

import dj_database_url

from .env import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "portal",
    "departments",
    "disclosure",
    "audit",
    "interaction",
    "content_checks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "haystack",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous full-page cache and buffered view counts (portal/middleware.py); a hit stops here.
    "portal.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A publication refused by the content checks (portal/publication_checks.py) is shown in the editor.
    "portal.publication_checks.PublicationRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_chrome",
            ],
        },
    },
]

# Database: DATABASE_URL, default a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
# Every request is one transaction, so a publish and its catalogue entry commit together.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
# Anonymous pages are served from the cache for this long; publishing invalidates them at once. 0 = off.
PORTAL_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))

# Search: haystack over the disclosure catalogue, Whoosh on disk by default (Elasticsearch: see README).
SEARCH_INDEX_PATH = Path(env("SEARCH_INDEX_PATH", str(VAR_DIR / "whoosh_index")))
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": env("SEARCH_BACKEND", "disclosure.search.backend.CountyWhooshEngine"),
        "PATH": str(SEARCH_INDEX_PATH),
        "URL": env("SEARCH_URL", ""),
        "INDEX_NAME": env("SEARCH_INDEX_NAME", "county_portal"),
        # Elasticsearch only (disclosure/search/elastic.py): presegmented | smartcn | ik_max_word.
        "CHINESE_ANALYZER": env("SEARCH_ES_ANALYZER", "presegmented"),
    }
}
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# Index changes only queue (disclosure/search/signals.py); the task worker writes the index.
HAYSTACK_SIGNAL_PROCESSOR = "disclosure.search.signals.CatalogueSignalProcessor"

TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "示例县人民政府")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# No avatars from gravatar.com: government intranets often cannot reach it, and staff e-mail hashes stay here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd", "txt", "zip", "csv", "ppt", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The disclosure catalogue's index number (索引号). There is no national format; see docs/index-numbers.md.
DISCLOSURE_INDEX_NUMBER_FORMAT = env("DISCLOSURE_INDEX_NUMBER_FORMAT", "{credit_code}/{year}-{serial:05d}")

# Site probes and the link checker (docs/site-checks.md). SITE_CHECK_ADDRESSES maps the sites' hostnames
# to the address actually contacted ("host=ip:port,*=ip:port"; "*" covers every site host); with
# SITE_CHECK_LOCAL_ONLY nothing but this machine is ever contacted. Production sets both from the
# environment; the safe default sends every request to the local server.
SITE_CHECK_ADDRESSES = dict(
    item.split("=", 1) for item in env_list("SITE_CHECK_ADDRESSES", "*=127.0.0.1:8000") if "=" in item
)
SITE_CHECK_LOCAL_ONLY = env_bool("SITE_CHECK_LOCAL_ONLY", True)
SITE_PROBE_TIMEOUT_SECONDS = float(env("SITE_PROBE_TIMEOUT_SECONDS", "15"))
SITE_PROBE_CHANNEL_SAMPLE = int(env("SITE_PROBE_CHANNEL_SAMPLE", "5"))
LINK_CHECK_EXTERNAL = env_bool("LINK_CHECK_EXTERNAL", False)
LINK_CHECK_TIMEOUT_SECONDS = float(env("LINK_CHECK_TIMEOUT_SECONDS", "10"))
LINK_CHECK_MIN_INTERVAL_SECONDS = float(env("LINK_CHECK_MIN_INTERVAL_SECONDS", "1"))
LINK_CHECK_MAX_PAGES = int(env("LINK_CHECK_MAX_PAGES", "5000"))
SITE_CHECK_MAX_BYTES = int(env("SITE_CHECK_MAX_BYTES", str(5 * 1024 * 1024)))

SECURE_CONTENT_TYPE_NOSNIFF = True
# DENY: Wagtail marks its own preview views SAMEORIGIN, nothing else is framed.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "jieba": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
