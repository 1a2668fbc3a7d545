"""The search vocabulary is counted by the task worker, not in a citizen's search (vocabulary.py): a stale one
still answers while its refresh is asked for, once; only a vocabulary never stored is built by the search."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.utils import timezone

from disclosure.search import vocabulary
from tests import factories


@pytest.fixture
def asked(monkeypatch):
    """The refreshes the searches ask the task worker for (not run)."""
    calls = []
    monkeypatch.setattr(vocabulary, "refresh_vocabulary", SimpleNamespace(enqueue=lambda: calls.append("refresh")))
    return calls


def _known_later(minutes, latin):
    """The words read ``latin`` in a process that looks at the shared vocabulary ``minutes`` from now."""
    vocabulary.forget(vocabulary.CACHE_KEY)  # this process's memo: as another process, or after MEMO_SECONDS
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
        return vocabulary.vocabulary().readings_of(latin)


@pytest.mark.django_db
def test_a_stale_vocabulary_answers_while_the_task_worker_counts_the_next(department, asked):
    column = factories.column(department)
    factories.article(column, title="社保卡申领流程", body="详见附件。")
    vocabulary.forget_vocabulary()
    assert vocabulary.vocabulary().readings_of("shebao") == ["社保"]  # never stored: this search built it
    factories.article(column, title="秸秆禁烧巡查通报", body="详见附件。")

    assert _known_later(30, "jiegan") == [] and asked == []
    assert _known_later(61, "jiegan") == []  # an hour old: still answers, and the refresh is asked for
    assert asked == ["refresh"]
    assert _known_later(62, "jiegan") == [] and asked == ["refresh"]  # asked for once
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=63)):
        vocabulary.build_vocabulary()  # what the task does
    assert _known_later(64, "jiegan") == ["秸秆"]
    assert asked == ["refresh"]


@pytest.mark.django_db
def test_the_task_counts_the_vocabulary_and_lets_the_next_refresh_be_asked_for(department):
    from django.core.cache import cache

    factories.article(factories.column(department), title="秸秆禁烧巡查通报", body="详见附件。")
    vocabulary.forget_vocabulary()
    cache.set(vocabulary.REFRESH_LOCK_KEY, True)
    vocabulary.refresh_vocabulary.call()
    assert cache.get(vocabulary.REFRESH_LOCK_KEY) is None
    assert vocabulary.vocabulary().readings_of("jiegan") == ["秸秆"]


@pytest.mark.django_db
def test_a_full_rebuild_counts_the_vocabulary(department, search_index, asked):
    from disclosure.search.queue import rebuild_index

    factories.article(factories.column(department), title="秸秆禁烧巡查通报", body="详见附件。")
    vocabulary.forget_vocabulary()
    rebuild_index(procs=1)
    built_at, words = vocabulary.cache.get(vocabulary.CACHE_KEY)
    assert "秸秆" in words and asked == []
