"""Haystack's signal processor for the catalogue: it only queues, never writes the index.

Set as ``HAYSTACK_SIGNAL_PROCESSOR``; haystack connects it when its app is ready. Search is fed
from the catalogue's own announcement (``disclosure.catalogue.signals.catalogue_changed``: publish, withdraw,
privacy, move, sync, bulk), never from page signals: whatever changes an entry, by whichever path,
queues it, and the queue re-reads each entry's state after commit. The other things search finds
(public letters, organisations: every model with a search index) are announced on the same signal by
their own apps, with their model as ``sender``, and queued the same way.
"""

from django.db.models.signals import post_delete, post_save
from haystack import connections
from haystack.signals import BaseSignalProcessor

from ..catalogue.signals import catalogue_changed
from . import memo
from .queue import queue_entries


def queue_changed_entries(sender, entry_ids, kind, **kwargs):
    """Objects of ``sender`` were announced as changed: queue exactly those (in the same transaction)."""
    queue_entries(entry_ids, model=sender)


def queue_deleted_entry(sender, instance, **kwargs):
    """Deleted by hand (entries never are by the product): it leaves the index too."""
    queue_entries([instance.pk], model=sender)


def forget_memos(sender, **kwargs):
    """Synonyms, editors' picks and organisation names are memoised per process; drop them when edited."""
    memo.forget()


MEMO_MODELS = ("disclosure.SynonymGroup", "disclosure.EditorsPick", "departments.Organisation", "disclosure.Topic")


def _indexed_models():
    return connections["default"].get_unified_index().get_indexed_models()


class CatalogueSignalProcessor(BaseSignalProcessor):
    def setup(self):
        for model in _indexed_models():
            uid = f"{model._meta.app_label}.{model._meta.model_name}"
            catalogue_changed.connect(queue_changed_entries, sender=model, dispatch_uid=f"search-changed-{uid}")
            post_delete.connect(queue_deleted_entry, sender=model, dispatch_uid=f"search-deleted-{uid}")
        for label in MEMO_MODELS:
            post_save.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-delete")

    def teardown(self):
        for model in _indexed_models():
            uid = f"{model._meta.app_label}.{model._meta.model_name}"
            catalogue_changed.disconnect(sender=model, dispatch_uid=f"search-changed-{uid}")
            post_delete.disconnect(sender=model, dispatch_uid=f"search-deleted-{uid}")
        for label in MEMO_MODELS:
            post_save.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-delete")
