"""Haystack's signal processor for the catalogue: it only queues, never writes the index.

Set as ``HAYSTACK_SIGNAL_PROCESSOR``; haystack connects it when its app is ready. Search is fed
from the catalogue's own announcement (``disclosure.catalogue.signals.catalogue_changed``: publish, withdraw,
privacy, move, sync, bulk), never from page signals: whatever changes an entry, by whichever path,
queues it, and the queue re-reads each entry's state after commit.
"""

from django.db.models.signals import post_delete, post_save
from haystack.signals import BaseSignalProcessor

from ..catalogue.signals import catalogue_changed


def queue_changed_entries(sender, entry_ids, kind, **kwargs):
    """The catalogue announced a change: queue exactly those entries (in the same transaction)."""
    from .queue import queue_entries

    queue_entries(entry_ids)


def queue_deleted_entry(sender, instance, **kwargs):
    """Entries are never deleted by the product; should one be removed by hand, it leaves the index too."""
    from .queue import queue_entries

    queue_entries([instance.pk])


def forget_memos(sender, **kwargs):
    """Synonyms, editors' picks and organisation names are memoised per process; drop them when edited."""
    from .memo import forget

    forget()


MEMO_MODELS = ("disclosure.SynonymGroup", "disclosure.EditorsPick", "departments.Organisation", "disclosure.Topic")


class CatalogueSignalProcessor(BaseSignalProcessor):
    def setup(self):
        from ..models import CatalogueEntry

        catalogue_changed.connect(queue_changed_entries, sender=CatalogueEntry, dispatch_uid="search-catalogue-changed")
        post_delete.connect(queue_deleted_entry, sender=CatalogueEntry, dispatch_uid="search-entry-deleted")
        for label in MEMO_MODELS:
            post_save.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-delete")

    def teardown(self):
        from ..models import CatalogueEntry

        catalogue_changed.disconnect(sender=CatalogueEntry, dispatch_uid="search-catalogue-changed")
        post_delete.disconnect(sender=CatalogueEntry, dispatch_uid="search-entry-deleted")
        for label in MEMO_MODELS:
            post_save.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-delete")
