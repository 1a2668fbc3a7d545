"""/api/catalogue/: the catalogue as JSON, for other government platforms and harvesters.

Without ``since`` it lists public entries newest first, like the browse page. With ``since`` it lists
every entry whose record changed at or after that moment - withdrawn ones included, with status
``withdrawn`` - oldest change first, so a harvester can mirror the catalogue exactly by remembering
the last ``updated_at`` it saw and asking again from there.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from security.strict_input import parse_optional_int

from ..models import CatalogueEntry
from . import links
from .filters import HarvestFilterForm, filter_entries
from .paging import BadPageNumber, paginate

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def serialise(entry, request=None):
    """Exactly the documented fields (README, "JSON API"); ``url`` is absolute, on the entry's Site's current
    address (the asking host's own scheme and host for entries of the Site that answers)."""
    return {
        "index_number": entry.index_number,
        "title": entry.title,
        "summary": entry.summary,
        "url": links.absolute_entry_url(entry, request),
        "organisation": {"slug": entry.organisation.slug, "name": entry.organisation.name},
        "genre": entry.genre,
        "topic": entry.topic.full_name if entry.topic_id else None,
        "document_number": entry.document_number,
        "written_date": entry.written_date.isoformat() if entry.written_date else None,
        "made_date": entry.made_date.isoformat(),
        "statutory_item": entry.statutory_item.code if entry.statutory_item_id else None,
        "display_date": _iso(entry.display_date),
        "published_at": _iso(entry.first_published_at),
        "updated_at": _iso(entry.changed_at),
        "validity": entry.validity,
        "status": entry.status,
    }


def _error(message, errors=None, status=400):
    body = {"detail": message}
    if errors:
        body["errors"] = errors
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _page_size(raw):
    """Raises ``StrictInputError`` (a ``ValueError``) outside 1..MAX_PAGE_SIZE or for non-ASCII digits."""
    return parse_optional_int(raw, PAGE_SIZE, minimum=1, maximum=MAX_PAGE_SIZE)


def catalogue(request):
    form = HarvestFilterForm(request.GET)
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        return _error(_("查询参数有误。"), errors)
    try:
        page_size = _page_size(request.GET.get("page_size"))
    except ValueError:
        return _error(_("page_size 必须是 1 到 %(max)d 之间的整数。") % {"max": MAX_PAGE_SIZE})
    cleaned = form.cleaned_data
    since = cleaned.get("since")
    if since is not None:
        entries = CatalogueEntry.objects.filter(changed_at__gte=since).order_by("changed_at", "pk")
    else:
        entries = CatalogueEntry.objects.public().order_by("-display_date", "-pk")
    entries = filter_entries(entries, cleaned).select_related("organisation", "topic__parent", "statutory_item")
    try:
        page = paginate(entries, request.GET.get("page"), page_size)
    except BadPageNumber as error:
        return _error(str(error))
    next_url = None
    if page.has_next():
        query = request.GET.copy()
        query["page"] = page.next_page_number()
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return JsonResponse(
        {"count": page.count, "next": next_url, "results": [serialise(entry, request) for entry in page.object_list]},
        json_dumps_params={"ensure_ascii": False},
    )
