"""The seam between publishing and the page cache: any change to the public tree makes it stale."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache


def invalidate_public_pages(**kwargs):
    page_cache.invalidate()


def invalidate_on_settings_change(created=False, **kwargs):
    """A site setting row created on first read (for_site) changes nothing visible; an edit does."""
    if not created:
        invalidate_public_pages()


def register_signal_handlers():
    from departments.models import Organisation
    from portal.models import SiteIdentity

    for model in get_page_models():
        page_published.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-publish-{model.__name__}")
        page_unpublished.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-unpublish-{model.__name__}")
        post_page_move.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-move-{model.__name__}")
    post_delete.connect(invalidate_public_pages, sender=Page, dispatch_uid="page-cache-delete")
    post_save.connect(invalidate_public_pages, sender=Organisation, dispatch_uid="page-cache-organisation")
    post_save.connect(invalidate_on_settings_change, sender=SiteIdentity, dispatch_uid="page-cache-site-identity")
