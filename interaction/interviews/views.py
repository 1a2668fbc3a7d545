"""Public views of 在线访谈: the county list, the question form and its receipt, and the live poll endpoint.

The interview itself is a page served by Wagtail. The poll endpoint answers conditional GETs: the ETag and
Last-Modified come from the cached record version (``live``), so an unchanged poll is a 304 without a query.
"""

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portal import breadcrumbs

from ..antispam import rate_limited, rate_limited_response, record_attempt
from ..models import InterviewPage
from ..models.interview import InterviewState
from .forms import QuestionForm
from .live import live_version, poll_payload
from .submission import InterviewClosed, submit_question

RATE_SCOPE = "interview_question"
POLL_SECONDS = 5


def trail(*crumbs):
    return breadcrumbs.trail((_("政民互动"), reverse("interaction:index")),
                             (_("在线访谈"), reverse("interaction:interviews")), *crumbs)


def public_interviews():
    """Live interview pages without a view restriction, the latest scheduled first."""
    return InterviewPage.objects.live().public().order_by("-starts_at", "-pk")


def interview_index(request):
    """The county 在线访谈 page: announced and live interviews first, then the archive."""
    now = timezone.now()
    upcoming, past = [], []
    for interview in public_interviews():
        interview.listed_state = interview.state(now)
        (upcoming if interview.listed_state in InterviewState.TAKES_QUESTIONS else past).append(interview)
    return render(request, "interaction/interviews/index.html",
                  {"upcoming": list(reversed(upcoming)), "past": past, "trail": trail()})


def live_interview(pk):
    return get_object_or_404(public_interviews(), pk=pk)


@never_cache
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def ask_question(request, pk):
    """我要提问. Once the interview has ended or is archived the form is not shown and a POST is refused (403)."""
    interview = live_interview(pk)
    crumbs = trail((interview.title, interview.url), (_("我要提问"), ""))
    if not interview.takes_questions():
        return closed_response(request, interview, crumbs, InterviewClosed(interview, timezone.now()).message)
    if request.method == "POST":
        if rate_limited(request, RATE_SCOPE):
            return rate_limited_response(request, RATE_SCOPE, crumbs)
        form = QuestionForm(request.POST, request=request)
        if form.is_valid():
            try:
                _question, duplicate = submit_question(interview, form.cleaned_data, form.cleaned_data["form_token"])
            except InterviewClosed as closed:
                return closed_response(request, interview, crumbs, closed.message)
            if not duplicate:
                record_attempt(request, RATE_SCOPE)
            return redirect("interaction:interview_question_submitted", pk=interview.pk)
        status = 400
    else:
        form = QuestionForm(request=request)
        status = 200
    return render(request, "interaction/interviews/ask.html",
                  {"interview": interview, "form": form, "trail": crumbs}, status=status)


def closed_response(request, interview, crumbs, message):
    return render(request, "interaction/interviews/closed.html",
                  {"interview": interview, "message": message, "trail": crumbs}, status=403)


@never_cache
def question_submitted(request, pk):
    interview = live_interview(pk)
    return render(request, "interaction/interviews/submitted.html", {
        "interview": interview, "trail": trail((interview.title, interview.url), (_("提问已提交"), "")),
    })


def _detail(message, status):
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


@transaction.non_atomic_requests  # a read; no savepoint round trips on every poll
@require_GET
def live_poll(request, pk):
    """GET ``/interaction/interviews/<pk>/live.json?after=<position>``: the record entries after ``after``.

    Answers ``{"state", "state_label", "last_position", "entries": [{"position", "kind", "speaker", "text",
    "posted_at"}]}`` with an ETag and Last-Modified; ``If-None-Match`` / ``If-Modified-Since`` that still
    match get a 304 with no body. 400 (JSON ``detail``) for a bad ``after``, 404 for an unknown interview.
    """
    raw_after = request.GET.get("after", "0")
    if not raw_after.isascii() or not raw_after.isdigit() or len(raw_after) > 9:
        return _detail(_("参数 after 须为不大于9位的非负整数。"), 400)
    after = int(raw_after)
    version = live_version(pk)
    if version is None:
        return _detail(_("没有这次访谈。"), 404)
    etag = f'"{version["etag"]}-{after}"'
    last_modified = int(version["changed"].timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is None:
        interview = public_interviews().filter(pk=pk).first()
        if interview is None:
            return _detail(_("没有这次访谈。"), 404)
        response = JsonResponse(poll_payload(interview, after), json_dumps_params={"ensure_ascii": False})
    else:
        response = not_modified
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
