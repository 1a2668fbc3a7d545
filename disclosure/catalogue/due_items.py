"""Due items (应公开未公开, 逾期公开): for any date, what each organisation owes the public by law.

``due_items(as_of)`` reads the statutory items, the organisations, their columns and the catalogue
in a fixed number of queries (not one per organisation) and returns one ``OrganisationDue`` per
active organisation with its findings:

- ``not_published``: a recurring item (monthly, quarterly, yearly) whose deadline passed within the
  look-back window with nothing published for that period (条例 art. 20 with the item's time limit);
- ``published_late``: a recurring item published after its deadline, or any entry with a 成文日期
  published more than the item's working days after it was made (条例 art. 26: 20 working days,
  counted on the working-day calendar);
- ``no_column``: an item that must have a column (``needs_column``) has none in the organisation's tree;
- ``fact_missing``: one of the organisation facts art. 20(2) requires (机构职能, 机构设置, 办公地址,
  办公时间, 联系方式, 负责人姓名) is empty.

Periods: a period's window runs from the previous period's deadline (exclusive) to its own deadline
(inclusive), so what is published for one month cannot count for the next.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from departments.models import Organisation
from interaction.working_days import working_days_between
from portal.models import ColumnPage

from .models import CatalogueEntry
from .statutory import ItemAdoption, Schedule, StatutoryItem

LOOKBACK_DAYS = 366
# Late entries' titles and URLs are read this many at a time (a bounded ``IN`` list on every database).
DETAIL_BATCH = 2000


class FindingKind:
    NOT_PUBLISHED = "not_published"
    PUBLISHED_LATE = "published_late"
    NO_COLUMN = "no_column"
    FACT_MISSING = "fact_missing"

    LABELS = {
        NOT_PUBLISHED: gettext_lazy("应公开未公开"),
        PUBLISHED_LATE: gettext_lazy("逾期公开"),
        NO_COLUMN: gettext_lazy("缺少对应栏目"),
        FACT_MISSING: gettext_lazy("机构信息缺失"),
    }


# 条例 art. 20(2): the organisation facts every organ publishes, as (field on Organisation, label).
ORGANISATION_FACTS = [
    ("responsibilities", gettext_lazy("机构职能")),
    ("internal_structure", gettext_lazy("机构设置")),
    ("address", gettext_lazy("办公地址")),
    ("office_hours", gettext_lazy("办公时间")),
    ("phone", gettext_lazy("联系方式")),
]
LEADERS_FACT = gettext_lazy("负责人姓名")


@dataclass
class DueFinding:
    kind: str
    item: StatutoryItem | None
    detail: str
    due_date: datetime.date | None = None
    period: str = ""
    url: str = ""
    index_number: str = ""
    # Of an entry published late (art. 26): what the detail says, as data for the audit's evidence.
    title: str = ""
    written_date: datetime.date | None = None
    published_on: datetime.date | None = None
    working_days: int | None = None
    limit: int | None = None

    @property
    def label(self):
        return FindingKind.LABELS[self.kind]


@dataclass
class OrganisationDue:
    organisation: object
    applicable_items: list = field(default_factory=list)
    findings: list = field(default_factory=list)

    def count(self, kind):
        return sum(1 for finding in self.findings if finding.kind == kind)

    @property
    def is_clear(self):
        return not self.findings


# -- periods -------------------------------------------------------------------------------------

def period_deadline(item, year, number):
    """The deadline of period ``number`` (month 1–12, quarter 1–4, or 1 for a year) of ``year``."""
    if item.schedule == Schedule.MONTHLY:
        month = number + 1
        return datetime.date(year + (month > 12), (month - 1) % 12 + 1, item.due_day)
    if item.schedule == Schedule.QUARTERLY:
        month = number * 3 + 1
        return datetime.date(year + (month > 12), (month - 1) % 12 + 1, item.due_day)
    return datetime.date(year + item.due_in_following_year, item.due_month, item.due_day)


def period_label(item, year, number):
    if item.schedule == Schedule.MONTHLY:
        return _("%(y)s年%(m)s月") % {"y": year, "m": number}
    if item.schedule == Schedule.QUARTERLY:
        return _("%(y)s年第%(q)s季度") % {"y": year, "q": number}
    return _("%(y)s年度") % {"y": year}


def previous_period(item, year, number):
    if number > 1:
        return year, number - 1
    last = {Schedule.MONTHLY: 12, Schedule.QUARTERLY: 4, Schedule.YEARLY: 1}[item.schedule]
    return year - 1, last


def periods_due(item, as_of, since):
    """Periods whose deadline has passed: in (since, as_of): [(label, window_start, deadline)], oldest first."""
    per_year = {Schedule.MONTHLY: 12, Schedule.QUARTERLY: 4, Schedule.YEARLY: 1}[item.schedule]
    result = []
    for year in range(since.year - 2, as_of.year + 1):
        for number in range(1, per_year + 1):
            deadline = period_deadline(item, year, number)
            if since < deadline < as_of:
                opens = period_deadline(item, *previous_period(item, year, number))
                result.append((period_label(item, year, number), opens, deadline))
    return sorted(result, key=lambda period: period[2])


# -- the report ----------------------------------------------------------------------------------

def local_date(moment):
    return timezone.localtime(moment).date()


def day_starts(day):
    """Local midnight at the start of ``day``: compare datetimes with it instead of casting every row to a date."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def applicable_items(organisation, items, not_applying):
    return [
        item
        for item in items
        if (item.organisation_id is None and item.applies_to_kind(organisation.kind)
            and (organisation.pk, item.pk) not in not_applying)
        or item.organisation_id == organisation.pk
    ]


