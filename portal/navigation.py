"""Main navigation built from the live page tree, cached per generation (one query on a miss).

The portal menu is the portal home's children shown in menus (its columns, 部门, 乡镇) plus the
catalogue, the mailboxes (政民互动) and search; a department or township sub-site gets its own home
and columns instead.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from . import page_cache

NAV_TIMEOUT = 3600
# 政府网站工作年度报表 (国办函〔2018〕12号): the column under each website's home holding one report per year
# at ``<column>/<year>/``; the audit app writes it, the footer links to it.
WEBSITE_REPORT_COLUMN_SLUG = "wzndbb"

# Pages that are not in the page tree but belong in the portal menu.
FIXED_PORTAL_ITEMS = [
    ("/disclosure/", "政府信息公开"),
    ("/interaction/", "政民互动"),
    ("/search/", "搜索"),
]


def _cached(key_parts, build):
    if page_cache.cache_seconds() <= 0:
        return build()
    key = page_cache.generation_key("nav", *key_parts)
    items = cache.get(key)
    if items is None:
        items = build()
        cache.set(key, items, NAV_TIMEOUT)
    return items


def _site_id(request):
    site = Site.find_for_request(request)
    return site.pk if site else 0


def _item(page, request, **extra):
    return {"title": page.title, "url": page.get_url(request) or "", "path": page.path, **extra}


def portal_menu(request):
    """首页 + the portal home's menu children + 政府信息公开 + 政民互动 + 搜索."""

    def build():
        pages = list(Page.objects.live().public().filter(Q(depth=2) | Q(depth=3, show_in_menus=True)).order_by("path"))
        homes = [page for page in pages if page.depth == 2]
        items = []
        if homes:
            home = homes[0]
            items.append(_item(home, request, title=_("首页"), home=True))
            items += [_item(page, request) for page in pages if page.depth == 3 and page.path.startswith(home.path)]
        else:
            items.append({"title": _("首页"), "url": "/", "path": "", "home": True})
        items += [{"title": _(title), "url": url, "path": ""} for url, title in FIXED_PORTAL_ITEMS]
        return [item for item in items if item["url"]]

    return _cached(("portal", _site_id(request)), build)


def organisation_menu(home_page, request):
    """A sub-site's own menu: its home, then its columns in tree order."""

    def build():
        children = Page.objects.child_of(home_page).live().public().in_menu().order_by("path")
        items = [_item(home_page, request, title=_("本站首页"), home=True)]
        items += [_item(page, request) for page in children]
        return [item for item in items if item["url"]]

    return _cached(("org", home_page.pk, _site_id(request)), build)


def website_report_link(request):
    """The URL of the live 政府网站年度报表 column of the request's website (its Site's root page), or "".

    Read once per cache generation (publishing starts a new one), so the footer costs no query on a hit.
    """

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return ""
        column = (Page.objects.live().public().child_of(site.root_page)
                  .filter(slug=WEBSITE_REPORT_COLUMN_SLUG).first())
        return (column.get_url(request) or "") if column else ""

    return _cached(("website-report", _site_id(request)), build)


def mark_current(items, current_path, request_path=""):
    """The deepest item containing the current page (or, off the tree, the URL) is current (aria-current)."""
    best = None
    for item in items:
        path = item.get("path")
        if path and current_path and current_path.startswith(path):
            if best is None or len(path) > len(best["path"]):
                best = item
    if best is None and not current_path:
        for item in items:
            if not item.get("path") and item["url"] != "/" and request_path.startswith(item["url"]):
                best = item
    return [dict(item, current=item is best) for item in items]
