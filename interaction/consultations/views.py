"""Public pages of 意见征集: the county list, an organisation's list, the comment form and its receipt.

The consultation itself is a page served by Wagtail (and the anonymous page cache); the comment form
is a separate, never-cached view because it carries a per-visitor CAPTCHA and form token.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from departments.models import Organisation
from portal import breadcrumbs

from ..antispam import rate_limited, rate_limited_response, record_attempt
from ..models import ConsultationPage
from ..models.consultation import ConsultationState
from .forms import CommentForm
from .listing import grouped, public_consultations
from .submission import ConsultationClosed, submit_comment

RATE_SCOPE = "consultation_comment"
SUBMITTED_SESSION_KEY = "consultation_comments_submitted"


def trail(*crumbs):
    return breadcrumbs.trail((_("政民互动"), reverse("interaction:index")),
                             (_("意见征集"), reverse("interaction:consultations")), *crumbs)


def consultation_index(request, slug=None):
    """The county 意见征集 page, or one organisation's (``slug``): open, closed awaiting feedback, reported."""
    organisation = None
    if slug is not None:
        organisation = get_object_or_404(Organisation.objects.active(), slug=slug)
    groups = grouped(public_consultations(organisation))
    sections = [(state, ConsultationState.LABELS[state], groups[state]) for state in
                (ConsultationState.OPEN, ConsultationState.UPCOMING, ConsultationState.CLOSED, ConsultationState.REPORTED)]
    organisations = Organisation.objects.active().filter(home_page__isnull=False).order_by("kind", "sort_order", "pk")
    return render(request, "interaction/consultations/index.html", {
        "organisation": organisation, "sections": sections, "organisations": organisations,
        "trail": trail((organisation.name, "")) if organisation else trail(),
    })


def live_consultation(pk):
    return get_object_or_404(ConsultationPage.objects.live().public(), pk=pk)


@never_cache
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def write_comment(request, pk):
    """发表意见. Outside the consultation period the form is not shown and a POST is refused with 403."""
    consultation = live_consultation(pk)
    crumbs = trail((consultation.title, consultation.url), (_("发表意见"), ""))
    if not consultation.is_open():
        return closed_response(request, consultation, crumbs, ConsultationClosed(consultation, timezone.now()).message)
    if request.method == "POST":
        if rate_limited(request, RATE_SCOPE):
            return rate_limited_response(request, RATE_SCOPE, crumbs)
        form = CommentForm(request.POST, request=request)
        if form.is_valid():
            try:
                comment, duplicate = submit_comment(consultation, form.cleaned_data, form.cleaned_data["form_token"])
            except ConsultationClosed as closed:
                return closed_response(request, consultation, crumbs, closed.message)
            if not duplicate:
                record_attempt(request, RATE_SCOPE)
            request.session[SUBMITTED_SESSION_KEY] = [*request.session.get(SUBMITTED_SESSION_KEY, [])[-9:], comment.pk]
            return redirect("interaction:consultation_comment_submitted", pk=consultation.pk)
        status = 400
    else:
        form = CommentForm(request=request)
        status = 200
    return render(request, "interaction/consultations/write_comment.html",
                  {"consultation": consultation, "form": form, "trail": crumbs}, status=status)


def closed_response(request, consultation, crumbs, message):
    return render(request, "interaction/consultations/closed.html",
                  {"consultation": consultation, "message": message, "trail": crumbs}, status=403)


@never_cache
def comment_submitted(request, pk):
    consultation = live_consultation(pk)
    return render(request, "interaction/consultations/submitted.html", {
        "consultation": consultation,
        "trail": trail((consultation.title, consultation.url), (_("意见已提交"), "")),
    })
