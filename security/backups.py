"""Consistent backups of the whole portal and their restore: database, media, private files, manifest.

A backup directory holds ``database.sqlite3`` (SQLite's online backup API: a consistent copy while
the site runs) or ``database.pgdump`` (``pg_dump`` custom format), ``media/`` (MEDIA_ROOT),
``private/`` (PRIVATE_MEDIA_ROOT) and, written last, ``manifest.json`` with the SHA-256 and size of
every file, so a restore can refuse a damaged, altered or unfinished copy (GB/T 22239-2019 8.1.4.10
数据备份恢复). Static files and the search index are not backed up: ``collectstatic`` and
``rebuild_index`` make them again from the code and the database.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
# How long a SQLite copy waits for another process's write lock before giving up (seconds).
SQLITE_BUSY_SECONDS = 60


class BackupError(Exception):
    """Raised with a message for the operator (Chinese) when a backup or restore cannot go on."""


def sha256(path):
    """Hex SHA-256 of the file at ``path``, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def engine():
    """``"sqlite"`` or ``"postgresql"``; ``BackupError`` for any other database."""
    name = connection.settings_dict["ENGINE"]
    if "sqlite" in name:
        return "sqlite"
    if "postgresql" in name:
        return "postgresql"
    raise BackupError(f"不支持的数据库：{name}")


def _refuse_open_transaction():
    # The copy is made by SQLite's backup API on this connection, or by pg_dump/pg_restore in another
    # process that would wait for this transaction's locks for ever: say so instead.
    if connection.in_atomic_block:
        raise BackupError("备份和恢复不能在未提交的数据库事务中进行，请在事务外运行。")


def sqlite_copy(source, destination, busy_seconds=SQLITE_BUSY_SECONDS):
    """Copy the SQLite database open on ``source`` into ``destination`` (two ``sqlite3`` connections).

    One backup step copies every page under one read lock, so the copy is consistent. Python's
    ``Connection.backup`` retries a busy or locked database for ever; here a copy still blocked
    after ``busy_seconds`` raises ``BackupError`` (another process holds a write lock).
    """
    deadline = time.monotonic() + busy_seconds

    def progress(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError("数据库被其他进程锁定（网站或任务进程仍在写入），请先停止它们再试。")

    try:
        source.backup(destination, pages=-1, progress=progress, sleep=0.1)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite 复制失败：{error}") from None


def _pg_env():
    db = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if db.get(name):
            env[key] = str(db[name])
    return env


def _run_pg_tool(arguments):
    try:
        subprocess.run(arguments, check=True, env=_pg_env(), capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"找不到 {arguments[0]}：请安装与数据库服务器同版本的 PostgreSQL 客户端。") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{arguments[0]} 失败：{(error.stderr or '').strip()[:2000]}") from None


def _dump_database(target):
    _refuse_open_transaction()
    if engine() == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / "database.sqlite3")
        try:
            sqlite_copy(connection.connection, destination)
        finally:
            destination.close()
        return "database.sqlite3"
    _run_pg_tool(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={target / 'database.pgdump'}", connection.settings_dict["NAME"]])
    return "database.pgdump"


def _copy_tree(source, destination):
    source = Path(source)
    if source.is_dir():
        shutil.copytree(source, destination, dirs_exist_ok=True, symlinks=False)
    else:
        destination.mkdir(parents=True, exist_ok=True)


def _applied_migrations():
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def backup(directory):
    """Write a backup into ``directory`` (created, mode 0700; must not exist or be empty).

    Returns the manifest: ``{"format", "created_at", "engine", "database", "migrations", "files":
    {relative path: {"sha256", "size" (bytes)}}}``. The database is copied first, then the files:
    a file uploaded meanwhile is an orphan in the copy, never a page pointing at nothing new.
    Raises ``BackupError`` (directory not empty, open transaction, pg_dump failure).
    """
    target = Path(directory)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"备份目录 {target} 不是空目录。")
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)  # citizens' letters and applications: readable by the operator only
    database = _dump_database(target)
    _copy_tree(settings.MEDIA_ROOT, target / "media")
    _copy_tree(settings.PRIVATE_MEDIA_ROOT, target / "private")
    files = {}
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        files[path.relative_to(target).as_posix()] = {"sha256": sha256(path), "size": path.stat().st_size}
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "engine": engine(),
        "database": database,
        "migrations": _applied_migrations(),
        "files": files,
    }
    # Written last: a directory without a manifest is an unfinished backup and is never restored.
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def verify(directory):
    """The manifest of ``directory`` after checking every file's size and checksum; raises ``BackupError``."""
    source = Path(directory)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"无法读取备份清单 {source / MANIFEST}：{error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"备份清单格式不符（需要第 {FORMAT_VERSION} 版）。")
    problems = []
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file():
            problems.append(f"缺少文件 {name}")
        elif path.stat().st_size != expected["size"] or sha256(path) != expected["sha256"]:
            problems.append(f"校验和不符 {name}")
    if manifest["database"] not in manifest["files"]:
        problems.append(f"缺少文件 {manifest['database']}")
    if problems:
        raise BackupError("备份已损坏或被改动：" + "；".join(problems[:20]))
    return manifest


