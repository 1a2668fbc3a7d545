"""The directory of organisations with a sub-site, as the portal home and the 部门 / 乡镇 pages list them."""

from wagtail.models import Site

from .models import Organisation


def active_organisations():
    """Every active organisation with its live home page, in display order (one query; list)."""
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
    """Active departments and townships with a live sub-site, in display order: (departments, townships)."""
    organisations = active_organisations() if organisations is None else organisations
    with_site = [org for org in organisations if org.home_page_id and org.home_page.live]
    departments = [org for org in with_site if org.kind == Organisation.Kind.DEPARTMENT]
    townships = [org for org in with_site if org.kind == Organisation.Kind.TOWNSHIP]
    return departments, townships
