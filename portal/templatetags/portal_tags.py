from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from wagtail.models import Site

from disclosure.catalogue import article_conventions as conventions
from portal import navigation, palette, view_counts
from portal.models import ColumnPage, OrganisationIndexPage, SiteIdentity
from portal.reading_preferences import ReadingPreferences

register = template.Library()


@register.simple_tag(takes_context=True)
def government_meta_tags(context, page=None):
    """The meta tags of 政府网站发展指引 (国办发〔2017〕47号) for this page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    identity = SiteIdentity.for_request(request) if site else None  # cached on the request, shared with the footer
    tags = {
        "SiteName": (identity and identity.site_name) or (site.site_name if site else ""),
        "SiteDomain": request.get_host() if request else "",
        "SiteIDCode": identity.site_id_code if identity else "",
    }
    if page is not None and hasattr(page, "meta_tags"):
        tags.update(page.meta_tags(request))
        tags.update(_column_tags_for_pages_outside_columns(page, tags))
        if request is not None:
            url = page.get_url(request)
            tags["Url"] = request.build_absolute_uri(url) if url else ""
    elif request is not None:
        tags["Url"] = request.build_absolute_uri()
    tags.update(context.get("extra_meta_tags") or {})  # views that are not pages (e.g. the catalogue) add theirs
    return format_html_join("\n", '<meta name="{}" content="{}">', ((name, value) for name, value in tags.items() if value))


def _column_tags_for_pages_outside_columns(page, tags):
    """Home pages are the 首页 column; other pages above the columns (e.g. 部门 directory) name themselves."""
    if "ColumnName" in tags:
        return {}
    organisation = getattr(page, "organisation", None)
    if organisation is not None and organisation.home_page_id == page.pk:
        return {"ColumnName": page.title, "ColumnType": "首页"}
    if isinstance(page, OrganisationIndexPage):
        return {"ColumnName": page.title, "ColumnType": "机构职能"}
    return {"ColumnName": page.title}


@register.filter
def file_extension(document):
    return (document.file_extension or "").upper() if document else ""


@register.filter
def file_size(document):
    try:
        return filesizeformat(document.get_file_size() or 0)
    except (OSError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def site_palette(context, organisation=None):
    """The website's palette (``portal.palette.Palette``) for this page: the portal's, or an own website's.

    ``organisation`` is the page's sub-site organisation (``nav.organisation``); channels of the portal get
    the portal's palette whatever colour their organisation once had.
    """
    return palette.palette_for(organisation, context.get("request"))


@register.simple_tag(takes_context=True)
def reading_preferences(context):
    """The visitor's 长者模式 / 字号 choice (validated), for the <html> class and the switches."""
    request = context.get("request")
    return ReadingPreferences.from_request(request) if request is not None else ReadingPreferences()


@register.simple_tag(takes_context=True)
def preference_url(context, **values):
    """A plain link that sets a reading preference and comes back to this page (works without JS)."""
    request = context.get("request")
    query = dict(values)
    if request is not None:
        query["next"] = request.get_full_path()
    return f"{reverse('reading_preferences')}?{urlencode(query)}"


@register.simple_tag(takes_context=True)
def switch_url(context, name, on):
    """A plain link that turns the assistive tool ``name`` (contrast, cursor, guide) off when ``on``, else on."""
    return preference_url(context, **{name: "0" if on else "1"})


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The header's menu and sub-site, built from the live tree (cached): {'organisation', 'items'}."""
    request = context.get("request")
    page = context.get("page")
    organisation = _sub_site_organisation(page)
    if request is None:
        return {"organisation": None, "items": []}
    if organisation is not None and organisation.home_page_id:
        items = navigation.organisation_menu(organisation.home_page, request)
    else:
        items = navigation.portal_menu(request)
    current_path = getattr(page, "path", "") if page is not None else ""
    return {"organisation": organisation, "items": navigation.mark_current(items, current_path, request.path)}


def _sub_site_organisation(page):
    organisation = getattr(page, "organisation", None) if page is not None else None
    if organisation is None or organisation.kind == "county":
        return None
    return organisation


@register.simple_tag(takes_context=True)
def column_url(context, columns, kind):
    """The URL of the first column of ``kind`` among ``columns`` (for a panel's 更多 link), relative on this Site."""
    for column in columns or []:
        if getattr(column, "kind", None) == kind:
            return column.get_url(context.get("request")) or ""
    return ""


@register.simple_tag
def sibling_columns(page):
    """The columns beside this one in its organisation's tree, for the listing's side menu (one query)."""
    parent_path = page.path[: -page.steplen]
    return list(
        ColumnPage.objects.filter(path__startswith=parent_path, depth=page.depth).live().public().in_menu()
        .order_by("path")
    )


@register.simple_tag
def view_count(page):
    """阅读次数: flushed count plus the views still buffered in the cache."""
    return view_counts.view_count(page.pk)


@register.filter
def initial(name):
    """The first character of a name, for the emblem roundel."""
    return (name or "").strip()[:1]


@register.simple_tag
def configured_site_name():
    """The portal's name from settings (``WAGTAIL_SITE_NAME``): for error pages, which must not touch the database."""
    from django.conf import settings

    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def site_footer(context):
    """What the footer shows: the site identity, with a channel's own 主办单位 and phone where it has them.

    Returns ``{"identity", "sponsor", "organiser", "phone", "error_report_url", "website_report_url"}``; the last is
    the website's 政府网站年度报表 column (国办函〔2018〕12号), "" before a report is published. A department or
    township channel (``nav.organisation``) is hosted by that organisation; its phone falls back to the
    county's when it has none. The 找错 link carries the page's own address.
    """
    request = context.get("request")
    identity = SiteIdentity.for_request(request) if request is not None else None
    nav = context.get("nav") or {}
    organisation = nav.get("organisation") if isinstance(nav, dict) else None
    sponsor = (identity.sponsor if identity else "") or configured_site_name()
    phone = identity.contact_phone if identity else ""
    organiser = identity.organiser if identity else ""
    if organisation is not None:
        sponsor = organisation.name
        phone = organisation.phone or phone
        organiser = ""
    page_url = request.build_absolute_uri() if request is not None else ""
    return {
        "identity": identity,
        "sponsor": sponsor,
        "organiser": organiser,
        "phone": phone,
        "error_report_url": identity.error_report_url(page_url) if identity else "",
        "website_report_url": navigation.website_report_link(request) if request is not None else "",
    }


@register.simple_tag(takes_context=True)
def article_conventions(context, page):
    """上一篇/下一篇, 相关链接 and the share QR code of a content page (``disclosure.catalogue.article_conventions``).

    Returns ``{"previous", "following", "related", "share_url", "share_qr"}``; links are ``Link(title, url)``.
    """
    request = context.get("request")
    previous, following = conventions.column_neighbours(page, request)
    url = page.get_url(request) or ""
    share_url = request.build_absolute_uri(url) if request is not None and url else url
    return {
        "previous": previous,
        "following": following,
        "related": conventions.related_links(page, request),
        "share_url": share_url,
        "share_qr": conventions.share_qr_svg(share_url) if share_url else "",
    }
