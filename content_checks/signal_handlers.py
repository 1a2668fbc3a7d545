"""Seams to the lower layers; handlers only delegate.

- the office's lists and the organisations' records: rebuild the matchers when they change;
- the catalogue's announcement (``disclosure.catalogue.signals.catalogue_changed``, docs/catalogue.md): a
  published entry's page is checked after commit (queued) and its findings stored; a withdrawn entry's
  findings are resolved (the page is no longer public);
- the page layer's pre-publication registry (``portal.publication_checks``).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import wording, wordlists


def on_list_changed(sender, **kwargs):
    wordlists.lists_changed()


def on_directory_changed(sender, **kwargs):
    wording.directory_changed()


def on_catalogue_changed(sender, entry_ids, kind, **kwargs):
    from disclosure.catalogue.signals import ChangeKind

    if kind not in (ChangeKind.PUBLISHED, ChangeKind.WITHDRAWN):
        return
    page_ids = list(sender.objects.filter(pk__in=entry_ids, page__isnull=False).values_list("page_id", flat=True))
    if not page_ids:
        return
    if kind == ChangeKind.WITHDRAWN:
        from .store import resolve_pages

        resolve_pages(page_ids)
    else:
        transaction.on_commit(lambda: queue_page_checks(page_ids), robust=True)


def queue_page_checks(page_ids):
    from .tasks import check_published_pages

    check_published_pages.enqueue(page_ids)


def register_signal_handlers():
    from django.apps import apps

    from disclosure.catalogue.signals import catalogue_changed
    from portal import publication_checks

    from .models import FixedFormulation, SensitiveWord
    from .publication import publication_check

    for model in (SensitiveWord, FixedFormulation):
        post_save.connect(on_list_changed, sender=model, dispatch_uid=f"content-checks-list-{model.__name__}")
        post_delete.connect(on_list_changed, sender=model, dispatch_uid=f"content-checks-list-del-{model.__name__}")
    for name in ("Organisation", "Leader"):
        model = apps.get_model("departments", name)
        post_save.connect(on_directory_changed, sender=model, dispatch_uid=f"content-checks-dir-{name}")
        post_delete.connect(on_directory_changed, sender=model, dispatch_uid=f"content-checks-dir-del-{name}")
    catalogue_changed.connect(on_catalogue_changed, sender=apps.get_model("disclosure", "CatalogueEntry"),
                              dispatch_uid="content-checks-catalogue-changed")
    publication_checks.register(publication_check)
