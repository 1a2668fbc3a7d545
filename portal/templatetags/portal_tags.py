from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from wagtail.models import Site

from portal.models import SiteIdentity

register = template.Library()


@register.simple_tag(takes_context=True)
def government_meta_tags(context, page=None):
    """The meta tags of 政府网站发展指引 (国办发〔2017〕47号) for this page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    identity = SiteIdentity.for_site(site) if site else None
    tags = {
        "SiteName": (identity and identity.site_name) or (site.site_name if site else ""),
        "SiteDomain": request.get_host() if request else "",
        "SiteIDCode": identity.site_id_code if identity else "",
    }
    if page is not None and hasattr(page, "meta_tags"):
        tags.update(page.meta_tags(request))
        if request is not None:
            tags["Url"] = request.build_absolute_uri(page.url) if page.url else ""
    return format_html_join("\n", '<meta name="{}" content="{}">', ((name, value) for name, value in tags.items() if value))


@register.filter
def file_extension(document):
    return (document.file_extension or "").upper() if document else ""


@register.filter
def file_size(document):
    try:
        return filesizeformat(document.get_file_size() or 0)
    except (OSError, ValueError):
        return ""


@register.simple_tag
def banner_style(organisation):
    colour = getattr(organisation, "banner_colour", "") or ""
    if len(colour) == 7 and colour.startswith("#"):
        return format_html('style="--banner: {}"', colour)
    return ""
