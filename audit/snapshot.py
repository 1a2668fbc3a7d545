"""Reading what the audit needs from the database in a fixed number of queries.

Everything comes from the catalogue (``CatalogueEntry``) except the list of columns: a column
where nothing was ever published has no entries, so the live ``ColumnPage`` rows are read
too, all of them in one query, and each is given to its organisation by matching its tree
path against the organisations' home-page paths in Python. Nothing here loops over
organisations or columns with a query inside; the number of queries does not grow with them.

History: an entry counts on day D if it was first published by the end of D and not withdrawn
by then, so the audit "as of" any past date sees what citizens saw that day.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.db.models.lookups import GreaterThan, LessThanOrEqual

from departments.models import Organisation
from disclosure.models import CatalogueEntry
from portal.models import ColumnPage

from .dates import end_boundary, local_date, start_of_day
from .db_functions import HoursApart
from .reposts import find_reposts

WINDOWS = (30, 90, 365)


@dataclass
class ColumnFacts:
    """One live column and what its entries looked like at the as-of date."""

    id: int
    title: str
    kind: str
    organisation_id: int
    opened_on: datetime.date | None
    shown_on_home: bool
    path: str
    total: int = 0
    last_honest: datetime.datetime | None = None
    last_any: datetime.datetime | None = None
    false_dates: int = 0


@dataclass
class OrganisationFacts:
    id: int
    slug: str
    name: str
    short_name: str
    kind: str
    sort_order: int
    home_page_id: int | None
    home_opened_on: datetime.date | None
    hostname: str = ""
    site_id_code: str = ""
    columns: list = field(default_factory=list)
    total: int = 0
    last_honest: datetime.datetime | None = None
    windows: dict = field(default_factory=lambda: dict.fromkeys(WINDOWS, 0))
    false_dates: int = 0


def counted_on(day):
    """Entries as they stood at the end of local ``day``: published by then, not yet withdrawn."""
    boundary = end_boundary(day)
    return CatalogueEntry.objects.filter(first_published_at__lt=boundary).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=boundary)
    )


def honest_date():
    """The shown date is within a day (24 hours) of the real first publication: such an entry may make a column fresh."""
    return LessThanOrEqual(HoursApart("display_date", "first_published_at"), 24.0)


def false_date():
    return GreaterThan(HoursApart("display_date", "first_published_at"), 24.0)


def load_organisations(organisation_ids=None, kind=None):
    """Active organisations with a home page, keyed by id (one query)."""
    rows = Organisation.objects.active().filter(home_page__isnull=False)
    if organisation_ids is not None:
        rows = rows.filter(pk__in=organisation_ids)
    if kind:
        rows = rows.filter(kind=kind)
    organisations = {}
    for row in rows.values(
        "id", "slug", "name", "short_name", "kind", "sort_order", "home_page_id",
        "home_page__path", "home_page__first_published_at", "hostname", "site_id_code",
    ).order_by("kind", "sort_order", "pk"):
        organisations[row["id"]] = (
            OrganisationFacts(
                id=row["id"], slug=row["slug"], name=row["name"], short_name=row["short_name"], kind=row["kind"],
                sort_order=row["sort_order"], home_page_id=row["home_page_id"],
                home_opened_on=local_date(row["home_page__first_published_at"]),
                hostname=row["hostname"], site_id_code=row["site_id_code"],
            ),
            row["home_page__path"],
        )
    return organisations


def owner_of(path, home_paths, steplen):
    """The organisation whose home page is the nearest ancestor of ``path`` (the longest matching prefix)."""
    for length in range(len(path) - steplen, 0, -steplen):
        owner = home_paths.get(path[:length])
        if owner is not None:
            return owner
    return None


def load_columns(organisations, day):
    """Every live column opened by ``day``, attached to its organisation (one query for all organisations)."""
    home_paths = {path: facts for facts, path in organisations.values()}
    columns = {}
    if not home_paths:
        return columns
    steplen = ColumnPage.steplen
    rows = (
        ColumnPage.objects.live()
        .filter(first_published_at__lt=end_boundary(day))
        .values("id", "title", "kind", "path", "depth", "show_in_menus", "first_published_at")
        .order_by("path")
    )
    for row in rows:
        owner = owner_of(row["path"], home_paths, steplen)
        if owner is None:
            continue
        is_child_of_home = row["path"][:-steplen] in home_paths and home_paths[row["path"][:-steplen]] is owner
        column = ColumnFacts(
            id=row["id"], title=row["title"], kind=row["kind"], organisation_id=owner.id,
            opened_on=local_date(row["first_published_at"]), shown_on_home=is_child_of_home and row["show_in_menus"],
            path=row["path"],
        )
        owner.columns.append(column)
        columns[column.id] = column
    return columns


def load_entry_totals(organisations, columns, day, copies=()):
    """One GROUP BY (organisation, column) query: counts, windows, latest honest publication, false dates.

    ``copies`` are the ids of suspected republished old articles (旧稿新发, ``audit.reposts``): they are
    counted as items but never make a column or a home page fresh (国办秘函〔2019〕19号).
    """
    honest = honest_date()
    if copies:
        honest = honest & ~Q(pk__in=sorted(copies))
    window_counts = {
        f"items_{days}": Count("pk", filter=Q(first_published_at__gte=start_of_day(day - datetime.timedelta(days=days - 1))))
        for days in WINDOWS
    }
    rows = (
        counted_on(day)
        .filter(organisation_id__in=list(organisations))
        .values("organisation_id", "column_id")
        .annotate(
            total=Count("pk"),
            last_any=Max("first_published_at"),
            last_honest=Max("first_published_at", filter=honest),
            false_dates=Count("pk", filter=false_date()),
            **window_counts,
        )
        .order_by()
    )
    for row in rows:
        facts, _path = organisations[row["organisation_id"]]
        facts.total += row["total"]
        facts.false_dates += row["false_dates"]
        for days in WINDOWS:
            facts.windows[days] += row[f"items_{days}"]
        if row["last_honest"] and (facts.last_honest is None or row["last_honest"] > facts.last_honest):
            facts.last_honest = row["last_honest"]
        column = columns.get(row["column_id"])
        if column is not None and column.organisation_id == facts.id:
            column.total += row["total"]
            column.false_dates += row["false_dates"]
            column.last_any = max(filter(None, [column.last_any, row["last_any"]]), default=None)
            column.last_honest = max(filter(None, [column.last_honest, row["last_honest"]]), default=None)


def collect(day, organisation_ids=None, kind=None):
    """All facts for the audit of ``day``: a list of ``OrganisationFacts`` with their columns (four or five queries)."""
    organisations = load_organisations(organisation_ids, kind)
    columns = load_columns(organisations, day)
    if organisations:
        load_entry_totals(organisations, columns, day, find_reposts(organisations, day).ids)
    return [facts for facts, _path in organisations.values()]


def false_date_entries(organisation_id, day, limit=200):
    """The organisation's entries whose shown date is more than a day from their real publication (one query)."""
    return list(
        counted_on(day)
        .filter(organisation_id=organisation_id)
        .filter(false_date())
        .order_by("-first_published_at")
        .values("id", "title", "url", "index_number", "column_title", "display_date", "first_published_at")[:limit]
    )


