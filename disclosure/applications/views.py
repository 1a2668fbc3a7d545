"""Public pages of applications for disclosure: the form, the receipt and the status lookup."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from departments.models import Organisation
from disclosure.applications.models import Application
from interaction.antispam import rate_limited, rate_limited_response, read_form_token, record_attempt
from portal import breadcrumbs

from . import deadlines
from .forms import ApplicationForm, StatusLookupForm
from .lookup import find_application
from .submission import submit

RECEIPT_SESSION_KEY = "disclosure_application_receipt"


def trail(*crumbs, organisation=None):
    """当前位置 under 首页: 政府信息公开 › 依申请公开, the organisation's form if any, then ``crumbs``."""
    form_step = (_("向%(name)s申请") % {"name": organisation.name},
                 reverse("disclosure_applications:apply", args=[organisation.slug])) if organisation else None
    return breadcrumbs.trail((_("政府信息公开"), reverse("disclosure:index")),
                             (_("依申请公开"), reverse("disclosure_applications:index")), form_step, *crumbs)


# The list's groups, in the order they are shown (as the mailbox directory of 政民互动).
ORGANISATION_GROUPS = (
    (Organisation.Kind.COUNTY, _lazy("县政府")),
    (Organisation.Kind.DEPARTMENT, _lazy("县政府部门")),
    (Organisation.Kind.TOWNSHIP, _lazy("乡镇（街道）")),
)


def organisation_list(request):
    organisations = Organisation.objects.active().order_by("kind", "sort_order", "pk")
    groups = [
        (kind, heading, [organisation for organisation in organisations if organisation.kind == kind])
        for kind, heading in ORGANISATION_GROUPS
    ]
    return render(request, "disclosure/applications/organisation_list.html", {
        "groups": [group for group in groups if group[2]], "trail": trail(),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request, org_slug):
    """The application form of one organisation; the record is stored before anything else."""
    organisation = get_object_or_404(Organisation.objects.active(), slug=org_slug)
    if request.method == "POST":
        if rate_limited(request, "application"):
            return rate_limited_response(request, "application", trail(organisation=organisation))
        record_attempt(request, "application")
        already = submitted_with_token(request.POST.get("form_token"))
        if already is not None:  # a double click: show the first click's receipt
            request.session[RECEIPT_SESSION_KEY] = already.pk
            return redirect("disclosure_applications:receipt", org_slug=already.organisation.slug)
        form = ApplicationForm(request.POST, request=request)
        if form.is_valid():
            application, _created = submit(organisation, form.application_data(), form.cleaned_data["form_token"])
            request.session[RECEIPT_SESSION_KEY] = application.pk
            return redirect("disclosure_applications:receipt", org_slug=organisation.slug)
        status = 400
    else:
        form = ApplicationForm(request=request)
        status = 200
    return render(request, "disclosure/applications/apply.html",
                  {"organisation": organisation, "form": form, "trail": trail(organisation=organisation)},
                  status=status)


def submitted_with_token(signed_token):
    token = read_form_token(signed_token)
    if token is None:
        return None
    return Application.objects.select_related("organisation").filter(form_token=token).first()


@never_cache
def receipt(request, org_slug):
    """The tracking number on screen, once, after a successful submission (post/redirect/get)."""
    application_id = request.session.get(RECEIPT_SESSION_KEY)
    application = Application.objects.filter(pk=application_id, organisation__slug=org_slug).first()
    if application is None:
        return redirect("disclosure_applications:apply", org_slug=org_slug)
    return render(request, "disclosure/applications/receipt.html", {
        "application": application, "organisation": application.organisation,
        "trail": trail((_("申请已提交"), ""), organisation=application.organisation),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    """Status and due date for a tracking number plus the last 4 characters of the ID number."""
    context = {}
    http_status = 200
    if request.method == "POST":
        if rate_limited(request, "lookup"):
            return rate_limited_response(request, "lookup", trail((_("办理进度查询"), "")))
        record_attempt(request, "lookup")
        form = StatusLookupForm(request.POST)
        if form.is_valid():
            application = find_application(form.cleaned_data["tracking_number"], form.cleaned_data["identity_last4"])
            if application is None:
                form.add_error(None, _("未找到与申请编号和证件号码后4位相符的申请，请核对后重试。"))
                http_status = 404
            else:
                context.update(public_status(application))
        else:
            http_status = 400
    else:
        form = StatusLookupForm()
    context["form"] = form
    context["trail"] = trail((_("办理进度查询"), ""))
    return render(request, "disclosure/applications/status.html", context, status=http_status)


def public_status(application):
    """What an applicant may see: no personal data beyond what they typed, nothing internal."""
    clock = deadlines.Clock.of(application)
    due = None if application.answered_on else deadlines.answer_due(clock, timezone.localdate())
    return {
        "application": application,
        "due_date": due,
        "due_missing_reason": None if due or application.answered_on else deadlines.explain_missing_due(clock),
    }
