"""Public means public to everyone: entries follow their pages' view restrictions.

A view restriction (login, password or groups, Wagtail's ``PageViewRestriction``) on a page or on
any of its ancestors makes the page not public. Its catalogue entry then leaves every public output:

* an entry that was public is **withdrawn** with the reason ``WithdrawalReason.RESTRICTED``; it keeps
  its index number and comes back, with the same number, when the restriction is removed;
* a page that was never public is **held back**: it gets no entry and takes no number until the
  restriction is removed, so nothing about it (not even its title) reaches a public list or a harvester.

See docs/catalogue.md ("Restricted pages").
"""

from django.db import transaction
from wagtail.models import Page

from .models import CatalogueEntry
from .registration import WithdrawalReason, is_disclosed, register_page, withdraw_entries
from .signals import ChangeKind
from .sync import disclosed_page_types


@transaction.atomic
def refresh_privacy(page):
    """Re-apply the rule to the live entries and pages at and below ``page`` after its restrictions changed.

    Returns ``(withdrawn, registered)`` counts. Safe to call for any page, any number of times.
    """
    subtree = Page.objects.filter(path__startswith=page.path)
    withdrawn = withdraw_entries(
        CatalogueEntry.objects.filter(page__in=subtree.not_public()), WithdrawalReason.RESTRICTED, ChangeKind.PRIVACY
    )
    registered = 0
    already_public = CatalogueEntry.objects.filter(status=CatalogueEntry.Status.LIVE).values("page_key")
    candidates = (
        subtree.live().public().type(*disclosed_page_types()).exclude(pk__in=already_public).specific().order_by("path")
    )
    for candidate in candidates.iterator(chunk_size=200):
        if is_disclosed(candidate) and register_page(candidate, ChangeKind.PRIVACY) is not None:
            registered += 1
    return withdrawn, registered


def refresh_privacy_of(page_id):
    """Like :func:`refresh_privacy`, by page id; does nothing when the page is gone (deleted with its restriction)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0, 0
    return refresh_privacy(page)
