"""backup_portal / restore_portal: the demo county comes back whole in a new installation.

The demo county (``seed_demo --small``) is backed up from the test database; a second installation -
its own process, an empty database (a new SQLite file, or a new PostgreSQL database when the suite
runs on PostgreSQL), empty media and private folders, its own search index - restores it and must
show the same catalogue (every index number), letters, applications, pages, accounts and files, with
the search index rebuilt. A backup reads committed data only (``transaction=True``; the migrations' rows come back afterwards: ``serialized_rollback``).
"""

import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from disclosure.applications import processing
from portal.column_kinds import ColumnKind
from security.backups import BackupError, sqlite_copy
from security.models import SecurityEvent
from tests.disclosure.applications.builders import application
from tests.factories import article, column, policy
from tests.interaction.builders import letter, mailbox_of
from tests.migrated_database import copy_sqlite_to, create_postgres_copy, postgres_admin, postgres_url
from tests.security.backup_snapshot import snapshot

ROOT = Path(settings.BASE_DIR)
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def build_county(department):
    """A small county through the real services: two pages, a letter, an answered application."""
    with time_machine.travel(NOW, tick=False):
        article(column(department), title="全县召开安全生产工作会议")
        policy(column(department, kind=ColumnKind.POLICIES))
        letter(mailbox_of(department))
        app = application(department, datetime.date(2026, 2, 10))
        processing.confirm_receipt(app, None, datetime.date(2026, 2, 10))
        processing.answer(app, None, "disclosed", datetime.date(2026, 3, 1),
                          SimpleUploadedFile("reply.pdf", b"%PDF-1.4 reply", content_type="application/pdf"))


class FreshInstallation:
    """A second installation on this machine: an empty database and empty folders, driven by manage.py."""

    def __init__(self, folder, migrated=False):
        """``migrated``: the database as ``manage.py migrate`` leaves it (a copy of the suite's migrated
        template, tests/migrated_database.py) instead of an empty one."""
        self.folder = Path(folder)
        self.folder.mkdir()
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            self.pg_name = f"restore_{uuid.uuid4().hex[:12]}"
            if migrated:
                url = create_postgres_copy(db, self.pg_name)
            else:
                self._pg_admin(f'CREATE DATABASE "{self.pg_name}"')
                url = postgres_url(db, self.pg_name)
        else:
            self.pg_name = None
            url = f"sqlite:///{self.folder / 'new.sqlite3'}"
            if migrated:
                copy_sqlite_to(self.folder / "new.sqlite3")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": url,
            "VAR_DIR": str(self.folder / "var"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            "SEARCH_INDEX_PATH": str(self.folder / "whoosh"),
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "LOG_LEVEL": "WARNING",
        }

    def _pg_admin(self, sql):
        with postgres_admin(connection.settings_dict) as admin:
            admin.execute(sql)

    def manage(self, *arguments):
        return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=240)

    def read_back(self):
        out = self.folder / "snapshot.json"
        done = self.manage("shell", "-c", f"from tests.security.backup_snapshot import write; write({str(out)!r})")
        assert done.returncode == 0, done.stderr
        return json.loads(out.read_text(encoding="utf-8"))

    def close(self):
        if self.pg_name:
            self._pg_admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


@pytest.fixture
def fresh_installation(tmp_path):
    installation = FreshInstallation(tmp_path / "new-server")
    yield installation
    installation.close()