def columns_by_organisation(organisations):
    """{organisation pk: [(column pk, kind, explicit item pks)]} for every live column in each tree (two queries)."""
    homes = sorted(
        ((org.home_page.path, org.pk) for org in organisations if org.home_page_id), key=lambda pair: -len(pair[0])
    )
    columns = list(ColumnPage.objects.live().values_list("pk", "path", "kind"))
    explicit = {}
    for column_id, item_id in ColumnPage.statutory_items.through.objects.values_list("columnpage_id", "statutoryitem_id"):
        explicit.setdefault(column_id, set()).add(item_id)
    result = {}
    for pk, path, kind in columns:
        owner = next((org_pk for home_path, org_pk in homes if path.startswith(home_path)), None)
        if owner is not None:
            result.setdefault(owner, []).append((pk, kind, explicit.get(pk, set())))
    return result


def has_column(item, columns):
    kinds = set(item.mapped_column_kinds)
    return any(item.pk in explicit or kind in kinds for _pk, kind, explicit in columns)


def due_items(as_of=None, organisations=None, lookback_days=LOOKBACK_DAYS):
    """For each active organisation: the statutory items that apply to it and what is due or late on ``as_of``.

    ``as_of`` is a ``datetime.date`` (default: today, local time); only deadlines within
    ``lookback_days`` before it are judged. Returns ``[OrganisationDue]`` in the organisations'
    order. Queries: a fixed number, whatever the number of organisations.
    Source: 条例 arts. 20–21 (items), 26 (20 working days), 国办发〔2019〕54号 (standard directory).
    """
    as_of = as_of or timezone.localdate()
    since = as_of - datetime.timedelta(days=lookback_days)
    if organisations is None:
        organisations = Organisation.objects.active()
    organisations = list(
        organisations.select_related("home_page").annotate(leader_count=Count("leaders"))
    )
    items = list(StatutoryItem.objects.active())
    items_by_pk = {item.pk: item for item in items}
    not_applying = set(
        ItemAdoption.objects.filter(applies=False).values_list("organisation_id", "item_id")
    )
    columns = columns_by_organisation(organisations)
    periodic_pks = [item.pk for item in items if item.is_periodic]
    published = {}
    period_entries = CatalogueEntry.objects.filter(
        statutory_item_id__in=periodic_pks,
        first_published_at__gte=day_starts(since - datetime.timedelta(days=399)),
    ).filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=day_starts(since + datetime.timedelta(days=1))))
    for org_id, item_id, first, url, number in period_entries.values_list(
        "organisation_id", "statutory_item_id", "first_published_at", "url", "index_number"
    ):
        published.setdefault((org_id, item_id), []).append((local_date(first), url, number))
    late_events = late_entries(as_of, since, items_by_pk)

    report = []
    for organisation in organisations:
        due = OrganisationDue(organisation, applicable_items(organisation, items, not_applying))
        for item in due.applicable_items:
            if item.needs_column and not has_column(item, columns.get(organisation.pk, [])):
                due.findings.append(DueFinding(FindingKind.NO_COLUMN, item, _("应设栏目但没有对应栏目。")))
            if item.is_periodic:
                due.findings.extend(period_findings(item, published.get((organisation.pk, item.pk), []), as_of, since))
        due.findings.extend(late_events.get(organisation.pk, []))
        due.findings.extend(fact_findings(organisation))
        report.append(due)
    return report


