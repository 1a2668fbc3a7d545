"""Rebuilding the catalogue from the live pages, idempotently, without ever touching an index number.

``compare()`` lists what differs between the live disclosed pages and their entries: missing
entries, entries whose copied fields drifted, entries that are live although their page is gone,
unpublished or no longer disclosed, entries that are public although their page has a view restriction
(a privacy mismatch), and withdrawn entries whose page is live and public again. ``apply()``
fixes exactly those. ``manage.py catalogue_sync`` prints them; ``--check`` only reports.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models

from ..models import CatalogueEntry
from .registration import (
    WithdrawalReason,
    differs,
    entry_fields,
    importing_history,
    is_disclosed,
    register_page,
    withdraw_entries,
)
from .signals import ChangeKind, announce


@dataclass
class Difference:
    action: str  # "create", "update", "restore", "restrict" or "withdraw"
    page_id: int
    title: str
    index_number: str = ""
    fields: list = field(default_factory=list)
    reason: str = ""

    def describe(self):
        if self.action == "create":
            return _("新建：页面 %(page)s《%(title)s》缺少目录条目") % {"page": self.page_id, "title": self.title}
        if self.action == "update":
            return _("更新：%(number)s《%(title)s》字段不一致：%(fields)s") % {
                "number": self.index_number, "title": self.title, "fields": ", ".join(self.fields)
            }
        if self.action == "restore":
            return _("恢复：%(number)s《%(title)s》页面已发布，条目却是撤回状态") % {
                "number": self.index_number, "title": self.title
            }
        if self.action == "restrict":
            return _("隐私不一致：%(number)s《%(title)s》页面设有访问限制，条目却仍公开") % {
                "number": self.index_number, "title": self.title
            }
        return _("撤回：%(number)s《%(title)s》（%(reason)s）") % {
            "number": self.index_number, "title": self.title, "reason": self.reason
        }


def disclosed_page_types():
    return [model for model in get_page_models() if getattr(model, "is_disclosed", False) and not model._meta.abstract]


def live_disclosed_pages():
    models = disclosed_page_types()
    if not models:
        return Page.objects.none()
    return Page.objects.live().type(*models).specific().order_by("pk")


def _expected(page):
    organisation = page.organisation
    if organisation is None:
        return None
    return {**entry_fields(page), "organisation": organisation}


def compare():
    """Every difference between live pages and the catalogue, without changing anything."""
    differences = []
    entries = {entry.page_key: entry for entry in CatalogueEntry.objects.all()}
    seen = set()
    restricted = set(live_disclosed_pages().not_public().values_list("pk", flat=True))
    for page in live_disclosed_pages().iterator(chunk_size=500):
        expected = _expected(page)
        if expected is None:
            continue
        seen.add(page.pk)
        entry = entries.get(page.pk)
        if page.pk in restricted:
            if entry is not None and entry.is_live:
                differences.append(Difference("restrict", page.pk, page.title, entry.index_number,
                                              reason=str(WithdrawalReason.RESTRICTED)))
        elif entry is None:
            differences.append(Difference("create", page.pk, page.title))
        elif not entry.is_live:
            differences.append(Difference("restore", page.pk, page.title, entry.index_number))
        else:
            drifted = [name for name, value in expected.items() if differs(entry, {name: value})]
            if drifted:
                differences.append(Difference("update", page.pk, page.title, entry.index_number, drifted))
    for entry in entries.values():
        if entry.is_live and entry.page_key not in seen:
            differences.append(
                Difference("withdraw", entry.page_key, entry.title, entry.index_number, reason=_withdrawal_reason(entry))
            )
    return differences


def _withdrawal_reason(entry):
    page = Page.objects.filter(pk=entry.page_key).first()
    if page is None:
        return str(WithdrawalReason.DELETED)
    if not page.live:
        return str(WithdrawalReason.EXPIRED if page.expired else WithdrawalReason.UNPUBLISHED)
    if not is_disclosed(page.specific_deferred):
        return _("页面类型不再列入公开目录")
    return str(WithdrawalReason.ORPHANED)


@transaction.atomic
def apply(differences):
    """Fix the given differences. Index numbers are never changed; new entries get the next serial.

    Withdrawals and restorations are announced as they happen (``catalogue_changed``, kind ``sync``).
    """
    for difference in differences:
        if difference.action in ("withdraw", "restrict"):
            withdraw_entries(CatalogueEntry.objects.filter(page_key=difference.page_id), difference.reason,
                             ChangeKind.SYNCED)
            continue
        page = Page.objects.get(pk=difference.page_id).specific
        if difference.action == "create":
            # The page was published without being catalogued: record Wagtail's own publication time.
            with importing_history(page.first_published_at or timezone.now()):
                entry = register_page(page, ChangeKind.SYNCED)
            if entry is not None and page.last_published_at and page.last_published_at > entry.last_updated_at:
                entry.last_updated_at = page.last_published_at
                entry.save()
        elif difference.action == "restore":
            register_page(page, ChangeKind.SYNCED)
        else:
            entry = CatalogueEntry.objects.select_for_update().get(page_key=page.pk)
            for name, value in _expected(page).items():
                setattr(entry, name, value)
            entry.changed_at = timezone.now()
            entry.save()
            announce([entry.pk], ChangeKind.SYNCED)
    return differences