def monthly_counts(organisation_id, months, day):
    """Items first published per local calendar month, for the months given (first days), as of ``day`` (one query)."""
    if not months:
        return []
    rows = (
        counted_on(day)
        .filter(organisation_id=organisation_id, first_published_at__gte=start_of_day(months[0]))
        .annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_month = {}
    for row in rows:
        month = row["month"]
        key = month.date() if isinstance(month, datetime.datetime) else month
        by_month[key.replace(day=1)] = by_month.get(key.replace(day=1), 0) + row["count"]
    return [(month, by_month.get(month, 0)) for month in months]


def false_date_evidence(organisation_ids, day, limit=50):
    """The website's possibly false dates as an inspector would cite them: URL, shown date, real date (one query)."""
    rows = (
        counted_on(day)
        .filter(organisation_id__in=organisation_ids)
        .filter(false_date())
        .order_by("-first_published_at")
        .values("title", "url", "index_number", "column_title", "display_date", "first_published_at")[:limit]
    )
    return [
        {"title": row["title"], "url": row["url"], "index_number": row["index_number"], "column": row["column_title"],
         "display_date": local_date(row["display_date"]).isoformat() if row["display_date"] else None,
         "first_published": local_date(row["first_published_at"]).isoformat()}
        for row in rows
    ]
