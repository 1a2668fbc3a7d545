"""What a government content page carries under its text (政府网站发展指引, 国办发〔2017〕47号, 内容页):
上一篇/下一篇 within its column, 相关链接, and a share entry (a QR code of the page's address).

上一篇/下一篇 follow the column's catalogue list, so this reads the catalogue (the page template tag
``article_conventions`` in ``portal_tags`` calls it). Everything is worked out on the server: the QR code is an inline SVG drawn by ``segno``, so no
third-party script or image host is involved and the strict CSP (no inline script) holds.
"""

from dataclasses import dataclass

import segno
from django.db.models import Q
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal.models import PolicyDocumentPage, PolicyInterpretationPage

from .links import entry_url
from .models import CatalogueEntry


@dataclass(frozen=True)
class Link:
    title: str
    url: str


def column_neighbours(page, request=None):
    """``(previous, following)`` :class:`Link` (or None) beside ``page`` in its column's list.

    The column lists its catalogue entries newest first (``-display_date, -pk``); 上一篇 is the entry
    just above this one in that list (newer), 下一篇 the one just below (older). Only live entries of
    the same column count; an item outside any column, or without an entry, has neither.
    """
    entry = CatalogueEntry.objects.public().filter(page_id=page.pk).only("pk", "display_date", "column_id").first()
    if entry is None or entry.column_id is None:
        return None, None
    siblings = CatalogueEntry.objects.public().filter(column_id=entry.column_id).exclude(pk=entry.pk).only(
        "title", "site_id", "path", "url"
    )
    date = entry.display_date
    newer = (siblings.filter(Q(display_date__gt=date) | Q(display_date=date, pk__gt=entry.pk))
             .order_by("display_date", "pk").first())
    older = (siblings.filter(Q(display_date__lt=date) | Q(display_date=date, pk__lt=entry.pk))
             .order_by("-display_date", "-pk").first())
    return tuple(Link(item.title, entry_url(item, request)) if item else None for item in (newer, older))


def related_links(page, request=None):
    """相关链接 of ``page``: the editor's choices (in their order), then the policy↔interpretation pair.

    Returns a list of :class:`Link`, without duplicates and without pages that are not live and public
    (a withdrawn or restricted page is never advertised).
    """
    chosen_ids = list(page.related_items.order_by("sort_order").values_list("target_id", flat=True)) if page.pk else []
    paired = []
    if isinstance(page, PolicyDocumentPage):
        paired = list(PolicyInterpretationPage.objects.filter(policy=page).values_list("pk", flat=True))
    elif isinstance(page, PolicyInterpretationPage) and page.policy_id:
        paired = [page.policy_id]
    wanted = [pk for pk in dict.fromkeys([*chosen_ids, *paired]) if pk != page.pk]
    if not wanted:
        return []
    pages = Page.objects.live().public().filter(pk__in=wanted).in_bulk()
    return [Link(pages[pk].title, pages[pk].get_url(request) or "") for pk in wanted if pk in pages]


def share_qr_svg(url):
    """The QR code of ``url`` as inline SVG markup (safe string): black modules on white, 4-module quiet zone.

    Error correction M (15 % of the code may be lost, e.g. when printed small); the size follows the
    URL's length. Raises ``segno.DataOverflowError`` only for a URL longer than a QR code holds (~2,300
    bytes), which a page address never is.
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, dark="#000", light="#fff",
                          title="本页网址二维码", svgclass="share-qr", lineclass=None)
    return mark_safe(svg)  # noqa: S308 - segno's own markup; the URL is encoded in the path, never echoed as text
