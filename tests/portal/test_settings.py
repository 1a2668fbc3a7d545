"""Settings come from the environment, and production refuses to run unsafely.

The production checks run ``manage.py`` in a subprocess: settings modules are read once per
process, so only a fresh interpreter shows what a server started with these variables does.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7#kq2!Lm9$vT4@pR8&wZ1^nB6*cY3(hJ5)eD0_fG-uQ+sA=oI~lK",
    "ALLOWED_HOSTS": "www.example.gov.cn,jyj.example.gov.cn",
}


def manage(*args, env):
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_deploy_check_prints_no_warnings_when_the_variables_are_set():
    result = manage("check", "--deploy", env=PRODUCTION_ENV)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "System check identified no issues (0 silenced)." in output


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_secret_key_or_allowed_hosts(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production." in result.stderr


def test_development_settings_only_invent_a_secret_key_while_debugging():
    debugging = manage("shell", "-v", "0", "-c", "from django.conf import settings; print(settings.SECRET_KEY)",
                       env={"DJANGO_SETTINGS_MODULE": "config.settings.dev"})
    assert debugging.returncode == 0, debugging.stderr
    assert debugging.stdout.strip().startswith("dev-only")
    not_debugging = manage("check", env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "0"})
    assert not_debugging.returncode != 0
    assert "SECRET_KEY must be set" in not_debugging.stderr


def test_database_url_selects_postgresql_through_psycopg_3():
    script = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "import psycopg; print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'], psycopg.__version__.split('.')[0])"
    )
    result = manage(
        "shell", "-v", "0", "-c", script,
        env={**PRODUCTION_ENV, "DATABASE_URL": "postgres://portal:secret@db.internal:5433/county_portal"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "county_portal", "db.internal", "5433", "3"]


def test_database_url_defaults_to_a_sqlite_file_in_the_project_folder():
    script = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    result = manage("shell", "-v", "0", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == PROJECT / "db.sqlite3"


def test_language_and_time_zone_are_chinese(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.X_FRAME_OPTIONS == "DENY"


@pytest.mark.django_db
def test_when_running_on_postgresql_the_driver_is_psycopg_3():
    """Runs for real in CI's PostgreSQL pass; on SQLite there is no server connection to inspect."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("running on SQLite")
    connection.ensure_connection()
    assert type(connection.connection).__module__.startswith("psycopg")
    assert not type(connection.connection).__module__.startswith("psycopg2")


def test_production_installs_the_demo_county_only_when_demo_enabled_is_set():
    without = manage("help", "seed_demo", env=PRODUCTION_ENV)
    assert without.returncode != 0
    assert "Unknown command: 'seed_demo'" in without.stderr
    enabled = manage("help", "seed_demo", env={**PRODUCTION_ENV, "DEMO_ENABLED": "1"})
    assert enabled.returncode == 0, enabled.stderr
    assert "示例县" in enabled.stdout
