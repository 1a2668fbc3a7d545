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

from ..models import CatalogueEntry
from .index_numbers import format_index_number, next_serial
from .signals import ChangeKind, announce
from .statutory import resolve_item_id

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


def placement_fields(page):
    """Where the page sits: URL, site and column. These change on moves and slug changes above the page."""
    column = page.column
    return {
        "url": page.get_full_url() or "",
        "site": page.get_site(),
        "column": column,
        "column_title": column.title if column else "",
        "column_kind": column.kind if column else "",
    }


def entry_fields(page):
    """Everything an entry copies from its page and its place in the tree.

    An entry whose page names no statutory item is filed under the one item its column stands for.
    """
    fields = {**page.catalogue_metadata(), **placement_fields(page)}
    if fields.get("statutory_item_id") is None:
        codes = getattr(page, "statutory_item_codes", ())
        fields["statutory_item_id"] = resolve_item_id(fields["column"], page.organisation, codes)
    return fields


@transaction.atomic
def register_page(page, kind=ChangeKind.PUBLISHED):
    """Create or update the entry of a live disclosed page. Returns the entry, or None if not disclosed.

    Announces the entry (``catalogue_changed`` with ``kind``).
    """
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
    entry.changed_at = now
    entry.status = CatalogueEntry.Status.LIVE
    entry.withdrawn_at = None
    entry.withdrawal_reason = ""
    entry.save()
    announce([entry.pk], kind)
    return entry


def withdraw_page(page_id, reason, kind=ChangeKind.WITHDRAWN):
    """Withdraw the live entry of a page: kept, dated and explained, out of public listings. Returns 0 or 1."""
    return withdraw_entries(CatalogueEntry.objects.filter(page_key=page_id), reason, kind)


def withdraw_entries(entries, reason, kind=ChangeKind.WITHDRAWN):
    """Withdraw the live ones of ``entries`` (a queryset) with one reason, and announce them. Returns how many."""
    now = recording_time()
    live = entries.filter(status=CatalogueEntry.Status.LIVE)
    ids = list(live.values_list("pk", flat=True))
    if not ids:
        return 0
    withdrawn = CatalogueEntry.objects.filter(pk__in=ids, status=CatalogueEntry.Status.LIVE).update(
        status=CatalogueEntry.Status.WITHDRAWN, withdrawn_at=now, withdrawal_reason=str(reason), changed_at=now
    )
    announce(ids, kind)
    return withdrawn


RELATED_FIELDS = ("site", "column", "organisation")


def differs(entry, fields):
    """Whether ``entry`` would change if ``fields`` were written to it (related objects compared by key)."""
    for name, value in fields.items():
        if name in RELATED_FIELDS:
            if getattr(entry, f"{name}_id") != (value.pk if value is not None else None):
                return True
        elif getattr(entry, name) != value:
            return True
    return False


def refresh_subtree(page):
    """After a move or a slug change above them, re-read URL, site, column and organisation of entries below ``page``.

    Index numbers are never touched: an entry keeps the number its first publication gave it.
    """
    from wagtail.models import Page

    entries = {
        entry.page_key: entry
        for entry in CatalogueEntry.objects.filter(
            page__path__startswith=page.path, page__live=True, status=CatalogueEntry.Status.LIVE
        )
    }
    if not entries:
        return 0
    changed = []
    now = recording_time()
    for descendant in Page.objects.filter(pk__in=entries).defer_streamfields().specific():
        if not is_disclosed(descendant):
            continue
        entry = entries[descendant.pk]
        updates = placement_fields(descendant)
        organisation = descendant.organisation
        if organisation is not None:
            updates["organisation"] = organisation
        if differs(entry, updates):
            CatalogueEntry.objects.filter(pk=entry.pk).update(**updates, changed_at=now)
            changed.append(entry.pk)
    announce(changed, ChangeKind.MOVED)
    return len(changed)


def announce_shared_change(entries):
    """Entries whose shared data changed without their own rows changing (their organisation or topic was edited).

    ``entries``: a queryset of entries. Announced as one bulk change so that search re-reads their text.
    """
    return announce(entries.values_list("pk", flat=True), ChangeKind.BULK)
