"""Cross-site listings for the portal and sub-site homes, read from the catalogue (never the page tree)."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from disclosure.models import CatalogueEntry
from disclosure.taxonomy import Genre

from .models import Organisation

LISTING_FIELDS = (
    "title", "url", "display_date", "summary", "index_number", "column_kind", "column_title",
    "organisation__name", "organisation__short_name", "organisation__slug",
)


def _public():
    return CatalogueEntry.objects.public().filter(organisation__active=True).select_related("organisation").only(*LISTING_FIELDS)


def latest_for_organisation(organisation, column_kinds, limit):
    if organisation is None:
        return []
    return list(_public().filter(organisation=organisation, column_kind__in=column_kinds)[:limit])


def latest_by_kind_of_organisation(kind, limit):
    """部门动态 / 乡镇动态: newest items from every department (or township) tree, each labelled."""
    return list(_public().filter(organisation__kind=kind)[:limit])


def latest_guides(limit):
    return list(_public().filter(genre=Genre.SERVICE_GUIDE)[:limit])


def organisation_directory():
    """Active departments and townships with a live sub-site, in display order."""
    organisations = list(
        Organisation.objects.active()
        .filter(kind__in=[Organisation.Kind.DEPARTMENT, Organisation.Kind.TOWNSHIP], home_page__live=True)
        .select_related("home_page")
        .only("name", "short_name", "slug", "kind", "sort_order", "home_page__url_path", "home_page__live")
    )
    departments = [org for org in organisations if org.kind == Organisation.Kind.DEPARTMENT]
    townships = [org for org in organisations if org.kind == Organisation.Kind.TOWNSHIP]
    return departments, townships


def columns_with_latest(home_page, per_column):
    """The home page's columns, each with its newest entries: two queries however many columns."""
    from portal.models import ColumnPage

    columns = list(ColumnPage.objects.child_of(home_page).live().in_menu().order_by("path"))
    ranked = (
        CatalogueEntry.objects.public()
        .filter(column__in=[column.pk for column in columns])
        .annotate(rank=Window(RowNumber(), partition_by=[F("column_id")], order_by=[F("display_date").desc(), F("pk").desc()]))
        .filter(rank__lte=per_column)
        .only("title", "url", "display_date", "column_id", "index_number")
    )
    by_column = {}
    for entry in ranked:
        by_column.setdefault(entry.column_id, []).append(entry)
    for entries in by_column.values():
        entries.sort(key=lambda entry: entry.display_date, reverse=True)
    return [(column, by_column.get(column.pk, [])) for column in columns]
