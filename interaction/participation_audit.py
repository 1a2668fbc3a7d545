"""What the audit reads about public participation (调查征集, 互动访谈), per organisation, as of a date.

The inspection scores 调查征集 every year, and a consultation whose feedback report (意见采纳情况) is
missing after the close is not finished (重大行政决策程序暂行条例 art. 15). Counted per organisation whose
tree holds the item; the audit sums an organisation's counts into its website. Three queries however
many organisations: items are mapped to organisations by their home pages' paths.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from departments.models import Organisation

from .models import ConsultationFeedbackPage, ConsultationPage, InterviewPage, Survey

EVIDENCE_LIMIT = 20


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def _owner_finder():
    """A function from a page path to the id of the organisation whose home page is its nearest ancestor."""
    homes = sorted(Organisation.objects.filter(home_page__isnull=False).values_list("home_page__path", "pk"),
                   key=lambda row: -len(row[0]))

    def owner(path):
        return next((organisation_id for home_path, organisation_id in homes if path.startswith(home_path)), None)

    return owner


def participation(as_of: datetime.date) -> dict[int, dict]:
    """organisation id → {"consultations", "closed_without_feedback", "surveys", "surveys_unpublished_results",
    "interviews", "evidence": [{"kind", "title", "closed_on"}]} for the calendar year of ``as_of`` up to that day.

    ``consultations``: live consultations opened this year by ``as_of``; ``closed_without_feedback``: live
    consultations closed by ``as_of`` (any year) without a feedback report live by then;
    ``surveys``: surveys opened this year; ``surveys_unpublished_results``: surveys closed by ``as_of`` whose
    results are not published; ``interviews``: live online interviews (在线访谈, the inspection's 互动访谈)
    held this year, i.e. scheduled to start this year by ``as_of``. Dates in ``evidence`` are ISO strings.
    """
    end = _end_of(as_of)
    year_start = timezone.make_aware(datetime.datetime(as_of.year, 1, 1))
    owner = _owner_finder()
    result = {}

    def status(organisation_id):
        return result.setdefault(organisation_id, {"consultations": 0, "closed_without_feedback": 0, "surveys": 0,
                                                   "surveys_unpublished_results": 0, "interviews": 0,
                                                   "evidence": []})

    reported = ConsultationFeedbackPage.objects.live().filter(
        first_published_at__lt=end, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    consultations = ConsultationPage.objects.live().filter(first_published_at__lt=end).annotate(reported=Exists(reported))
    for path, title, opens_at, closes_at, is_reported in consultations.values_list(
            "path", "title", "opens_at", "closes_at", "reported"):
        organisation_id = owner(path)
        if organisation_id is None:
            continue
        counts = status(organisation_id)
        if year_start <= opens_at < end:
            counts["consultations"] += 1
        if closes_at < end and not is_reported:
            counts["closed_without_feedback"] += 1
            if len(counts["evidence"]) < EVIDENCE_LIMIT:
                counts["evidence"].append({"kind": "consultation", "title": title,
                                           "closed_on": timezone.localdate(closes_at).isoformat()})
    for survey in Survey.objects.filter(opens_at__lt=end).only(
            "organisation_id", "title", "opens_at", "closes_at", "results_published_at"):
        counts = status(survey.organisation_id)
        if survey.opens_at >= year_start:
            counts["surveys"] += 1
        if survey.closes_at < end and (survey.results_published_at is None or survey.results_published_at >= end):
            counts["surveys_unpublished_results"] += 1
            if len(counts["evidence"]) < EVIDENCE_LIMIT:
                counts["evidence"].append({"kind": "survey", "title": survey.title,
                                           "closed_on": timezone.localdate(survey.closes_at).isoformat()})
    interviews = InterviewPage.objects.live().filter(first_published_at__lt=end, starts_at__gte=year_start,
                                                     starts_at__lt=end)
    for path in interviews.values_list("path", flat=True):
        organisation_id = owner(path)
        if organisation_id is not None:
            status(organisation_id)["interviews"] += 1
    return result
