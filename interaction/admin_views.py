"""Staff handling of letters in the Wagtail admin. Only the handling organisation and the information office get in.

Lists show no personal data; opening a letter shows it and is recorded in ``PersonalDataAccess``.
"""


from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from departments.roles import is_information_office
from portal.admin_refusal import refuse_with_403
from portal.calendar_months import add_months
from security.strict_input import page_or_first

from . import handling
from .admin_forms import AssignForm, DispositionForm, ForwardForm, PublicationForm, ReplyForm
from .audit_feed import OVERDUE_MONTHS
from .deadlines import CALENDAR_MISSING
from .letter_access import can_handle, letters_visible_to, may_use_mailbox_admin, record_personal_data_access
from .models import Letter

LETTERS_PER_PAGE = 50


# A refused letter explains who may open it.
letter_refused_as_403 = refuse_with_403("interaction/admin/forbidden.html")


def _require_mailbox_staff(request):
    if not may_use_mailbox_admin(request.user):
        raise PermissionDenied


def _letter_for(request, pk):
    letter = get_object_or_404(Letter.objects.select_related("mailbox", "organisation", "assigned_to"), pk=pk)
    if not can_handle(request.user, letter):
        raise PermissionDenied
    return letter


@letter_refused_as_403
def index(request):
    _require_mailbox_staff(request)
    today = timezone.localdate()
    letters = letters_visible_to(request.user).select_related("mailbox", "organisation", "assigned_to").only(
        "pk", "tracking_code", "subject", "category", "status", "received_on", "due_on", "replied_on",
        "mailbox__name", "organisation__name", "assigned_to__username", "assigned_to__first_name", "assigned_to__last_name",
    )
    status = request.GET.get("status", "open")
    if status == "open":
        letters = letters.exclude(status=Letter.Status.ANSWERED)
    elif status in Letter.Status.values:
        letters = letters.filter(status=status)
    if request.GET.get("overdue"):
        letters = letters.exclude(status=Letter.Status.ANSWERED).filter(due_on__lt=today)
    query = (request.GET.get("q") or "").strip()
    if query:
        letters = letters.filter(Q(subject__icontains=query) | Q(tracking_code__iexact=query))
    unanswered = letters_visible_to(request.user).exclude(status=Letter.Status.ANSWERED)
    summary = {
        "overdue": unanswered.filter(due_on__lt=today).count(),
        "over_three_months": unanswered.filter(disposition="", received_on__lt=add_months(today, -OVERDUE_MONTHS)).count(),
        "no_deadline": unanswered.filter(due_on__isnull=True).count(),
    }
    page = Paginator(letters.order_by("due_on", "-received_at"), LETTERS_PER_PAGE).get_page(page_or_first(request.GET.get("p")))
    return TemplateResponse(request, "interaction/admin/index.html", {
        "page_obj": page, "today": today, "status": status, "query": query, "summary": summary,
        "statuses": [("open", _("未答复")), *Letter.Status.choices, ("all", _("全部"))],
        "calendar_missing": CALENDAR_MISSING, "overdue_only": bool(request.GET.get("overdue")),
        "is_information_office": is_information_office(request.user),
    })


@letter_refused_as_403
def detail(request, pk, forms=None):
    letter = _letter_for(request, pk)
    record_personal_data_access(request, letter, "查看来信")
    forms = forms or {}
    return TemplateResponse(request, "interaction/admin/detail.html", {
        "letter": letter,
        "overdue": letter.is_overdue(timezone.localdate()),
        "calendar_missing": CALENDAR_MISSING,
        "events": letter.events.select_related("actor", "from_organisation", "to_organisation"),
        "accesses": letter.accesses.select_related("user")[:20] if is_information_office(request.user) else None,
        "assign_form": forms.get("assign") or AssignForm(letter=letter, initial={"assignee": letter.assigned_to_id}),
        "forward_form": forms.get("forward") or ForwardForm(letter=letter),
        "reply_form": forms.get("reply") or ReplyForm(initial={"reply": letter.reply}),
        "disposition_form": forms.get("dispose") or DispositionForm(
            letter=letter, initial={"disposition": letter.disposition, "reason": letter.disposition_reason}),
        "publication_form": forms.get("publication") or PublicationForm(
            letter=letter, initial={"publish": "0" if letter.withheld_from_public or not letter.may_publish else "1"}),
    }, status=400 if forms else 200)


def _act(request, pk, form_class, key, action, success):
    letter = _letter_for(request, pk)
    form = form_class(request.POST) if form_class is ReplyForm else form_class(request.POST, letter=letter)
    if form.is_valid():
        try:
            action(letter, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("interaction_admin:detail", pk=letter.pk)
    return detail(request, pk, forms={key: form})


@require_POST
@letter_refused_as_403
def assign(request, pk):
    return _act(request, pk, AssignForm, "assign",
                lambda letter, data: handling.assign(letter, data["assignee"], request.user), _("已指定经办人。"))


@require_POST
@letter_refused_as_403
def forward(request, pk):
    return _act(request, pk, ForwardForm, "forward",
                lambda letter, data: handling.forward(letter, data["organisation"], request.user, data["note"]),
                _("已转办。转办后本机构不再看到该信件。"))


@require_POST
@letter_refused_as_403
def reply(request, pk):
    return _act(request, pk, ReplyForm, "reply",
                lambda letter, data: handling.reply(letter, data["reply"], request.user), _("已答复，来信人可凭查询码查看。"))


@require_POST
@letter_refused_as_403
def dispose(request, pk):
    return _act(request, pk, DispositionForm, "dispose",
                lambda letter, data: handling.dispose(letter, data["disposition"], data["reason"], request.user),
                _("已保存处理结论。"))


@require_POST
@letter_refused_as_403
def publication(request, pk):
    return _act(request, pk, PublicationForm, "publication",
                lambda letter, data: handling.decide_publication(letter, data["publish"], request.user, data["reason"]),
                _("已保存公开决定。"))