def period_findings(item, published, as_of, since):
    """Findings of one recurring item: each passed period needs one entry in its own window.

    Each window's first entry meets its period; further entries in a later window (or after the last
    passed deadline) are a catching-up publication and meet the earliest missing period before them,
    as published late. A period that nothing meets is not published.
    """
    periods = periods_due(item, as_of, since)
    if not periods:
        return []
    spare = []
    missing = []
    for label, opens, deadline in periods:
        in_window = sorted(entry for entry in published if opens < entry[0] <= deadline)
        if in_window:
            spare.extend(in_window[1:])
        else:
            missing.append((label, deadline))
    last_deadline = periods[-1][2]
    spare.extend(sorted(entry for entry in published if last_deadline < entry[0] <= as_of))
    spare.sort()
    findings = []
    for label, deadline in missing:
        late = next((entry for entry in spare if entry[0] > deadline), None)
        if late is not None:
            spare.remove(late)
            day, url, number = late
            findings.append(DueFinding(
                FindingKind.PUBLISHED_LATE, item,
                _("%(period)s应于 %(due)s 前公开，实际 %(day)s 公开。") % {"period": label, "due": deadline, "day": day},
                deadline, label, url, number,
            ))
        else:
            findings.append(DueFinding(
                FindingKind.NOT_PUBLISHED, item,
                _("%(period)s应于 %(due)s 前公开，至今未公开。") % {"period": label, "due": deadline},
                deadline, label,
            ))
    return findings


def late_entries(as_of, since, items_by_pk):
    """Entries with a 成文日期 first published more than the time limit in working days after it (art. 26).

    {organisation pk: [DueFinding]}, for entries first published after ``since`` and by the end of ``as_of``
    (both ``datetime.date``). An entry's limit is its item's ``working_days`` if it is mapped to an
    event-driven item, else 20. Years missing from the working-day calendar are not judged.
    Queries: one over the partial index ``entry_written_first`` (dates and keys only), then the titles
    and URLs of the late ones, ``DETAIL_BATCH`` at a time.
    """
    candidates = (
        CatalogueEntry.objects.filter(
            written_date__isnull=False,
            first_published_at__gte=day_starts(since + datetime.timedelta(days=1)),
            first_published_at__lt=day_starts(as_of + datetime.timedelta(days=1)),
        )
        .order_by()
        .values_list("pk", "organisation_id", "statutory_item_id", "written_date", "first_published_at")
    )
    zone = timezone.get_current_timezone()
    late = []
    for pk, org_id, item_id, written, first in candidates:
        published_on = first.astimezone(zone).date()
        item = items_by_pk.get(item_id)
        limit = item.working_days if item is not None and item.schedule == Schedule.EVENT else 20
        if (published_on - written).days <= limit:  # fewer calendar days than the limit: on time whatever the calendar
            continue
        elapsed = working_days_between(written, published_on)
        if elapsed is not None and elapsed > limit:
            late.append((pk, org_id, item, written, published_on, elapsed, limit))
    details = {}
    for start in range(0, len(late), DETAIL_BATCH):
        chunk = [row[0] for row in late[start:start + DETAIL_BATCH]]
        details.update(
            (pk, (title, url, number, shown)) for pk, title, url, number, shown in
            CatalogueEntry.objects.filter(pk__in=chunk).order_by()
            .values_list("pk", "title", "url", "index_number", "display_date")
        )
    template = _("《%(title)s》成文于 %(written)s，%(published)s 才公开，相隔 %(n)s 个工作日（应在 %(limit)s 个工作日内）。")
    result = {}
    late.sort(key=lambda row: (details[row[0]][3], row[0]), reverse=True)  # the catalogue's order: newest shown first
    for pk, org_id, item, written, published_on, elapsed, limit in late:
        title, url, number, _shown = details[pk]
        result.setdefault(org_id, []).append(DueFinding(
            FindingKind.PUBLISHED_LATE, item,
            template % {"title": title, "written": written, "published": published_on, "n": elapsed, "limit": limit},
            None, "", url, number,
            title=title, written_date=written, published_on=published_on, working_days=elapsed, limit=limit,
        ))
    return result


def fact_findings(organisation):
    findings = []
    for name, label in ORGANISATION_FACTS:
        value = getattr(organisation, name, "")
        if not str(value or "").strip():
            findings.append(DueFinding(FindingKind.FACT_MISSING, None, _("未填写%(fact)s。") % {"fact": label}))
    if not organisation.leader_count:
        findings.append(DueFinding(FindingKind.FACT_MISSING, None, _("未填写%(fact)s。") % {"fact": LEADERS_FACT}))
    return findings


def report_as_data(report, as_of):
    """The report as plain data for JSON: {"as_of", "organisations": [{"slug", "name", "applicable_items", "findings": [...]}]}."""
    return {
        "as_of": as_of.isoformat(),
        "organisations": [
            {
                "slug": due.organisation.slug,
                "name": due.organisation.name,
                "applicable_items": len(due.applicable_items),
                "findings": [
                    {
                        "kind": finding.kind,
                        "item": finding.item.code if finding.item else None,
                        "item_name": finding.item.name if finding.item else None,
                        "period": finding.period,
                        "due_date": finding.due_date.isoformat() if finding.due_date else None,
                        "detail": finding.detail,
                        "url": finding.url,
                        "index_number": finding.index_number,
                    }
                    for finding in due.findings
                ],
            }
            for due in report
        ],
    }
