from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from security.next_url import safe_next_url

from .reading_preferences import COOKIE_MAX_AGE, ELDER_COOKIE, FONT_COOKIE, FONT_SIZES, SWITCHES
from .site_map import site_map


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without context processors: the database may be what failed."""
    # Only the request (for the CSP nonce of the inline style), no context processors that might fail again.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))


def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def set_reading_preferences(request):
    """长者模式 / 字号: plain links set a cookie and return to the page, so they work without JavaScript.

    ``?elder=1`` or ``?elder=0`` switches the elderly mode; ``?font=small|medium|large`` the text size;
    ``?contrast=``, ``?cursor=``, ``?guide=`` (1 or 0) the high-contrast scheme, large pointer and reading guide.
    """
    elder = request.GET.get("elder")
    font = request.GET.get("font")
    switches = {name: request.GET.get(name) for name in SWITCHES if name in request.GET}
    if elder is None and font is None and not switches:
        return HttpResponseBadRequest(_("请指定要切换的阅读设置。"), content_type="text/plain; charset=utf-8")
    if any(value not in ("0", "1") for value in switches.values()):
        return HttpResponseBadRequest(_("辅助工具只能是开启（1）或关闭（0）。"), content_type="text/plain; charset=utf-8")
    if elder is not None and elder not in ("0", "1"):
        return HttpResponseBadRequest(_("长者模式只能是开启（1）或关闭（0）。"), content_type="text/plain; charset=utf-8")
    if font is not None and font not in FONT_SIZES:
        return HttpResponseBadRequest(_("字号只能是大、中、小之一。"), content_type="text/plain; charset=utf-8")
    response = HttpResponseRedirect(safe_next_url(request))
    cookie = {"max_age": COOKIE_MAX_AGE, "samesite": "Lax", "secure": request.is_secure()}
    if elder is not None:
        response.set_cookie(ELDER_COOKIE, elder, **cookie)
    if font is not None:
        response.set_cookie(FONT_COOKIE, font, **cookie)
    for name, value in switches.items():
        response.set_cookie(SWITCHES[name][0], value, **cookie)
    return response


def site_map_page(request):
    """网站地图 (/wzdt/): every website, channel and column, linked from every footer."""
    return render(request, "portal/site_map.html", {
        "nodes": site_map(request),
        "trail": [(_("网站地图"), "")],
        "extra_meta_tags": {"ColumnName": _("网站地图"), "ColumnType": _("首页")},
    })


def accessibility_statement(request):
    """无障碍声明 (/accessibility/): what the site does for elderly and disabled readers, and whom to tell."""
    return render(request, "portal/accessibility_statement.html", {
        "trail": [(_("无障碍声明"), "")],
        "extra_meta_tags": {"ColumnName": _("无障碍声明")},
    })


@require_GET
def robots_txt(request):
    """robots.txt: crawl everything public, nothing of the admin or per-visitor answers; the XML sitemap's address."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preferences/",
        "Disallow: /search/",
        "Disallow: /api/search/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
