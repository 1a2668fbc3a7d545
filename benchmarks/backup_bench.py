"""Backup and restore of the demo county: time and size.

    .venv/bin/python benchmarks/backup_bench.py [--small] [--keep DIR]

Builds the demo county (``seed_demo``, or ``--small``) on a scratch SQLite database (nothing touches
the project's database), runs ``backup_portal`` into a new directory and ``restore_portal`` into a
second, empty installation (its own process, new SQLite file, empty media, private and index
folders), and prints the backup's size (database, media, private files), the backup time, the
restore time (database and files, then ``migrate`` and the search-index rebuild, as the command
does) and the load average.
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch import ROOT, setup_django


def folder_size(manifest, prefix):
    return sum(item["size"] for name, item in manifest["files"].items() if name.startswith(prefix))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="seed_demo --small instead of the full demo county")
    parser.add_argument("--keep", help="work in this directory and keep it")
    args = parser.parse_args()
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="backup-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)

    def local_folders(settings):
        settings.MEDIA_ROOT = str(scratch / "media")
        settings.PRIVATE_MEDIA_ROOT = str(scratch / "private")

    started = time.perf_counter()
    setup_django(scratch, before_setup=local_folders)
    from django.core.management import call_command

    from disclosure.models import CatalogueEntry
    from security.backups import backup

    if not CatalogueEntry.objects.exists():
        call_command("seed_demo", *(["--small"] if args.small else []), stdout=io.StringIO())
    print(f"demo county ({'small' if args.small else 'full'}) on {scratch / 'bench.sqlite3'}: "
          f"{CatalogueEntry.objects.count()} catalogue entries, built in {time.perf_counter() - started:.0f} s")

    target = scratch / f"backup-{int(time.time())}"
    started = time.perf_counter()
    manifest = backup(target)
    backup_seconds = time.perf_counter() - started
    total = sum(item["size"] for item in manifest["files"].values())
    print(f"backup:  {backup_seconds:.2f} s, {len(manifest['files'])} files, {total / 1e6:.1f} MB "
          f"(database {folder_size(manifest, 'database') / 1e6:.1f} MB, media {folder_size(manifest, 'media/') / 1e6:.1f} MB, "
          f"private {folder_size(manifest, 'private/') / 1e6:.2f} MB)")

    new_server = Path(tempfile.mkdtemp(prefix="restored-", dir=scratch))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev",
           "DATABASE_URL": f"sqlite:///{new_server / 'new.sqlite3'}", "VAR_DIR": str(new_server / "var"),
           "MEDIA_ROOT": str(new_server / "media"), "PRIVATE_MEDIA_ROOT": str(new_server / "private"),
           "SEARCH_INDEX_PATH": str(new_server / "whoosh"), "LOG_LEVEL": "WARNING",
           "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "manage.py", "restore_portal", str(target)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    restore_seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"restore failed: {done.stderr}")
    print(f"restore: {restore_seconds:.2f} s wall clock into an empty installation, process start included "
          f"(the command's own report: {done.stdout.strip()})")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
