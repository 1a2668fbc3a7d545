"""One queue, one writer: every change to the search index goes through here.

Every catalogue change (``disclosure.catalogue.signals.catalogue_changed``, sent for catalogue entries and,
by their apps, for public letters and organisations) only writes a ``PendingIndexUpdate``
row (in its own transaction) and, once that
transaction has committed, enqueues :func:`process_index_updates` (the django-tasks task, here). The task takes every
pending entry at once (batching), writes them with one Whoosh writer and one commit, and
deletes the rows only after the commit. If the index is locked or the write fails, the rows
stay and the task is retried later, so publishing never waits on or fails because of the index.
If the index itself is gone, the task rebuilds all of it from the catalogue (which covers every
pending row) rather than starting an index that holds only the newest entries.

``rebuild_index`` is the full rebuild (``bulk.rebuild``) followed by queueing what changed while it ran;
``manage.py rebuild_index`` calls it.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from haystack import connections

from ..models import CatalogueEntry, PendingIndexUpdate
from .backend import IndexMissing
from .bulk import LIMIT_MB, rebuild
from .documents import catalogue_index, indexes_by_label, model_label
from .models import CATALOGUE_ENTRY_LABEL
from .vocabulary import build_vocabulary

logger = logging.getLogger(__name__)

BATCH_LIMIT = 2000
RETRY_DELAYS_SECONDS = (2, 5, 15, 60, 300)


def queue_entries(entry_ids, model=None):
    """Mark objects for (re)indexing or removal; the worker is asked once the transaction commits.

    ``entry_ids``: primary keys; ``model``: their model (class or ``"app_label.model_name"``), by default
    the catalogue entry. Returns how many were queued.
    """
    ids = {int(pk) for pk in entry_ids if pk}
    if not ids:
        return 0
    label = CATALOGUE_ENTRY_LABEL if model is None else model if isinstance(model, str) else model_label(model)
    now = timezone.now()
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(model=label, entry_id=pk, queued_at=now) for pk in ids],
        update_conflicts=True, unique_fields=["model", "entry_id"], update_fields=["queued_at"],
    )
    transaction.on_commit(request_processing, robust=True)
    return len(ids)


def request_processing(delay_seconds=0):
    """Ask the task worker to process the queue (now, or after a delay where the backend can defer)."""
    index_task = process_index_updates
    if delay_seconds:
        if not index_task.get_backend().supports_defer:
            # An in-process backend cannot wait: the rows stay pending for the next publish or `search_queue --process`.
            return
        index_task = index_task.using(run_after=timezone.now() + timedelta(seconds=delay_seconds))
    try:
        index_task.enqueue()
    except Exception:  # the rows are kept; the next publish or `search_queue --process` picks them up
        logger.exception("Could not enqueue the search index update; pending entries are kept.")


def pending_count():
    return PendingIndexUpdate.objects.count()


def process_pending(limit=BATCH_LIMIT):
    """Apply up to ``limit`` pending updates in one write. Returns how many objects were written.

    Each object is re-read through its index's public queryset: what is no longer public (a withdrawn
    entry, a letter held back) is removed. Raises whatever the index raised (e.g. ``IndexLocked``) after
    recording the attempt, so the task runner sees the failure and the caller can retry.
    """
    started = timezone.now()
    rows = list(PendingIndexUpdate.objects.order_by("queued_at").values_list("pk", "model", "entry_id")[:limit])
    if not rows:
        return 0
    wanted = {}
    for _row_pk, label, pk in rows:
        wanted.setdefault(label, set()).add(pk)
    known = indexes_by_label()
    batches, removed = [], []
    for label, pks in wanted.items():
        index = known.get(label)
        live = list(index.index_queryset().filter(pk__in=pks).order_by()) if index is not None else []
        live_ids = {obj.pk for obj in live}
        removed.extend(f"{label}.{pk}" for pk in sorted(pks) if pk not in live_ids)
        if live:
            batches.append((index, live))
    row_pks = [row_pk for row_pk, _label, _pk in rows]
    backend = connections["default"].get_backend()
    first_index, first_objects = batches[0] if batches else (catalogue_index(), [])
    try:
        backend.apply_changes(first_index, objects=first_objects, removed_identifiers=removed, more=batches[1:])
    except IndexMissing:
        # Never start an empty index with only these objects: build the whole one from the database.
        logger.warning("Search index is missing; rebuilding it from the catalogue before applying %s updates.", len(rows))
        rebuild_index(procs=1)
    except Exception as error:
        PendingIndexUpdate.objects.filter(pk__in=row_pks).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    # A row queued again while we were writing keeps its newer time and stays pending.
    PendingIndexUpdate.objects.filter(pk__in=row_pks, queued_at__lte=started).delete()
    return len(rows)


def get_identifier_for_pk(pk, model=CatalogueEntry):
    return f"{model_label(model)}.{pk}"


def process_all(limit=BATCH_LIMIT):
    """Drain the queue (used by the task and by ``search_queue --process``)."""
    total = 0
    while True:
        done = process_pending(limit)
        total += done
        if done < limit:
            return total


def retry_delay(attempt):
    return RETRY_DELAYS_SECONDS[min(attempt, len(RETRY_DELAYS_SECONDS) - 1)]


def rebuild_index(procs=2, chunk_size=2000, limitmb=LIMIT_MB, progress=None):
    """Build a complete new index (``bulk.rebuild``, same arguments) and swap it in, then queue the catalogue
    entries changed while it was built, so none is left out, and count the search vocabulary afresh (so no
    search after a deployment waits for it). Returns (documents written, seconds) of the index."""
    started = timezone.now()
    result = rebuild(procs=procs, chunk_size=chunk_size, limitmb=limitmb, progress=progress)
    changed = CatalogueEntry.objects.filter(Q(changed_at__gte=started) | Q(last_updated_at__gte=started))
    queue_entries(changed.values_list("pk", flat=True))
    build_vocabulary()
    return result


@task(priority=50)
def process_index_updates():
    """The django-tasks task (``manage.py db_worker``): write every pending index change; on failure keep them
    and ask to be run again later."""
    try:
        return process_all()
    except Exception as error:
        attempts = PendingIndexUpdate.objects.order_by("-attempts").values_list("attempts", flat=True).first() or 1
        delay = retry_delay(attempts - 1)
        logger.warning("Search index update failed (%r); retrying in %s s.", error, delay)
        request_processing(delay_seconds=delay)
        raise
