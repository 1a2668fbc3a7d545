"""Public pages of applications for disclosure: the form, the receipt and the status lookup."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from departments.models import Organisation
from disclosure.applications.models import Application
from interaction.antispam import rate_limited, rate_limited_response, read_form_token, record_attempt
from portal import breadcrumbs

from . import deadlines
from .choices import Status
from .documents import docx_filename, notice_docx
from .forms import ApplicationForm, CorrectionUploadForm, StatusLookupForm
from .lookup import find_application
from .processing import ProcessingError, receive_online_correction
from .submission import submit

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

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


STATUS_SESSION_KEY = "disclosure_application_status"


def _looked_up(request):
    """The application this browser looked up (tracking number + last 4 characters), or None."""
    application_id = request.session.get(STATUS_SESSION_KEY)
    if not application_id:
        return None
    return Application.objects.select_related("organisation").filter(pk=application_id).first()


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    """Status, due date, what is asked and the notices, for a tracking number plus the ID number's last 4 characters.

    A successful lookup is remembered in the session, so the applicant can upload a correction
    and download notices without typing the number again; ``?new=1`` forgets it.
    """
    context = {}
    http_status = 200
    if request.GET.get("new"):
        request.session.pop(STATUS_SESSION_KEY, None)
    form = StatusLookupForm()
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
                request.session[STATUS_SESSION_KEY] = application.pk
                context.update(public_status(application))
                context["correction_form"] = CorrectionUploadForm()
        else:
            http_status = 400
    else:
        application = _looked_up(request)
        if application is not None:
            context.update(public_status(application))
            context["correction_form"] = CorrectionUploadForm()
    context["form"] = form
    context["trail"] = trail((_("办理进度查询"), ""))
    return render(request, "disclosure/applications/status.html", context, status=http_status)


def public_status(application, today=None):
    """What an applicant may see: no personal data beyond what they typed, nothing internal.

    The current step, the due date (marked when provisional), what is asked of them now, and the
    notices and reply addressed to them.
    """
    today = today or timezone.localdate()
    due = None if application.answered_on else deadlines.current_due(deadlines.Clock.of(application), today)
    unpaid = application.fee_notices.filter(paid_on__isnull=True).order_by("-notified_on").first()
    open_reasons = application.reasons_requests.filter(answered_on__isnull=True).order_by("-asked_on").first()
    return {
        "application": application,
        "due": due,
        "asked": {
            "correction": application.status == Status.AWAITING_CORRECTION,
            "reasons": open_reasons if application.status == Status.AWAITING_REASONS else None,
            "fee": unpaid if application.status == Status.AWAITING_PAYMENT else None,
        },
        "notices": application.notices.filter(to_applicant=True).order_by("issued_on", "pk"),
    }


@never_cache
@require_POST
def upload_correction(request):
    """网上补正: the text and an optional file; the 20 working days restart today (条例第三十条)."""
    application = _looked_up(request)
    if application is None:
        return redirect("disclosure_applications:status")
    form = CorrectionUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            receive_online_correction(application, form.cleaned_data["text"], form.cleaned_data.get("attachment"))
        except ProcessingError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("补正材料已提交，答复期限自今日起重新计算。"))
            return redirect("disclosure_applications:status")
    context = {**public_status(application), "correction_form": form, "form": StatusLookupForm(),
               "trail": trail((_("办理进度查询"), ""))}
    return render(request, "disclosure/applications/status.html", context, status=400)


@never_cache
def download_notice(request, notice_pk):
    """A notice addressed to the applicant, as .docx (only for the application looked up in this browser)."""
    application = _looked_up(request)
    if application is None:
        raise Http404
    notice = get_object_or_404(application.notices.filter(to_applicant=True), pk=notice_pk)
    response = HttpResponse(notice_docx(notice), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, docx_filename(notice))
    return response


@never_cache
def download_reply_letter(request):
    """The signed reply letter the organ uploaded, for the application looked up in this browser."""
    application = _looked_up(request)
    if application is None or not application.reply_letter:
        raise Http404
    return FileResponse(application.reply_letter.open("rb"), as_attachment=True,
                        filename=application.reply_letter.name.rsplit("/", 1)[-1])
