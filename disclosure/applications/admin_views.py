"""Processing applications in the Wagtail admin, for the handling organisation and the information office.

The list shows no personal data; opening an application (or its reply letter) does, so each of
those views is logged. Every step posts to ``action``, which calls the matching function in
``processing`` and reports its Chinese message when a rule refuses the step.
"""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.applications.models import Application, ThirdPartyConsultation
from security.private_files import private_file_response
from security.strict_input import id_or_none, page_or_first

from . import deadlines, processing
from .access import handled_organisations, handles_any, log_view, require_handler
from .admin_forms import ACTION_FORMS, ConsultationEndForm
from .choices import Status


def _require_any(request):
    if not handles_any(request.user):
        raise PermissionDenied


def _get_application(request, pk):
    application = get_object_or_404(Application.objects.select_related("organisation"), pk=pk)
    require_handler(request.user, application.organisation_id)
    return application


def due_info(application, today):
    """(due date or None, reason text or None, overdue?) for staff listings."""
    if application.answered_on:
        return None, None, False
    clock = deadlines.Clock.of(application, [(c.sent_on, c.replied_on) for c in application.consultations.all()])
    due = deadlines.answer_due(clock, today)
    return due, (None if due else deadlines.explain_missing_due(clock)), bool(due and today > due)


def index(request):
    _require_any(request)
    today = timezone.localdate()
    organisations = handled_organisations(request.user)
    applications = (
        Application.objects.filter(organisation__in=organisations)
        .select_related("organisation").prefetch_related("consultations")
        .only("tracking_number", "organisation__name", "information_name", "received_on", "status", "submitted_at",
              "answered_on", "correction_requested_on", "corrected_received_on", "extension_days", "outcome")
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
        "consultations": application.consultations.all(),
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
        processing.request_correction(application, user, data["requested_on"], data["request_text"])
    elif name == "corrected":
        processing.record_correction(application, user, data["received_on"])
    elif name == "extend":
        processing.extend(application, user, data["days"], data["reason"], data["approver"], data["extended_on"])
    elif name == "consult":
        processing.start_consultation(application, user, data["third_party"], data["sent_on"], data["note"])
    elif name == "answer":
        processing.answer(application, user, data["outcome"], data["answered_on"], data["reply_letter"], data["note"])


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
