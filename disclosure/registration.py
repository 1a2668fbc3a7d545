"""Registering published pages in the catalogue and withdrawing them.

These are the plain functions the signal handlers call; tests and ``catalogue_sync`` call
them directly. Pages describe themselves through ``catalogue_metadata()``; this module never
imports page types.
"""

import contextlib
import contextvars
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .index_numbers import format_index_number, next_serial
from .models import CatalogueEntry

logger = logging.getLogger(__name__)

_historical_time = contextvars.ContextVar("historical_time", default=None)


@contextlib.contextmanager
def importing_history(recorded_at):
    """Record ``recorded_at`` instead of now, for imports of historical content only (seed_demo, migrations)."""
    token = _historical_time.set(recorded_at)
    try:
        yield
    finally:
        _historical_time.reset(token)


def recording_time():
    return _historical_time.get() or timezone.now()


class WithdrawalReason:
    UNPUBLISHED = _("页面已撤销发布")
    EXPIRED = _("页面已过期下线")
    DELETED = _("页面已删除")
    ORPHANED = _("页面不再属于任何机构")


def is_disclosed(page):
    return bool(getattr(page, "is_disclosed", False))


def entry_fields(page):
    """Everything an entry copies from its page and its place in the tree."""
    column = page.column
    site = page.get_site()
    return {
        **page.catalogue_metadata(),
        "url": page.get_full_url() or "",
        "site": site,
        "column": column,
        "column_title": column.title if column else "",
        "column_kind": column.kind if column else "",
    }


@transaction.atomic
def register_page(page):
    """Create or update the entry of a live disclosed page. Returns the entry, or None if not disclosed."""
    page = page.specific
    if not is_disclosed(page) or not page.live:
        return None
    organisation = page.organisation
    if organisation is None:
        logger.warning("Page %s is live but belongs to no organisation; not catalogued.", page.pk)
        return None
    now = recording_time()
    fields = entry_fields(page)
    entry = CatalogueEntry.objects.select_for_update().filter(page_key=page.pk).first()
    if entry is None:
        year = timezone.localtime(now).year
        serial = next_serial(organisation, year)
        entry = CatalogueEntry(
            page_key=page.pk,
            index_year=year,
            index_serial=serial,
            index_number=format_index_number(organisation, year, serial),
            first_published_at=now,
        )
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.page = page
    entry.organisation = organisation
    entry.last_updated_at = now
    entry.status = CatalogueEntry.Status.LIVE
    entry.withdrawn_at = None
    entry.withdrawal_reason = ""
    entry.save()
    return entry


def withdraw_page(page_id, reason):
    """Withdraw the live entry of a page: kept, dated and explained, out of public listings."""
    return CatalogueEntry.objects.filter(page_key=page_id, status=CatalogueEntry.Status.LIVE).update(
        status=CatalogueEntry.Status.WITHDRAWN, withdrawn_at=recording_time(), withdrawal_reason=str(reason)
    )


def refresh_subtree(page):
    """After a move or a slug change above them, re-read URL, site, column and organisation of entries below ``page``."""
    from wagtail.models import Page

    pages = Page.objects.descendant_of(page, inclusive=True).live().filter(catalogue_entry__isnull=False).specific()
    changed = 0
    for descendant in pages:
        if not is_disclosed(descendant):
            continue
        entry = descendant.catalogue_entry
        organisation = descendant.organisation
        fields = entry_fields(descendant)
        updates = {name: fields[name] for name in ("url", "site", "column", "column_title", "column_kind")}
        if organisation is not None:
            updates["organisation"] = organisation
        if any(getattr(entry, name) != value for name, value in updates.items()):
            CatalogueEntry.objects.filter(pk=entry.pk).update(**updates)
            changed += 1
    return changed
