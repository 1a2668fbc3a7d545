"""The seed runs the tasks its publishing queues, so a fresh worker has no backlog to work through first."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from departments.models import Organisation
from disclosure.models import CatalogueEntry, PendingIndexUpdate
from disclosure.search import documents, whoosh_engine
from interaction.models import Letter

# Commits for real: the database task backend enqueues only when a transaction commits.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_seeding_with_the_database_task_backend_leaves_no_queued_tasks_and_a_complete_index(settings, search_index):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("seed_demo", "--small", stdout=io.StringIO())
    assert DBTaskResult.objects.count() == 0
    assert PendingIndexUpdate.objects.count() == 0
    whoosh_engine.forget_view()
    findable = sum(index.index_queryset().count() for index in documents.indexes_by_label().values())
    assert CatalogueEntry.objects.public().count() > 0
    assert Letter.objects.public().exists() and Organisation.objects.active().exists()
    assert whoosh_engine.document_count() == findable  # entries, public letters and organisations
