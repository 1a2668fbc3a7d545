"""A lost index never silently shrinks search.

The sequence of a real deployment: the index directory is deleted (a disk cleaned up, a bad deploy),
an editor publishes, and a task worker started *after* the deletion picks up the queued update. It
must not build a fresh index holding only that newest entry: it rebuilds the whole index from the
catalogue. Run in real processes on a scratch database (the test database is in-memory).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.migrated_database import copy_sqlite_to

ROOT = Path(__file__).resolve().parents[3]  # tests/disclosure/search/ → the project root

SETUP = """
from tests import factories
from disclosure.search import bulk, queue
county = factories.county()
column = factories.column(county, "headlines")
for title in ("全县秋粮收购工作会议召开", "县城区道路改造工程开工", "城乡居民医保集中参保开始"):
    factories.article(column, title=title)
count, _seconds = bulk.rebuild(procs=1)
queue.process_all()  # what the worker had done before the index was lost
print("indexed", count)
"""

PUBLISH = """
from tests import factories
county = factories.county()
factories.article(factories.column(county, "headlines"), title="全县冬季森林防火工作部署")
from disclosure.models import PendingIndexUpdate
print("pending", PendingIndexUpdate.objects.count())
"""

COUNT = """
from disclosure.search import whoosh_engine, params, service
try:
    print("documents", whoosh_engine.document_count())
except whoosh_engine.IndexUnavailable:
    print("documents missing")
outcome = service.search(params.read_params({"q": "秋粮收购"}), log=False)
print("fallback", outcome.used_fallback, "total", outcome.total)
"""


def manage(scratch, *args, code=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "VAR_DIR": str(scratch),
        "SEARCH_INDEX_PATH": str(scratch / "whoosh_index"),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    if code is not None:
        command += ["shell", "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_worker_started_after_the_index_was_deleted_rebuilds_it_whole(tmp_path):
    copy_sqlite_to(tmp_path / "db.sqlite3")  # as `manage.py migrate` leaves it (tests/migrated_database.py)
    assert "indexed 4" in manage(tmp_path, code=SETUP)  # three entries and the county (kind 机构)

    shutil.rmtree(tmp_path / "whoosh_index")
    assert "pending 1" in manage(tmp_path, code=PUBLISH)
    assert "fallback True" in manage(tmp_path, code=COUNT), "with the index gone, search answers from the database"

    manage(tmp_path, "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*")

    after = manage(tmp_path, code=COUNT)
    assert "documents 5" in after, after
    assert "fallback False total 1" in after, "older entries are searchable in the index again"
