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
from wagtail.models import Page, Site

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
    RESTRICTED = _("页面设置了访问限制（登录、密码或指定用户组），不再向公众公开")


def is_disclosed(page):
    return bool(getattr(page, "is_disclosed", False))


def is_public(page):
    """Whether every anonymous visitor may see ``page``: no view restriction on it or on any ancestor.

    Public means public to everyone (条例 art. 19-20: proactive disclosure is to the public); a page
    behind a login, a password or a group restriction is not catalogued as public. One query.
    """
    return not page.get_view_restrictions().exists()


def placement_fields(page):
    """Where the page sits: URL, site, path in the site and column. These change on moves, slug changes above
    the page and Site changes."""
    column = page.column
    return {**address_fields(page), "column": column, "column_title": column.title if column else "",
            "column_kind": column.kind if column else ""}


def address_fields(page):
    """The page's Site, its path inside that Site and its full URL now (Wagtail's ``get_url_parts``)."""
    site_id, root_url, path = page.get_url_parts() or (None, None, None)
    return {
        "url": f"{root_url}{path}" if root_url and path else "",
        "site": Site.objects.get(pk=site_id) if site_id else None,
        "path": path or "",
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
    """Create or update the entry of a live, public, disclosed page. Returns the entry, or None if there is none.

    Announces the entry (``catalogue_changed`` with ``kind``).
    """
    page = page.specific
    if not is_disclosed(page) or not page.live:
        return None
    if not is_public(page):
        # Held back: a page that was never public takes no number; one that was public is withdrawn.
        withdraw_page(page.pk, WithdrawalReason.RESTRICTED, ChangeKind.PRIVACY)
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
            index_organisation=organisation,
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


def refresh_addresses(chunk_size=2000):
    """After a Site is created, changed or deleted: re-read every live entry's Site, path and full URL.

    A department given its own hostname moves its tree onto a new Site; a changed hostname, port or scheme
    changes every full URL of that Site. Announces the entries that changed (kind ``move``); returns how many.
    Reads plain pages (no specific rows): one query per ``chunk_size`` entries, then one bulk update.
    """
    Site.clear_site_root_paths_cache()  # Wagtail's own handler may run after this one
    roots = Site.get_site_root_paths()
    now = recording_time()
    changed = []
    live = CatalogueEntry.objects.filter(status=CatalogueEntry.Status.LIVE, page__isnull=False).order_by("pk")
    last_pk = 0
    while True:
        chunk = list(live.filter(pk__gt=last_pk).only("pk", "page_id", "site_id", "path", "url")[:chunk_size])
        if not chunk:
            break
        last_pk = chunk[-1].pk
        pages = Page.objects.in_bulk([entry.page_id for entry in chunk])
        for entry in chunk:
            page = pages.get(entry.page_id)
            if page is None:
                continue
            page._wagtail_cached_site_root_paths = roots
            site_id, root_url, path = page.get_url_parts() or (None, None, None)
            url = f"{root_url}{path}" if root_url and path else ""
            if (entry.site_id, entry.path, entry.url) != (site_id, path or "", url):
                entry.site_id, entry.path, entry.url, entry.changed_at = site_id, path or "", url, now
                changed.append(entry)
    CatalogueEntry.objects.bulk_update(changed, ["site", "path", "url", "changed_at"], batch_size=500)
    announce([entry.pk for entry in changed], ChangeKind.MOVED)
    return len(changed)


def announce_shared_change(entries):
    """Entries whose shared data changed without their own rows changing (their organisation or topic was edited).

    ``entries``: a queryset of entries. Announced as one bulk change so that search re-reads their text.
    """
    return announce(entries.values_list("pk", flat=True), ChangeKind.BULK)
