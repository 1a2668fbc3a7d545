"""Cross-site listings for the portal and sub-site homes, read from the catalogue (never the page tree).

Every listing is one query with a limit, so the number of queries never grows with the number of
organisations or items. The portal home loads the active organisations once (for its directory)
and hands them to every listing, so entries are labelled without joining the organisation again.
"""

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from wagtail.models import Site

from disclosure.catalogue.taxonomy import Genre
from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind

from .models import Organisation

# 部门动态 / 乡镇动态: what counts as "news" from a sub-site.
NEWS_KINDS = (ColumnKind.HEADLINES, ColumnKind.NEWS, ColumnKind.NOTICES)

ENTRY_FIELDS = (
    "title", "url", "site", "path", "display_date", "summary", "index_number", "column_kind", "column_title",
    "organisation_id",
)
ORGANISATION_FIELDS = (
    "organisation__name", "organisation__short_name", "organisation__slug", "organisation__kind", "organisation__active",
)
ORGANISATION_FIELD = CatalogueEntry._meta.get_field("organisation")


def _public(organisations=None):
    entries = CatalogueEntry.objects.public().filter(organisation__active=True)
    if organisations is None:
        return entries.select_related("organisation").only(*ENTRY_FIELDS, *ORGANISATION_FIELDS)
    return entries.only(*ENTRY_FIELDS)


def _labelled(entries, organisations):
    """Attach already loaded organisations to entries, as select_related would, without the join."""
    entries = list(entries)
    if organisations is not None:
        for entry in entries:
            ORGANISATION_FIELD.set_cached_value(entry, organisations.get(entry.organisation_id))
    return entries


def latest_for_organisation(organisation, column_kinds, limit, organisations=None):
    if organisation is None:
        return []
    entries = _public(organisations).filter(organisation=organisation, column_kind__in=column_kinds)[:limit]
    return _labelled(entries, organisations)


def latest_by_kind_of_organisation(kind, limit, organisations=None):
    """部门动态 / 乡镇动态: newest news items from every department (or township) tree, each labelled."""
    entries = _public(organisations).filter(organisation__kind=kind, column_kind__in=NEWS_KINDS)[:limit]
    return _labelled(entries, organisations)


def latest_guides(limit, organisations=None):
    return _labelled(_public(organisations).filter(genre=Genre.SERVICE_GUIDE)[:limit], organisations)


def active_organisations():
    """Every active organisation with its live home page, in display order (one query)."""
    organisations = list(
        Organisation.objects.active()
        .select_related("home_page")
        .only(
            "name", "short_name", "slug", "kind", "sort_order", "active", "banner_colour",
            "home_page__url_path", "home_page__path", "home_page__depth", "home_page__live", "home_page__title",
            "home_page__slug", "home_page__locale_id", "home_page__content_type_id",
        )
    )
    share_site_root_paths([org.home_page for org in organisations if org.home_page_id])
    return organisations


def share_site_root_paths(pages):
    """Work out the sites' root paths once for many ``page.url`` calls (Wagtail otherwise asks the cache per page)."""
    if not pages:
        return
    paths = Site.get_site_root_paths()
    for page in pages:
        page._wagtail_cached_site_root_paths = paths


def organisation_directory(organisations=None):
    """Active departments and townships with a live sub-site, in display order."""
    organisations = active_organisations() if organisations is None else organisations
    with_site = [org for org in organisations if org.home_page_id and org.home_page.live]
    departments = [org for org in with_site if org.kind == Organisation.Kind.DEPARTMENT]
    townships = [org for org in with_site if org.kind == Organisation.Kind.TOWNSHIP]
    return departments, townships


def portal_home_listings(county, limit):
    """Everything the portal home lists: eight queries whatever the size of the county."""
    organisations = active_organisations()
    by_id = {org.pk: org for org in organisations}
    departments, townships = organisation_directory(organisations)
    return {
        "headlines": latest_for_organisation(county, [ColumnKind.HEADLINES, ColumnKind.NEWS], limit, by_id),
        "notices": latest_for_organisation(county, [ColumnKind.NOTICES], limit, by_id),
        "policies": latest_for_organisation(county, [ColumnKind.POLICIES], limit, by_id),
        "department_news": latest_by_kind_of_organisation(Organisation.Kind.DEPARTMENT, limit, by_id),
        "township_news": latest_by_kind_of_organisation(Organisation.Kind.TOWNSHIP, limit, by_id),
        "guides": latest_guides(limit, by_id),
        "departments": departments,
        "townships": townships,
    }


def columns_with_latest(home_page, per_column):
    """The home page's columns, each with its newest entries: two queries however many columns."""
    from portal.models import ColumnPage

    columns = list(ColumnPage.objects.child_of(home_page).live().public().in_menu().order_by("path"))
    share_site_root_paths(columns)
    ranked = (
        CatalogueEntry.objects.public()
        .filter(column__in=[column.pk for column in columns])
        .annotate(rank=Window(RowNumber(), partition_by=[F("column_id")], order_by=[F("display_date").desc(), F("pk").desc()]))
        .filter(rank__lte=per_column)
        .only("title", "url", "site", "path", "display_date", "column_id", "index_number", "organisation_id")
    )
    by_column = {}
    for entry in ranked:
        by_column.setdefault(entry.column_id, []).append(entry)
    for entries in by_column.values():
        entries.sort(key=lambda entry: entry.display_date, reverse=True)
    return [(column, by_column.get(column.pk, [])) for column in columns]
