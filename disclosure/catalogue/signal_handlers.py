"""The seam between page publishing (any tree) and the catalogue. Handlers only delegate."""

from django.db.models.signals import pre_delete
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registration


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


def register_signal_handlers():
    """Connected before Wagtail's own handlers (our apps come first), so a deletion is recorded as such."""
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="catalogue-delete")
    for model in get_page_models():
        page_published.connect(on_page_published, sender=model, dispatch_uid=f"catalogue-publish-{model.__name__}")
        page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid=f"catalogue-unpublish-{model.__name__}")
        post_page_move.connect(on_page_moved, sender=model, dispatch_uid=f"catalogue-move-{model.__name__}")
