"""Processing applications in the Wagtail admin, for the handling organisation and the information office.

The list shows no personal data; opening an application (or its reply letter) does, so each of
those views is logged. Every step posts to ``action``, which calls the matching function in
``processing`` and reports its Chinese message when a rule refuses the step.
"""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.applications.models import (
    Application,
    CorrectionSubmission,
    FeeNotice,
    ReasonsRequest,
    ThirdPartyConsultation,
)
from disclosure.models.notices import Notice
from security.private_files import private_file_response
from security.strict_input import id_or_none, page_or_first

from . import deadlines, notices, processing
from .access import handled_organisations, handles_any, log_view, require_handler
from .admin_forms import (
    ACTION_FORMS,
    ConsultationEndForm,
    DeliveryForm,
    OfflineApplicationForm,
    PaymentForm,
    ReasonsAnswerForm,
)
from .choices import RECEIPT_DATE_RULES, Status
from .documents import docx_filename, notice_docx
from .repeats import repeated_requests
from .submission import RegistrationError, register_offline

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _require_any(request):
    if not handles_any(request.user):
        raise PermissionDenied


def _get_application(request, pk):
    application = get_object_or_404(Application.objects.select_related("organisation"), pk=pk)
    require_handler(request.user, application.organisation_id)
    return application


def due_info(application, today):
    """(due date or None, note or None, overdue?) for staff listings; a provisional date comes with its note."""
    if application.answered_on:
        return None, None, False
    due = deadlines.current_due(deadlines.Clock.of(application), today)
    return due.on, due.reason, bool(due.on and not due.provisional and today > due.on)


def index(request):
    _require_any(request)
    today = timezone.localdate()
    organisations = handled_organisations(request.user)
    applications = (
        Application.objects.filter(organisation__in=organisations)
        .select_related("organisation").prefetch_related("consultations", "reasons_requests", "fee_notices")
        .only("tracking_number", "organisation__name", "information_name", "received_on", "status", "submitted_at",
              "answered_on", "correction_requested_on", "corrected_received_on", "extension_days", "outcome",
              "deferred_due_on", "channel")
    )
    status = request.GET.get("status", "")
    if status in Status.values:
        applications = applications.filter(status=status)
    organisation = request.GET.get("organisation", "")
    organisation_id = id_or_none(organisation)
    if organisation_id is not None:
        applications = applications.filter(organisation_id=organisation_id)
    page = Paginator(applications, 50).get_page(page_or_first(request.GET.get("page")))
    rows = [(application, *due_info(application, today)) for application in page.object_list]
    return render(request, "disclosure/applications/admin/index.html", {
        "page_obj": page, "rows": rows, "statuses": Status.choices, "status": status,
        "organisations": organisations, "organisation": organisation,
    })


def detail(request, pk, forms=None):
    application = _get_application(request, pk)
    log_view(request, application, _("查看申请详情"))
    today = timezone.localdate()
    due, due_missing, overdue = due_info(application, today)
    forms = forms or {}
    context = {
        "application": application,
        "due": due, "due_missing": due_missing, "overdue": overdue,
        "correction_deadline": deadlines.correction_deadline(application.received_on),
        "calendar_missing": deadlines.CALENDAR_MISSING,
        "events": application.events.select_related("user"),
        "consultations": [(c, *processing.consultation_state(c, today)) for c in application.consultations.all()],
        "reasons_requests": application.reasons_requests.all(),
        "fee_notices": application.fee_notices.all(),
        "correction_submissions": application.correction_submissions.all(),
        "notices": application.notices.prefetch_related("deliveries__email"),
        "receipt_rule": RECEIPT_DATE_RULES.get(application.channel),
        "reasons_form": ReasonsAnswerForm(prefix="reasons_answer"),
        "payment_form": PaymentForm(prefix="payment"),
        "delivery_form": DeliveryForm(prefix="delivery"),
        "notifications": application.notifications.all(),
        "views": application.views.select_related("user")[:20],
        "forms": {name: forms.get(name) or form_class(prefix=name) for name, form_class in ACTION_FORMS.items()},
        "end_form": ConsultationEndForm(prefix="end"),
        "refusals": [message for form in forms.values() for errors in form.errors.values() for message in errors],
    }
    return render(request, "disclosure/applications/admin/detail.html", context, status=400 if forms else 200)


def _run(application, name, data, user):
    if name == "confirm":
        processing.confirm_receipt(application, user, data["received_on"])
    elif name == "correction":
        processing.request_correction(application, user, data["requested_on"], data["request_text"],
                                      data.get("correct_by"))
    elif name == "corrected":
        processing.record_correction(application, user, data["received_on"])
    elif name == "extend":
        processing.extend(application, user, data["days"], data["reason"], data["approver"], data["extended_on"])
    elif name == "consult":
        processing.start_consultation(application, user, data["third_party"], data["sent_on"], data["note"],
                                      data["party_kind"])
    elif name == "answer":
        processing.answer(application, user, data["outcome"], data["answered_on"], data["reply_letter"], data["note"])
    elif name == "reasons":
        processing.request_reasons(application, user, data["asked_on"], data["question"])
    elif name == "defer":
        processing.defer(application, user, data["due_on"], data["reason"], data["decided_on"])
    elif name == "fee":
        processing.notify_fee(application, user, data["basis"], data["notified_on"], data.get("pages"))