def unknown_migrations(manifest):
    """Migrations applied in the backup that this code does not have (a backup of a newer portal)."""
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    return sorted(set(manifest.get("migrations", [])) - known)


def installation_is_empty():
    """True for a database without tables, or one that only ``migrate`` has filled: no account, no page
    below the home page, no document and no image."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    user_model = get_user_model()
    if user_model._meta.db_table not in connection.introspection.table_names():
        return True
    return not (user_model.objects.exists() or Page.objects.filter(depth__gt=2).exists()
                or get_document_model().objects.exists() or get_image_model().objects.exists())


def _restore_database(source, manifest):
    if manifest["engine"] != engine():
        raise BackupError(f"备份来自 {manifest['engine']}，当前数据库是 {engine()}。")
    if engine() == "sqlite":
        connection.ensure_connection()
        backup_db = sqlite3.connect(source / manifest["database"])
        try:
            sqlite_copy(backup_db, connection.connection)
        finally:
            backup_db.close()
        return
    # --clean --if-exists: tables a `migrate` made on the new server are replaced by the backup's.
    _run_pg_tool(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                  f"--dbname={connection.settings_dict['NAME']}", str(source / manifest["database"])])


def _replace_tree(source, destination):
    """Make ``destination`` hold exactly ``source``'s files (the folder itself stays: it may be a mount)."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    for child in destination.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if Path(source).is_dir():
        shutil.copytree(source, destination, dirs_exist_ok=True)


def _check_restored_files(manifest):
    roots = {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}
    wrong = []
    for name, expected in manifest["files"].items():
        top, _, rest = name.partition("/")
        if top in roots and rest:
            path = roots[top] / rest
            if not path.is_file() or sha256(path) != expected["sha256"]:
                wrong.append(name)
    if wrong:
        raise BackupError("恢复后的文件与备份清单不符：" + "；".join(wrong[:20]))


def restore(directory, force=False):
    """Restore ``directory`` into this installation; returns its manifest. Raises ``BackupError``.

    Checks first: every checksum, that this code knows every migration of the backup, and that the
    installation is empty (a new server after ``migrate``, or a database without tables) unless
    ``force`` - a restore replaces the whole database, ``MEDIA_ROOT`` and ``PRIVATE_MEDIA_ROOT``.
    Stop the web server and the task worker first. The caller then runs ``migrate`` (for migrations
    newer than the backup) and rebuilds the search index (``restore_portal`` does both).
    """
    source = Path(directory)
    manifest = verify(source)
    newer = unknown_migrations(manifest)
    if newer:
        raise BackupError("备份来自更新版本的门户，本程序没有这些数据库迁移，请先升级程序：" + "、".join(newer[:10]))
    _refuse_open_transaction()
    if not force and not installation_is_empty():
        raise BackupError("当前安装中已有数据；恢复会覆盖全部数据库和文件，确认请加 --force。")
    _restore_database(source, manifest)
    _replace_tree(source / "media", settings.MEDIA_ROOT)
    _replace_tree(source / "private", settings.PRIVATE_MEDIA_ROOT)
    _check_restored_files(manifest)
    return manifest
