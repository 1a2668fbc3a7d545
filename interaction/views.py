"""Public pages of the mailboxes: write a letter, see the receipt, look a letter up, read answered letters."""

from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from disclosure.models import CatalogueEntry
from portal import breadcrumbs
from portal.column_kinds import ColumnKind
from security.strict_input import page_or_first

from .antispam import rate_limited, rate_limited_response, record_attempt
from .consultations.listing import grouped, public_consultations
from .forms import LetterForm, LookupForm
from .interviews.views import public_interviews
from .lookup import find_letter
from .models import Letter, Mailbox
from .models.consultation import ConsultationState
from .receipts import store_receipt, take_receipt
from .statistics import monthly_statistics, statistics_version, totals
from .submission import submit_letter
from .surveys.views import public_surveys

PUBLIC_LETTERS_PER_PAGE = 20


def public_letters(mailbox):
    """Answered letters whose writers agreed to publication; only what may be shown is selected."""
    return (
        Letter.objects.public().filter(mailbox=mailbox)
        .select_related("replying_organisation")
        .only("pk", "name", "subject", "message", "category", "reply", "received_on", "replied_on",
              "replying_organisation__name", "mailbox_id")
        .order_by("-replied_at", "-pk")
    )


def trail(*crumbs, mailbox=None):
    """当前位置 under 首页: 政民互动, then the mailbox if any, then ``crumbs`` as (title, url)."""
    mailbox_step = (mailbox.name, reverse("interaction:mailbox", args=[mailbox.slug])) if mailbox else None
    return breadcrumbs.trail((_("政民互动"), reverse("interaction:index")), mailbox_step, *crumbs)


# The directory's groups, in the order they are shown: the county's own mailboxes (县长信箱, 县政府信箱) first.
MAILBOX_GROUPS = (
    ("county", _lazy("县长和县政府信箱")),
    ("department", _lazy("部门信箱")),
    ("township", _lazy("乡镇（街道）信箱")),
)


def mailbox_groups(mailboxes):
    """[(group_id, heading, [mailbox, …]), …] for the directory; empty groups are left out."""
    grouped = {key: [] for key, _heading in MAILBOX_GROUPS}
    for mailbox in mailboxes:
        kind = "county" if mailbox.kind == Mailbox.Kind.LEADER else mailbox.organisation.kind
        grouped.setdefault(kind, []).append(mailbox)
    return [(key, heading, grouped[key]) for key, heading in MAILBOX_GROUPS if grouped[key]]


HOME_LIST_LENGTH = 5


def mailbox_index(request):
    """政民互动 home: the mailboxes, the consultations open now and the latest reported, the surveys, the interviews
    and the latest 回应关切 (responses to public concern, read from the catalogue by column kind)."""
    mailboxes = Mailbox.objects.filter(active=True, organisation__active=True).select_related("organisation").order_by(
        "sort_order", "organisation__kind", "organisation__sort_order", "pk"
    )
    consultations = grouped(public_consultations())
    now = timezone.now()
    surveys = public_surveys().filter(opens_at__lte=now)[:HOME_LIST_LENGTH]
    return render(request, "interaction/mailbox_index.html", {
        "groups": mailbox_groups(mailboxes), "trail": trail(),
        "open_consultations": consultations[ConsultationState.OPEN][:HOME_LIST_LENGTH],
        "reported_consultations": consultations[ConsultationState.REPORTED][:HOME_LIST_LENGTH],
        "surveys": surveys,
        "interviews": public_interviews()[:HOME_LIST_LENGTH],
        "responses": CatalogueEntry.objects.public().filter(column_kind=ColumnKind.RESPONSES).only(
            "title", "url", "display_date").order_by("-display_date", "-pk")[:HOME_LIST_LENGTH],
    })


def mailbox_detail(request, slug):
    mailbox = get_object_or_404(Mailbox.objects.select_related("organisation"), slug=slug, organisation__active=True)
    page = Paginator(public_letters(mailbox), PUBLIC_LETTERS_PER_PAGE).get_page(page_or_first(request.GET.get("page")))
    return render(request, "interaction/mailbox_detail.html", {
        "mailbox": mailbox, "page_obj": page, "trail": trail(mailbox=mailbox),
    })


def public_letter(request, slug, pk):
    mailbox = get_object_or_404(Mailbox, slug=slug)
    letter = public_letters(mailbox).filter(pk=pk).first()
    if letter is None:
        raise Http404
    return render(request, "interaction/public_letter.html", {
        "mailbox": mailbox, "letter": letter, "trail": trail((letter.subject, ""), mailbox=mailbox),
    })


def mailbox_statistics(request, slug):
    mailbox = get_object_or_404(Mailbox.objects.select_related("organisation"), slug=slug)
    rows = monthly_statistics(mailbox.pk)
    return render(request, "interaction/statistics.html", {
        "mailbox": mailbox, "rows": rows, "totals": totals(rows), "statistics_version": statistics_version(mailbox.pk),
        "trail": trail((_("办理情况统计"), ""), mailbox=mailbox),
    })


@never_cache
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def write_letter(request, slug):
    """The letter is committed in its own transaction before anything else happens."""
    mailbox = get_object_or_404(Mailbox.objects.select_related("organisation"), slug=slug, organisation__active=True)
    crumbs = trail((_("写信"), ""), mailbox=mailbox)
    if not mailbox.active:
        return render(request, "interaction/mailbox_closed.html", {"mailbox": mailbox, "trail": crumbs}, status=403)
    if request.method == "POST":
        if rate_limited(request, "letter"):
            return rate_limited_response(request, "letter", crumbs)
        form = LetterForm(request.POST, request=request)
        if form.is_valid():
            token = form.cleaned_data["form_token"]
            receipt = submit_letter(mailbox, form.cleaned_data, submission_token=token)
            if not receipt.duplicate:
                record_attempt(request, "letter")
                store_receipt(request, token, receipt)
            return redirect("interaction:submitted", token=token)
        status = 400
    else:
        form = LetterForm(request=request)
        status = 200
    return render(request, "interaction/write_letter.html", {"mailbox": mailbox, "form": form, "trail": crumbs},
                  status=status)


@never_cache
def submitted(request, token):
    receipt = take_receipt(request, token)
    letter = Letter.objects.filter(submission_token=token).select_related("mailbox").only(
        "tracking_code", "due_on", "received_on", "mailbox__name", "mailbox__slug", "mailbox__reply_working_days"
    ).first()
    if letter is None:
        raise Http404
    return render(request, "interaction/submitted.html", {
        "receipt": receipt, "letter": letter, "trail": trail((_("信件已提交"), ""), mailbox=letter.mailbox),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    letter = None
    status = 200
    if request.method == "POST":
        if rate_limited(request, "lookup"):
            return rate_limited_response(request, "lookup", trail((_("查询来信"), "")))
        record_attempt(request, "lookup")
        form = LookupForm(request.POST)
        if form.is_valid():
            letter = find_letter(form.cleaned_data["tracking_code"], form.cleaned_data["password"])
            if letter is None:
                form.add_error(None, _("查询码或查询密码不正确，请核对后重新输入。"))
                status = 404
        else:
            status = 400
    else:
        form = LookupForm()
    return render(
        request, "interaction/lookup.html",
        {"form": form, "letter": letter, "overdue": letter is not None and letter.is_overdue(timezone.localdate()),
         "trail": trail((_("查询来信"), ""))},
        status=status,
    )
