"""Haystack's signal processor for the catalogue: it only queues, never writes the index.

Set as ``HAYSTACK_SIGNAL_PROCESSOR``; haystack connects it when its app is ready. Entries are
saved by publishing (``registration.register_page``) but withdrawn and moved with queryset
updates, which send no model signal, so the Wagtail page signals are listened to as well and
the queue re-reads each entry's state after commit.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from haystack.signals import BaseSignalProcessor


def queue_saved_entry(sender, instance, **kwargs):
    from .queue import queue_entries

    queue_entries([instance.pk])


def queue_page_entries(sender, instance, **kwargs):
    """A page was unpublished, deleted or moved: its entry, and its descendants' entries, may change."""
    from ..models import CatalogueEntry
    from .queue import queue_entries

    entries = CatalogueEntry.objects.filter(page_key=instance.pk).values_list("pk", flat=True)
    below = CatalogueEntry.objects.filter(page__path__startswith=instance.path).values_list("pk", flat=True)
    queue_entries([*entries, *below])


def queue_organisation_entries(sender, instance, created=False, **kwargs):
    """An organisation's name is part of its entries' text."""
    if created:
        return
    from ..models import CatalogueEntry
    from .queue import queue_entries

    queue_entries(CatalogueEntry.objects.filter(organisation=instance).values_list("pk", flat=True))


def forget_memos(sender, **kwargs):
    """Synonyms, editors' picks and organisation names are memoised per process; drop them when edited."""
    from .memo import forget

    forget()


MEMO_MODELS = ("disclosure.SynonymGroup", "disclosure.EditorsPick", "departments.Organisation", "disclosure.Topic")


class CatalogueSignalProcessor(BaseSignalProcessor):
    def setup(self):
        from wagtail.models import Page
        from wagtail.signals import page_unpublished, post_page_move

        from departments.models import Organisation

        from ..models import CatalogueEntry

        post_save.connect(queue_saved_entry, sender=CatalogueEntry, dispatch_uid="search-entry-saved")
        post_delete.connect(queue_saved_entry, sender=CatalogueEntry, dispatch_uid="search-entry-deleted")
        page_unpublished.connect(queue_page_entries, dispatch_uid="search-page-unpublished")
        pre_delete.connect(queue_page_entries, sender=Page, dispatch_uid="search-page-deleted")
        post_page_move.connect(queue_page_entries, dispatch_uid="search-page-moved")
        post_save.connect(queue_organisation_entries, sender=Organisation, dispatch_uid="search-organisation-saved")
        for label in MEMO_MODELS:
            post_save.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.connect(forget_memos, sender=label, dispatch_uid=f"search-forget-{label}-delete")

    def teardown(self):
        from wagtail.models import Page
        from wagtail.signals import page_unpublished, post_page_move

        from departments.models import Organisation

        from ..models import CatalogueEntry

        post_save.disconnect(sender=CatalogueEntry, dispatch_uid="search-entry-saved")
        post_delete.disconnect(sender=CatalogueEntry, dispatch_uid="search-entry-deleted")
        page_unpublished.disconnect(dispatch_uid="search-page-unpublished")
        pre_delete.disconnect(sender=Page, dispatch_uid="search-page-deleted")
        post_page_move.disconnect(dispatch_uid="search-page-moved")
        post_save.disconnect(sender=Organisation, dispatch_uid="search-organisation-saved")
        for label in MEMO_MODELS:
            post_save.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-save")
            post_delete.disconnect(sender=label, dispatch_uid=f"search-forget-{label}-delete")