@require_POST
def action(request, pk, name):
    application = _get_application(request, pk)
    form_class = ACTION_FORMS.get(name)
    if form_class is None:
        raise Http404
    form = form_class(request.POST, request.FILES, prefix=name)
    if not form.is_valid():
        return detail(request, pk, forms={name: form})
    try:
        _run(application, name, form.cleaned_data, request.user)
    except processing.ProcessingError as error:
        form.add_error(None, error)
        return detail(request, pk, forms={name: form})
    messages.success(request, _("已保存。"))
    return redirect("disclosure_applications_admin:detail", pk=pk)


@require_POST
def end_consultation(request, pk, consultation_pk):
    application = _get_application(request, pk)
    consultation = get_object_or_404(ThirdPartyConsultation, pk=consultation_pk, application=application)
    form = ConsultationEndForm(request.POST, prefix="end")
    if form.is_valid():
        try:
            processing.end_consultation(consultation, request.user, form.cleaned_data["replied_on"])
        except processing.ProcessingError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("disclosure_applications_admin:detail", pk=pk)
        messages.success(request, _("已保存。"))
    else:
        messages.error(request, _("请填写有效日期。"))
    return redirect("disclosure_applications_admin:detail", pk=pk)


def reply_letter(request, pk):
    application = _get_application(request, pk)
    if not application.reply_letter:
        raise Http404
    log_view(request, application, _("下载答复书"))
    extension = Path(application.reply_letter.name).suffix
    return private_file_response(application.reply_letter, f"答复书-{application.tracking_number}{extension}")


def _step(request, pk, form, run):
    """Run one sub-record step (reasons answered, fee paid, delivery) and report its refusal as a message."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已保存。"))
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    return redirect("disclosure_applications_admin:detail", pk=pk)


@require_POST
def record_reasons(request, pk, request_pk):
    application = _get_application(request, pk)
    reasons = get_object_or_404(ReasonsRequest, pk=request_pk, application=application)
    form = ReasonsAnswerForm(request.POST, prefix="reasons_answer")
    return _step(request, pk, form, lambda data: processing.record_reasons(
        reasons, request.user, data["answered_on"], data["answer"]))


@require_POST
def record_payment(request, pk, fee_pk):
    application = _get_application(request, pk)
    fee = get_object_or_404(FeeNotice, pk=fee_pk, application=application)
    form = PaymentForm(request.POST, prefix="payment")
    return _step(request, pk, form, lambda data: processing.record_payment(fee, request.user, data["paid_on"]))


@require_POST
def record_delivery(request, pk, notice_pk):
    application = _get_application(request, pk)
    notice = get_object_or_404(Notice, pk=notice_pk, application=application)
    form = DeliveryForm(request.POST, request.FILES, prefix="delivery")
    return _step(request, pk, form, lambda data: notices.record_delivery(
        notice, request.user, data["method"], data["delivered_on"], data["tracking_number"], data["signed_by"],
        data.get("evidence"), data["note"]))


def notice_detail(request, pk, notice_pk):
    """One notice with its 送达记录, laid out for printing (the case file an auditor asks for)."""
    application = _get_application(request, pk)
    notice = get_object_or_404(Notice.objects.prefetch_related("deliveries__email"), pk=notice_pk,
                               application=application)
    log_view(request, application, _("查看告知书"))
    return render(request, "disclosure/applications/admin/notice.html", {"application": application, "notice": notice})


def notice_document(request, pk, notice_pk):
    """The notice with its 送达记录 as .docx."""
    application = _get_application(request, pk)
    notice = get_object_or_404(Notice, pk=notice_pk, application=application)
    log_view(request, application, _("下载告知书"))
    response = HttpResponse(notice_docx(notice, with_deliveries=True), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, docx_filename(notice))
    return response


def _file_response(request, application, field_file, action):
    if not field_file:
        raise Http404
    log_view(request, application, action)
    return FileResponse(field_file.open("rb"), as_attachment=True, filename=field_file.name.rsplit("/", 1)[-1])


def receipt_evidence(request, pk):
    application = _get_application(request, pk)
    return _file_response(request, application, application.receipt_evidence, _("下载收件凭证"))


def correction_attachment(request, pk, submission_pk):
    application = _get_application(request, pk)
    submission = get_object_or_404(CorrectionSubmission, pk=submission_pk, application=application)
    return _file_response(request, application, submission.attachment, _("下载补正材料"))


def register(request):
    """登记线下申请 (当面、邮寄、传真、电子邮件) with its statutory receipt date and evidence."""
    _require_any(request)
    organisations = handled_organisations(request.user)
    form = OfflineApplicationForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = register_offline(
                data["organisation"], form.application_data(), data["channel"], data["received_on"], request.user,
                evidence=data.get("receipt_evidence"), receipt_note=data["receipt_note"],
            )
        except RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已登记线下申请 %(number)s。") % {"number": application.tracking_number})
            return redirect("disclosure_applications_admin:detail", pk=application.pk)
    return render(request, "disclosure/applications/admin/register.html", {"form": form},
                  status=400 if form.errors else 200)


def repeated(request):
    """多人申请的信息 (条例第四十四条): candidates for proactive disclosure."""
    _require_any(request)
    try:
        min_applicants = max(2, int(request.GET.get("min", 2)))
    except ValueError:
        min_applicants = 2
    applications = Application.objects.filter(organisation__in=handled_organisations(request.user))
    return render(request, "disclosure/applications/admin/repeated.html", {
        "groups": repeated_requests(applications, min_applicants), "min_applicants": min_applicants,
    })
