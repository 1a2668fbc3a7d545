"""Public pages of an organisation's 政府信息公开 column for the statutory items (国办公开办函〔2019〕61号).

/disclosure/<org>/statutory/ lists each 法定主动公开内容 item that applies to the organisation with
its latest entries and whether it is up to date; /disclosure/<org>/rules/ lists its
政府信息公开制度 (entries filed under the rules item).
"""

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from departments.models import Organisation

from .due_items import FindingKind, due_items
from .models import CatalogueEntry
from .statutory import RULES_ITEM_CODE
from .views import disclosure_guide

LATEST_PER_ITEM = 3


def latest_entries_by_item(organisation, item_ids, limit=LATEST_PER_ITEM):
    """{item pk: [entry, …]}: the newest ``limit`` public entries of each item, in one query."""
    ranked = (
        CatalogueEntry.objects.public()
        .filter(organisation=organisation, statutory_item_id__in=item_ids)
        .annotate(rank=Window(RowNumber(), partition_by=[F("statutory_item_id")], order_by=[F("display_date").desc(), F("pk").desc()]))
        .filter(rank__lte=limit)
        .only("title", "url", "display_date", "index_number", "statutory_item_id")
    )
    result = {}
    for entry in ranked:
        result.setdefault(entry.statutory_item_id, []).append(entry)
    for entries in result.values():
        entries.sort(key=lambda entry: entry.display_date, reverse=True)
    return result


def item_state(findings, entries):
    """A short public status of one item: overdue, late, or up to date."""
    kinds = {finding.kind for finding in findings}
    if FindingKind.NOT_PUBLISHED in kinds:
        return "overdue", _("应公开未公开")
    if FindingKind.PUBLISHED_LATE in kinds:
        return "late", _("有逾期公开")
    if FindingKind.NO_COLUMN in kinds:
        return "no_column", _("尚未设置栏目")
    if entries:
        return "ok", _("已公开")
    return "none", _("暂无相关信息")


def organisation_trail(organisation, label):
    return [
        (_("政府信息公开"), reverse("disclosure:index")),
        (organisation.name, reverse("disclosure:organisation", args=[organisation.slug])),
        (label, ""),
    ]


def statutory_items(request, org_slug):
    """/disclosure/<org>/statutory/: 法定主动公开内容, each item with its latest entries and due state."""
    organisation = get_object_or_404(Organisation.objects.active(), slug=org_slug)
    due = due_items(timezone.localdate(), Organisation.objects.filter(pk=organisation.pk))[0]
    findings = {}
    for finding in due.findings:
        if finding.item is not None:
            findings.setdefault(finding.item.pk, []).append(finding)
    latest = latest_entries_by_item(organisation, [item.pk for item in due.applicable_items])
    rows = []
    for item in due.applicable_items:
        entries = latest.get(item.pk, [])
        state, state_label = item_state(findings.get(item.pk, []), entries)
        rows.append({"item": item, "entries": entries, "state": state, "state_label": state_label})
    label = _("法定主动公开内容")
    return render(request, "disclosure/statutory_items.html", {
        "organisation": organisation,
        "rows": rows,
        "apply_url": disclosure_guide(organisation)["apply_url"],
        "trail": organisation_trail(organisation, label),
        "extra_meta_tags": {"ColumnName": label, "ColumnType": "信息公开目录"},
    })


def disclosure_rules(request, org_slug):
    """/disclosure/<org>/rules/: 政府信息公开制度, the organisation's published rules on disclosure work."""
    organisation = get_object_or_404(Organisation.objects.active(), slug=org_slug)
    entries = (
        CatalogueEntry.objects.public()
        .filter(organisation=organisation, statutory_item__code=RULES_ITEM_CODE)
        .only("title", "url", "display_date", "index_number")
    )
    label = _("政府信息公开制度")
    return render(request, "disclosure/disclosure_rules.html", {
        "organisation": organisation,
        "entries": entries,
        "apply_url": disclosure_guide(organisation)["apply_url"],
        "trail": organisation_trail(organisation, label),
        "extra_meta_tags": {"ColumnName": label, "ColumnType": "信息公开目录"},
    })
