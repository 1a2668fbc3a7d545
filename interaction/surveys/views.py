"""Public pages of 网上调查: the list, a survey (form while open, results once published) and its receipt.

Never cached: the page sets the respondent cookie and shows whether this browser has answered.
"""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal import breadcrumbs

from ..antispam import rate_limited, rate_limited_response, record_attempt
from ..antispam.ratelimit import limit_for
from ..models import Survey
from .forms import SurveyForm
from .respondents import ensure_token, read_token
from .results import survey_results
from .submission import AlreadyAnswered, SurveyClosed, has_answered, submit_response

RATE_SCOPE = "survey_response"


def trail(*crumbs):
    return breadcrumbs.trail((_("政民互动"), reverse("interaction:index")),
                             (_("网上调查"), reverse("interaction:surveys")), *crumbs)


def public_surveys():
    return Survey.objects.filter(live=True, organisation__active=True).select_related("organisation")


def survey_index(request):
    now = timezone.now()
    surveys = list(public_surveys().filter(opens_at__lte=now))
    return render(request, "interaction/surveys/index.html", {
        "open_surveys": [survey for survey in surveys if survey.is_open(now)],
        "closed_surveys": [survey for survey in surveys if not survey.is_open(now)],
        "trail": trail(),
    })


def limits():
    count, seconds = limit_for(RATE_SCOPE)
    return {"limit_count": count, "limit_minutes": max(1, seconds // 60)}


@never_cache
@require_http_methods(["GET", "POST"])
def survey_detail(request, pk):
    survey = get_object_or_404(public_surveys(), pk=pk)
    crumbs = trail((survey.title, ""))
    now = timezone.now()
    context = {"survey": survey, "trail": crumbs, **limits()}
    status = 200
    if survey.results_public(now):
        context["results"] = survey_results(survey)
    elif not survey.is_open(now):
        context["closed_message"] = SurveyClosed(survey, now).message
        status = 403 if request.method == "POST" else 200
    elif has_answered(survey, read_token(request)):
        context["already_answered"] = True
        status = 409 if request.method == "POST" else 200
    elif request.method == "POST":
        token = read_token(request)
        if token is None:
            context["form"] = SurveyForm(request.POST, questions=survey.questions.all())
            context["cookie_missing"] = True
            status = 400
        elif rate_limited(request, RATE_SCOPE):
            return rate_limited_response(request, RATE_SCOPE, crumbs)
        else:
            form = SurveyForm(request.POST, questions=survey.questions.all())
            if form.is_valid():
                try:
                    submit_response(survey, token, form.answers())
                except AlreadyAnswered:
                    context["already_answered"] = True
                    status = 409
                except SurveyClosed as closed:
                    context["closed_message"] = closed.message
                    status = 403
                else:
                    record_attempt(request, RATE_SCOPE)
                    return redirect("interaction:survey_thanks", pk=survey.pk)
            else:
                context["form"] = form
                status = 400
    else:
        context["form"] = SurveyForm(questions=survey.questions.all())
    response = render(request, "interaction/surveys/detail.html", context, status=status)
    ensure_token(request, response)
    return response


@never_cache
def survey_thanks(request, pk):
    survey = get_object_or_404(public_surveys(), pk=pk)
    return render(request, "interaction/surveys/thanks.html", {"survey": survey, "trail": trail((survey.title, ""))})
