"""The seams of the catalogue. Handlers only delegate.

In: page publishing, moves and view restrictions (any tree), Sites, organisations and topics. Out: the catalogue's own announcement,
``signals.catalogue_changed``, renews the catalogue's facet generation and the anonymous page cache
(the page layer below is called, never the other way round).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import page_cache
from portal.signals import disclosed_page_published

from . import generation, privacy, registration, review
from .models import CatalogueEntry, Topic
from .signals import catalogue_changed


def on_page_published(sender, instance, **kwargs):
    if registration.is_disclosed(instance):
        registration.register_page(instance)
    else:
        registration.refresh_subtree(instance)


def on_page_unpublished(sender, instance, **kwargs):
    reason = registration.WithdrawalReason.EXPIRED if instance.expired else registration.WithdrawalReason.UNPUBLISHED
    registration.withdraw_page(instance.pk, reason)


def on_page_deleted(sender, instance, **kwargs):
    registration.withdraw_page(instance.pk, registration.WithdrawalReason.DELETED)


def on_page_moved(sender, instance, **kwargs):
    registration.refresh_subtree(instance)
    privacy.refresh_privacy(instance)


def on_view_restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # rows loaded as they are (a fixture, a restore) come with their catalogue entries
        privacy.refresh_privacy_of(instance.page_id)


def on_view_restriction_deleted(sender, instance, origin=None, **kwargs):
    """Removed by an editor: the section is public again. Removed with its page (a deletion): nothing to restore."""
    if isinstance(origin, Page) or issubclass(getattr(origin, "model", type(None)), Page):
        return
    privacy.refresh_privacy_of(instance.page_id)


def on_site_changed(sender, instance, raw=False, **kwargs):
    """A Site created, changed (hostname, port, scheme, root, default) or deleted: entries' addresses follow."""
    if not raw:
        registration.refresh_addresses()


def on_organisation_saved(sender, instance, created=False, raw=False, **kwargs):
    """An organisation's name is part of its entries (publisher, search text)."""
    if not created and not raw:
        registration.announce_shared_change(CatalogueEntry.objects.filter(organisation=instance))


def on_topic_saved(sender, instance, created=False, raw=False, **kwargs):
    if not created and not raw:
        registration.announce_shared_change(
            CatalogueEntry.objects.filter(topic__in=[instance.pk, *instance.children.values_list("pk", flat=True)])
        )


def on_catalogue_changed(sender, entry_ids, kind, **kwargs):
    """Whatever is derived from the whole catalogue or shows entries is stale: facet counts, cached pages."""
    generation.renew()
    page_cache.invalidate()


def on_disclosed_page_published(sender, page_id, revision, user, **kwargs):
    """A disclosed page went live: publishing is the confidentiality review's sign-off (``review``)."""
    review.record_confidentiality_review(page_id, revision, user)


def register_signal_handlers():
    """Connected before Wagtail's own handlers (our apps come first), so a deletion is recorded as such."""
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="catalogue-delete")
    for model in get_page_models():
        page_published.connect(on_page_published, sender=model, dispatch_uid=f"catalogue-publish-{model.__name__}")
        page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid=f"catalogue-unpublish-{model.__name__}")
        post_page_move.connect(on_page_moved, sender=model, dispatch_uid=f"catalogue-move-{model.__name__}")
    post_save.connect(on_view_restriction_saved, sender=PageViewRestriction, dispatch_uid="catalogue-restriction-saved")
    post_delete.connect(on_view_restriction_deleted, sender=PageViewRestriction, dispatch_uid="catalogue-restriction-deleted")
    post_save.connect(on_site_changed, sender=Site, dispatch_uid="catalogue-site-saved")
    post_delete.connect(on_site_changed, sender=Site, dispatch_uid="catalogue-site-deleted")
    post_save.connect(on_organisation_saved, sender="departments.Organisation", dispatch_uid="catalogue-organisation")
    disclosed_page_published.connect(on_disclosed_page_published, dispatch_uid="catalogue-confidentiality-review")
    post_save.connect(on_topic_saved, sender=Topic, dispatch_uid="catalogue-topic")
    catalogue_changed.connect(on_catalogue_changed, sender=CatalogueEntry, dispatch_uid="catalogue-changed-caches")