@pytest.fixture
def migrated_installation(tmp_path):
    installation = FreshInstallation(tmp_path / "new-server", migrated=True)
    yield installation
    installation.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_county_restores_into_a_fresh_installation(tmp_path, fresh_installation):
    call_command("seed_demo", "--small", stdout=io.StringIO())
    before = snapshot()
    assert len(before["index_numbers"]) >= 40 and before["letters"] and before["applications"]
    assert any(key.startswith("disclosure.Application.reply_letter:") for key in before["files"])
    assert any(key.startswith("wagtaildocs.Document.file:") for key in before["files"])
    assert any(key.startswith("wagtailimages.Image.file:") for key in before["files"])

    call_command("backup_portal", str(tmp_path / "backup"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["database"] == ("database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3")
    assert manifest["database"] in manifest["files"]
    assert any(name.startswith("private/applications/replies/") for name in manifest["files"])
    assert any(name.startswith("media/documents/") for name in manifest["files"])
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.BACKUP).exists()

    # This installation has data: a restore would overwrite it, so it needs --force.
    with pytest.raises(CommandError, match="已有数据"):
        call_command("restore_portal", str(tmp_path / "backup"))

    done = fresh_installation.manage("restore_portal", str(tmp_path / "backup"))
    assert done.returncode == 0, done.stderr
    assert "已从" in done.stdout
    after = fresh_installation.read_back()
    assert after["snapshot"] == json.loads(json.dumps(before))
    assert after["search"]["indexed"] == after["search"]["public"]
    assert len(after["search"]["indexed"]) >= 40


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_migrated_new_server_accepts_the_restore(department, tmp_path, migrated_installation):
    """The documented way: install, ``migrate``, then ``restore_portal`` (the migrated tables are replaced)."""
    build_county(department)
    before = snapshot()
    call_command("backup_portal", str(tmp_path / "backup"), stdout=io.StringIO())
    assert migrated_installation.manage("migrate", "--noinput").returncode == 0
    done = migrated_installation.manage("restore_portal", str(tmp_path / "backup"))
    assert done.returncode == 0, done.stderr
    assert migrated_installation.read_back()["snapshot"] == json.loads(json.dumps(before))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_backup_is_refused(department, tmp_path):
    build_county(department)
    call_command("backup_portal", str(tmp_path / "backup"), stdout=io.StringIO())
    reply = next((tmp_path / "backup" / "private").rglob("*.pdf"))
    reply.write_bytes(b"%PDF-1.4 forged")
    with pytest.raises(CommandError, match="校验和不符"):
        call_command("restore_portal", str(tmp_path / "backup"), force=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unfinished_backup_without_manifest_is_refused(department, tmp_path):
    build_county(department)
    call_command("backup_portal", str(tmp_path / "backup"), stdout=io.StringIO())
    (tmp_path / "backup" / "manifest.json").unlink()
    with pytest.raises(CommandError, match="无法读取备份清单"):
        call_command("restore_portal", str(tmp_path / "backup"), force=True)


@pytest.mark.django_db
def test_a_backup_of_a_newer_portal_is_refused(tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "database.sqlite3").write_bytes(b"")
    manifest = {"format": 1, "created_at": "2026-11-30T02:00:00+00:00", "engine": "sqlite",
                "database": "database.sqlite3", "migrations": ["portal.0001_initial", "portal.9999_from_the_future"],
                "files": {"database.sqlite3": {"size": 0, "sha256": hashlib.sha256(b"").hexdigest()}}}
    (tmp_path / "backup" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="portal.9999_from_the_future"):
        call_command("restore_portal", str(tmp_path / "backup"), force=True)


@pytest.mark.django_db
def test_a_backup_inside_an_open_transaction_is_refused_instead_of_waiting(tmp_path):
    with pytest.raises(CommandError, match="事务"):
        call_command("backup_portal", str(tmp_path / "backup"))


@pytest.mark.django_db
def test_a_backup_never_overwrites_an_earlier_one(tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="不是空目录"):
        call_command("backup_portal", str(tmp_path / "backup"))


def test_a_sqlite_copy_into_a_locked_database_gives_up_instead_of_hanging(tmp_path):
    """Python's backup API retries a locked destination for ever (the hang of the first version)."""
    source = sqlite3.connect(tmp_path / "source.sqlite3", check_same_thread=False)
    source.execute("CREATE TABLE t (x)")
    source.commit()
    writer = sqlite3.connect(tmp_path / "target.sqlite3", isolation_level=None)
    writer.execute("CREATE TABLE u (y)")
    writer.execute("BEGIN EXCLUSIVE")  # another process writing
    target = sqlite3.connect(tmp_path / "target.sqlite3", timeout=0, check_same_thread=False)
    outcome = {}

    def copy():
        try:
            sqlite_copy(source, target, busy_seconds=0.5)
        except BackupError as error:
            outcome["error"] = str(error)

    started = time.monotonic()
    worker = threading.Thread(target=copy)
    worker.start()
    worker.join(timeout=20)
    writer.rollback()
    assert not worker.is_alive()
    assert "锁定" in outcome["error"]
    assert time.monotonic() - started < 20
