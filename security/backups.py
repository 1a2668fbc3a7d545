"""Consistent backups of the whole portal and their restore: database, media, private files, manifest.

A backup directory holds ``database.sqlite3`` (SQLite's online backup API: a consistent copy while
the site runs) or ``database.pgdump`` (``pg_dump`` custom format), ``media/`` (MEDIA_ROOT),
``private/`` (PRIVATE_MEDIA_ROOT) and ``manifest.json`` with the SHA-256 and size of every file, so
a restore can refuse a damaged or tampered copy (GB/T 22239-2019 8.1.4.10 数据备份恢复).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Exception):
    """Raised with a message for the operator (Chinese) when a backup or restore cannot go on."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine():
    engine = connection.settings_dict["ENGINE"]
    if "sqlite" in engine:
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"不支持的数据库：{engine}")


def _pg_env():
    db = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if db.get(name):
            env[key] = str(db[name])
    return env


def _dump_database(target):
    if _engine() == "sqlite":
        if connection.in_atomic_block:
            # SQLite's online backup waits for the open transaction for ever; say so instead.
            raise BackupError("备份不能在未提交的数据库事务中进行，请在事务外运行。")
        connection.ensure_connection()
        destination = sqlite3.connect(target / "database.sqlite3")
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return "database.sqlite3"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={target / 'database.pgdump'}",
                    connection.settings_dict["NAME"]], check=True, env=_pg_env())
    return "database.pgdump"


def _copy_tree(source, destination):
    source = Path(source)
    if source.is_dir():
        shutil.copytree(source, destination, dirs_exist_ok=True)
    else:
        destination.mkdir(parents=True, exist_ok=True)


def backup(directory):
    """Write a backup into ``directory`` (created; must be empty). Returns the manifest (a dict)."""
    target = Path(directory)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"备份目录 {target} 不是空目录。")
    target.mkdir(parents=True, exist_ok=True)
    database = _dump_database(target)
    _copy_tree(settings.MEDIA_ROOT, target / "media")
    _copy_tree(settings.PRIVATE_MEDIA_ROOT, target / "private")
    files = {}
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        files[path.relative_to(target).as_posix()] = {"sha256": sha256(path), "size": path.stat().st_size}
    from django.db.migrations.recorder import MigrationRecorder

    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "engine": _engine(),
        "database": database,
        "migrations": sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()),
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def verify(directory):
    """The manifest of ``directory`` after checking every file's size and checksum; raises ``BackupError``."""
    source = Path(directory)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"无法读取备份清单 {source / MANIFEST}：{error}") from None
    problems = []
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file():
            problems.append(f"缺少文件 {name}")
        elif path.stat().st_size != expected["size"] or sha256(path) != expected["sha256"]:
            problems.append(f"校验和不符 {name}")
    if problems:
        raise BackupError("备份已损坏或被改动：" + "；".join(problems[:20]))
    return manifest


def installation_is_empty():
    """True when no user account exists yet (a fresh ``migrate``d installation)."""
    from django.contrib.auth import get_user_model

    try:
        return not get_user_model().objects.exists()
    except Exception:  # noqa: BLE001 - no tables yet is empty too
        return True


def _restore_database(source, manifest):
    if manifest["engine"] != _engine():
        raise BackupError(f"备份来自 {manifest['engine']}，当前数据库是 {_engine()}。")
    if _engine() == "sqlite":
        if connection.in_atomic_block:
            # SQLite's online backup waits for the open transaction for ever; say so instead.
            raise BackupError("备份不能在未提交的数据库事务中进行，请在事务外运行。")
        connection.ensure_connection()
        backup_db = sqlite3.connect(source / manifest["database"])
        backup_db.backup(connection.connection)
        backup_db.close()
        return
    subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                    f"--dbname={connection.settings_dict['NAME']}", str(source / manifest["database"])],
                   check=True, env=_pg_env())


def _replace_tree(source, destination):
    destination = Path(destination)
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination)


def restore(directory, force=False):
    """Restore ``directory`` (verified first) into this installation. Raises ``BackupError``.

    Refuses an installation that already has user accounts unless ``force``: a restore replaces the
    whole database, media and private files.
    """
    source = Path(directory)
    manifest = verify(source)
    if not force and not installation_is_empty():
        raise BackupError("当前安装中已有数据；恢复会覆盖全部数据库和文件，确认请加 --force。")
    _restore_database(source, manifest)
    _replace_tree(source / "media", settings.MEDIA_ROOT)
    _replace_tree(source / "private", settings.PRIVATE_MEDIA_ROOT)
    return manifest
