import pytest


@pytest.fixture
def search_index(tmp_path):
    """A fresh Whoosh index for one test, holding what the fixtures before it made (organisations are found
    too) with their queued updates thereby applied; publishing in the test writes to it after commit."""
    from haystack import connections

    from disclosure.models import PendingIndexUpdate
    from disclosure.search import bulk, whoosh_engine

    info = connections.connections_info["default"]
    old_path = info["PATH"]
    info["PATH"] = str(tmp_path / "whoosh")
    connections.reload("default")
    whoosh_engine.forget_view()
    bulk.rebuild(procs=1)
    PendingIndexUpdate.objects.all().delete()
    yield info["PATH"]
    info["PATH"] = old_path
    connections.reload("default")
    whoosh_engine.forget_view()


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run the commit hooks (and so the immediate task backend's index updates) of what the block publishes."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
