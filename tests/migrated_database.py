"""Migrate once, copy many times: the test databases start from a database ``manage.py migrate`` built.

Running every migration costs about 25 s of CPU on this project, and the suite needed it once per test
process (each xdist worker, the serial half) and again in the tests that drive a second installation
through ``manage.py`` (a lost search index, a restore). Instead the first pytest process builds one
migrated database per set of migrations and code (``code_key``), under ``var/test-databases/`` for SQLite and
as ``<test database>_migrated_<key>`` on PostgreSQL, and everything else copies it:

- the in-memory SQLite test database is filled from the file with SQLite's backup API
  (``use_migrated_template``), PostgreSQL's test databases are created ``TEMPLATE`` it;
- Django's ``create_test_db`` still runs ``migrate`` afterwards, which finds nothing to apply and sends
  ``post_migrate`` as usual (content types, permissions, the information office's group);
- ``copy_sqlite_to`` and ``create_postgres_copy`` give the ``manage.py`` tests a migrated database.

The key covers every migration file and the project's own code, so a change to either builds anew.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "test-databases"
PROJECT_PACKAGES = ("audit", "config", "content_checks", "demo", "departments", "disclosure", "interaction",
                    "portal", "security")

_kept_open = []  # connections that keep a shared in-memory SQLite database alive until Django opens its own


def code_key():
    """16 hex digits: a digest of every installed app's migrations and of the project's own Python code."""
    from django.apps import apps

    digest = hashlib.sha256()
    files = {f"{app.label}/migrations/{path.name}": path
             for app in apps.get_app_configs() for path in (Path(app.path) / "migrations").glob("*.py")}
    files.update({str(path.relative_to(ROOT)): path for package in PROJECT_PACKAGES for path in (ROOT / package).rglob("*.py")})
    for name in sorted(files):  # names, not absolute paths: the same checkout elsewhere has the same key
        digest.update(name.encode())
        digest.update(files[name].read_bytes())
    return digest.hexdigest()[:16]


def _migrate(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": database_url,
           "VAR_DIR": tempfile.mkdtemp(prefix="portal-migrate-")}
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"migrate for the test template failed:\n{result.stderr[-3000:]}")


def sqlite_template():
    """The path of the migrated SQLite file for today's code, built (about 25 s) when missing."""
    key = code_key()
    path = CACHE / f"migrated-{key}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        building = CACHE / f"building-{key}-{os.getpid()}.sqlite3"
        _migrate(f"sqlite:///{building}")
        database = sqlite3.connect(building)
        database.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it, copied as it is
        database.close()
        os.replace(building, path)
        for stale in CACHE.glob("migrated-*.sqlite3"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return path


def copy_sqlite_to(destination):
    """Write a migrated SQLite database to ``destination`` (a path), as ``manage.py migrate`` leaves one."""
    with sqlite3.connect(sqlite_template()) as source, sqlite3.connect(destination) as copy:
        source.backup(copy)


def postgres_admin(settings_dict):
    """An autocommit connection to the ``postgres`` database of the server in ``settings_dict`` (CREATE/DROP DATABASE)."""
    import psycopg

    return psycopg.connect(host=settings_dict["HOST"] or "127.0.0.1", port=settings_dict["PORT"] or 5432,
                           user=settings_dict["USER"], password=settings_dict.get("PASSWORD") or None,
                           dbname="postgres", autocommit=True)


def postgres_url(settings_dict, name):
    """``postgres://user@host:port/name`` for database ``name`` on the server of ``settings_dict``."""
    auth = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else "")
    return f"postgres://{auth}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/{name}"


def postgres_template(settings_dict):
    """The name of the migrated PostgreSQL database for today's code, built when missing; older ones are dropped."""
    prefix = f"{settings_dict['NAME']}_migrated_"
    name = prefix + code_key()[:12]
    with postgres_admin(settings_dict) as admin:
        existing = {row[0] for row in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                                     [prefix.replace("_", r"\_") + "%"])}
        if name in existing:
            return name
        building = f"{name}_building"
        admin.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{building}"')
        _migrate(postgres_url(settings_dict, building))
        admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        for stale in existing - {name}:
            admin.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
    return name


def create_postgres_copy(settings_dict, name):
    """Create database ``name`` as a copy of the migrated template; returns its ``postgres://`` URL.

    Inside a test ``settings_dict`` is the test database's, which names its template (``TEST["TEMPLATE"]``)."""
    template = settings_dict.get("TEST", {}).get("TEMPLATE") or postgres_template(settings_dict)
    with postgres_admin(settings_dict) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return postgres_url(settings_dict, name)


def build_template():
    """Build the template for the configured database before the test processes start (pytest's controller)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        sqlite_template()
    elif database["ENGINE"] == "django.db.backends.postgresql":
        postgres_template(database)


def use_migrated_template():
    """Make ``create_test_db`` start from the template (call before pytest-django creates the databases)."""
    from django.conf import settings
    from django.db.backends.sqlite3.creation import DatabaseCreation

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("TEST", {})["TEMPLATE"] = postgres_template(database)
        return
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return
    create_in_memory = DatabaseCreation._create_test_db

    def create_from_template(creation, verbosity, autoclobber, keepdb=False):
        name = create_in_memory(creation, verbosity, autoclobber, keepdb)
        if creation.is_in_memory_db(name) and name.startswith("file:"):
            memory = sqlite3.connect(name, uri=True, check_same_thread=False)
            with sqlite3.connect(sqlite_template()) as source:
                source.backup(memory)
            _kept_open.append(memory)
        return name

    DatabaseCreation._create_test_db = create_from_template
