"""旧稿新发: entries of an organisation whose title and body match one of its earlier entries (two queries at most).

The inspection (国办秘函〔2019〕19号) treats an old article republished under a new date as "not updated".
Entries carry a normalised-text fingerprint (``disclosure/catalogue/fingerprint.py``), indexed with their
organisation, so copies are found by one GROUP BY over that index; only the groups with more than one
entry are then read. In each group the earliest first publication is the original and every later live
entry is a suspected copy: the audit leaves copies out of column and home-page freshness, and lists those
first published in the 12 calendar months before the as-of date (the inspection year) with both URLs.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from disclosure.models import CatalogueEntry

from .dates import add_months, end_boundary, iso_date, start_of_day


@dataclass
class Reposts:
    """``ids``: every suspected copy counted on the day (for freshness); ``by_organisation``: evidence in the year."""

    ids: set = field(default_factory=set)
    by_organisation: dict = field(default_factory=dict)

    def for_organisations(self, organisation_ids):
        return [item for organisation_id in organisation_ids for item in self.by_organisation.get(organisation_id, [])]


def find_reposts(organisation_ids, day):
    """The suspected copies among ``organisation_ids``' entries as they stood at the end of ``day`` → ``Reposts``."""
    boundary = end_boundary(day)
    published = CatalogueEntry.objects.filter(first_published_at__lt=boundary)
    # No organisation filter in SQL: with one, SQLite leaves the covering index for a sort (10× slower).
    chosen = set(organisation_ids)
    groups = [
        (organisation_id, fingerprint) for organisation_id, fingerprint in
        published.exclude(fingerprint="").values("organisation_id", "fingerprint")
        .annotate(copies=Count("pk")).filter(copies__gt=1).values_list("organisation_id", "fingerprint").order_by()
        if organisation_id in chosen
    ]
    result = Reposts()
    if not groups:
        return result
    wanted = set(groups)
    # By the fingerprint index alone; the date is checked below (with it in SQL, SQLite scans by date).
    rows = (
        CatalogueEntry.objects.filter(fingerprint__in={fingerprint for _organisation, fingerprint in groups})
        .order_by("first_published_at", "pk")
        .values("id", "organisation_id", "fingerprint", "title", "url", "column_title", "first_published_at",
                "display_date", "withdrawn_at")
    )
    originals = {}
    year_start = start_of_day(add_months(day, -12))
    for row in rows:
        key = (row["organisation_id"], row["fingerprint"])
        if key not in wanted or row["first_published_at"] >= boundary:
            continue
        original = originals.setdefault(key, row)
        if original is row or (row["withdrawn_at"] is not None and row["withdrawn_at"] < boundary):
            continue
        result.ids.add(row["id"])
        if row["first_published_at"] >= year_start:
            result.by_organisation.setdefault(row["organisation_id"], []).append({
                "title": row["title"], "url": row["url"], "column": row["column_title"],
                "published": iso_date(row["first_published_at"]), "display_date": iso_date(row["display_date"]),
                "original_url": original["url"], "original_published": iso_date(original["first_published_at"]),
            })
    return result
