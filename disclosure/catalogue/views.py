"""Public catalogue pages: the county catalogue, each organisation's catalogue and guide, index-number lookup."""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from departments.models import Organisation

from ..models import CatalogueEntry
from . import links
from .filters import CatalogueFilterForm, facet_choices, filter_entries
from .paging import BadPageNumber, paginate

PER_PAGE = 20
LIST_FIELDS = (
    "index_number", "title", "url", "site", "path", "display_date", "written_date", "document_number", "genre",
    "validity", "summary",
    "organisation__name", "organisation__short_name", "organisation__slug",
)


def catalogue_index(request):
    """/disclosure/: every organisation's entries, filterable, newest first."""
    trail = [(_("政府信息公开"), reverse("disclosure:index")), (_("政府信息公开目录"), "")]
    organisations = Organisation.objects.active().only("name", "slug", "kind", "sort_order")
    context = {
        "trail": trail,
        "organisations": organisations,
        "extra_meta_tags": {"ColumnName": _("政府信息公开目录"), "ColumnType": "信息公开目录"},
    }
    return _render_catalogue(request, "disclosure/catalogue.html", context)


def organisation_catalogue(request, org_slug):
    """/disclosure/<org>/: one organisation's entries, its disclosure guide and its yearly reports."""
    organisation = get_object_or_404(Organisation, slug=org_slug)
    trail = [
        (_("政府信息公开"), reverse("disclosure:index")),
        (organisation.name, ""),
    ]
    context = {
        "trail": trail,
        "organisation": organisation,
        "guide": disclosure_guide(organisation, request),
        "yearly_reports": yearly_reports(organisation),
        "feed_url": reverse("disclosure:organisation-feed", args=[organisation.slug]),
        "extra_meta_tags": {"ColumnName": _("%(name)s政府信息公开") % {"name": organisation.name}, "ColumnType": "信息公开目录"},
    }
    return _render_catalogue(request, "disclosure/organisation.html", context, organisation=organisation)


def _render_catalogue(request, template, context, organisation=None):
    form = CatalogueFilterForm(request.GET, fixed_organisation=organisation)
    base = CatalogueEntry.objects.public()
    context.update({"form": form, "organisation": organisation, "errors": [], "choices": {}, "page_obj": None})
    if not form.is_valid():
        context["errors"] = [message for messages in form.errors.values() for message in messages]
        context["entries"] = []
        return render(request, template, context, status=400)
    cleaned = form.cleaned_data
    names = ("topic", "genre", "year", "validity") if organisation else ("org", "topic", "genre", "year", "validity")
    context["choices"] = facet_choices(None, cleaned, names)
    entries = filter_entries(base, cleaned).select_related("organisation").only(*LIST_FIELDS)
    try:
        page_obj = paginate(entries, request.GET.get("page"), PER_PAGE)
    except BadPageNumber as error:
        context["errors"] = [str(error)]
        context["entries"] = []
        return render(request, template, context, status=400)
    context["page_obj"] = page_obj
    context["entries"] = page_obj.object_list
    context["filtered"] = any(cleaned.get(name) not in (None, "") for name in ("topic", "genre", "year", "validity")) or (
        organisation is None and cleaned.get("org") is not None
    )
    context["export_query"] = request.GET.urlencode() if organisation is None else _with_org(request, organisation)
    return render(request, template, context)


def _with_org(request, organisation):
    query = request.GET.copy()
    query.pop("page", None)
    query["org"] = organisation.slug
    return query.urlencode()


def disclosure_guide(organisation, request=None):
    """信息公开指南 (条例 art. 12 and 24): the office's name, address, hours, phone, fax and online contact."""
    return {
        "office": organisation.name,
        "address": organisation.address,
        "office_hours": organisation.office_hours,
        "phone": organisation.phone,
        "fax": organisation.fax,
        "email": organisation.email,
        "apply_url": _optional_url("disclosure_applications:apply", organisation.slug),
        "site_url": (organisation.home_page.get_url(request) or "") if organisation.home_page_id else "",
    }


def _optional_url(name, *args):
    """A link to a part of the product that may not be installed (e.g. applications)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def yearly_reports(organisation):
    """The organisation's published yearly disclosure reports, read from the catalogue (newest first).

    Reports are pages of the yearly-report page type when that part of the product is installed;
    until one is published the page says so plainly.
    """
    try:
        report_model = apps.get_model("disclosure", "YearlyReportPage")
    except LookupError:
        return []
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(report_model)
    return list(
        CatalogueEntry.objects.public()
        .filter(organisation=organisation, page__content_type=content_type)
        .only("title", "url", "display_date", "index_number")
    )


def resolve_index_number(request, index_number):
    """/disclosure/item/<索引号>/: to the live page, or a withdrawal notice that says when and why.

    An entry withdrawn because its page is under a view restriction (login, password, groups) is not
    described to the public at all (no title, no address): a visitor the restriction admits is sent to
    the page; anyone else gets 403 with a notice that the item is not public and how to apply for it.
    """
    entry = CatalogueEntry.objects.select_related("organisation").filter(index_number=index_number.strip("/")).first()
    if entry is None:
        raise Http404(_("没有这个索引号。"))
    if entry.is_live and entry.url:
        return redirect(links.entry_url(entry, request))
    restrictions = restricted_page_restrictions(entry)
    if restrictions:
        if all(restriction.accept_request(request) for restriction in restrictions):
            return redirect(entry.page.get_url(request))
        trail = [(_("政府信息公开"), reverse("disclosure:index")), (entry.index_number, "")]
        context = {"entry": entry, "trail": trail,
                   "apply_url": _optional_url("disclosure_applications:apply", entry.organisation.slug)}
        return render(request, "disclosure/restricted.html", context, status=403)
    trail = [(_("政府信息公开"), reverse("disclosure:index")), (entry.index_number, "")]
    return render(request, "disclosure/withdrawn.html", {"entry": entry, "trail": trail}, status=410)


def restricted_page_restrictions(entry):
    """The view restrictions keeping a withdrawn entry's live page from the public (empty if there are none)."""
    page = entry.page
    if page is None or not page.live:
        return []
    return list(page.get_view_restrictions())
