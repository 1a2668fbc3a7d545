"""A survey's results: per question, how many respondents chose each option, as figures and as bar geometry.

Three queries whatever the number of responses (questions, responses, one GROUP BY over the answers read
from the (question, choice, first_of_question) index; respondents per question are the rows marked first).
The chart is drawn by ``interaction/surveys/_chart.html`` as plain SVG with a title, a description and the same figures as a table, like the audit's chart (``audit/charts.py``).
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ..models import SurveyAnswer

CHART_WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 10
BAR_LEFT = 0
BAR_MAX_WIDTH = 520


@dataclass(frozen=True)
class OptionResult:
    label: str
    count: int
    percent: float  # of all responses, 0–100, one decimal
    label_y: float
    bar_y: float
    bar_width: float
    value_x: float


@dataclass(frozen=True)
class QuestionResult:
    question: object
    options: list  # of OptionResult; empty for text questions
    answered: int  # respondents who answered this question
    height: int
    description: str


@dataclass(frozen=True)
class SurveyResults:
    survey: object
    responses: int
    questions: list
    width: int = CHART_WIDTH


def _options(labels, counts, responses):
    rows = []
    step = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    for index, label in enumerate(labels):
        count = counts.get(index, 0)
        share = count / responses if responses else 0
        width = round(BAR_MAX_WIDTH * share, 1)
        top = index * step
        rows.append(OptionResult(
            label=label, count=count, percent=round(share * 100, 1), label_y=top + LABEL_HEIGHT - 5,
            bar_y=top + LABEL_HEIGHT, bar_width=width, value_x=BAR_LEFT + width + 6,
        ))
    return rows, len(labels) * step


def survey_results(survey):
    """``SurveyResults`` for ``survey``; percentages are of all responses (a multiple-choice question may sum over 100)."""
    questions = list(survey.questions.all())
    responses = survey.responses.count()
    counts = {}
    answered = {}
    for question_id, choice, count, respondents in (
        SurveyAnswer.objects.filter(question_id__in=[question.pk for question in questions])
        .values_list("question_id", "choice")
        .annotate(count=Count("id"), respondents=Count("id", filter=Q(first_of_question=True))).order_by()
    ):
        counts.setdefault(question_id, {})[choice] = count
        answered[question_id] = answered.get(question_id, 0) + respondents
    results = []
    for question in questions:
        if question.is_choice:
            options, height = _options(question.choices, counts.get(question.pk, {}), responses)
            description = "；".join(_("%(label)s %(count)s人（%(percent)s%%）") % {
                "label": option.label, "count": option.count, "percent": option.percent} for option in options)
        else:
            options, height, description = [], 0, ""
        results.append(QuestionResult(question=question, options=options, answered=answered.get(question.pk, 0),
                                      height=height, description=description))
    return SurveyResults(survey=survey, responses=responses, questions=results)
