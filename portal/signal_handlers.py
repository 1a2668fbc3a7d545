"""The seam between everything that changes what an anonymous visitor sees and the page cache.

Publishing, unpublishing, moving and deleting pages; view restrictions on pages and collections;
redirects; Sites (hostname, port, scheme, root, default); organisations and the site identity.
Each makes every cached page stale at once (``page_cache.invalidate``). Catalogue changes renew it
too, from the catalogue's own announcement (``disclosure.signal_handlers``).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.models import SiteIdentity

from . import page_cache

# Models whose every save or deletion may change a public answer (a page's visibility, where a URL leads,
# which host serves which tree).
ALWAYS_INVALIDATING = (PageViewRestriction, CollectionViewRestriction, Redirect, Site)


def invalidate_public_pages(**kwargs):
    page_cache.invalidate()


def invalidate_on_settings_change(created=False, **kwargs):
    """A site setting row created on first read (for_site) changes nothing visible; an edit does."""
    if not created:
        invalidate_public_pages()


def register_signal_handlers():
    for model in get_page_models():
        page_published.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-publish-{model.__name__}")
        page_unpublished.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-unpublish-{model.__name__}")
        post_page_move.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-move-{model.__name__}")
    post_delete.connect(invalidate_public_pages, sender=Page, dispatch_uid="page-cache-delete")
    for model in ALWAYS_INVALIDATING:
        name = model._meta.label_lower
        post_save.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-{name}-saved")
        post_delete.connect(invalidate_public_pages, sender=model, dispatch_uid=f"page-cache-{name}-deleted")
    # A string reference: the page layer does not import the organisations above it.
    post_save.connect(invalidate_public_pages, sender="departments.Organisation", dispatch_uid="page-cache-organisation")
    post_save.connect(invalidate_on_settings_change, sender=SiteIdentity, dispatch_uid="page-cache-site-identity")
    post_delete.connect(invalidate_public_pages, sender=SiteIdentity, dispatch_uid="page-cache-site-identity-deleted")
