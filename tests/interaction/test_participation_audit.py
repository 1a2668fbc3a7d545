"""The audit counts 调查征集: consultations and surveys per website per year, consultations closed without a
feedback report, surveys closed without published results."""

import datetime

import time_machine
from django.utils import timezone

from audit.findings import build_report
from interaction.participation_audit import participation

from .consultation_builders import consultation, feedback
from .survey_builders import survey


def test_counts_per_organisation_and_per_website(department, township):
    now = timezone.now()
    today = timezone.localdate()
    consultation(department, title="开放中的意见征集")
    unfinished = consultation(department, title="截止未反馈的意见征集",
                              opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=10))
    finished = consultation(township, title="已反馈的意见征集",
                            opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=20))
    feedback(finished)
    consultation(township, title="去年的意见征集", opens_at=now.replace(year=now.year - 1),
                 closes_at=now.replace(year=now.year - 1) + datetime.timedelta(days=30))
    survey(department, opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=5))
    published = survey(township, opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=5))
    published.publish_results = True
    published.save()

    counts = participation(today)
    mine, theirs = counts[department.pk], counts[township.pk]
    assert (mine["consultations"], mine["closed_without_feedback"]) == (2, 1)
    assert mine["evidence"][0]["title"] == unfinished.title
    assert (mine["surveys"], mine["surveys_unpublished_results"]) == (1, 1)
    # Last year's consultation is not this year's, and it has no feedback either.
    assert (theirs["consultations"], theirs["closed_without_feedback"]) == (1, 1)
    assert (theirs["surveys"], theirs["surveys_unpublished_results"]) == (1, 0)

    report = build_report(today)
    totals = [website.participation for website in report.websites if website.participation is not None]
    assert sum(item.consultations for item in totals) == 3
    assert sum(item.closed_without_feedback for item in totals) == 2
    assert sum(item.surveys_unpublished_results for item in totals) == 1
    assert any(website["participation"]["closed_without_feedback"] for website in report.as_json()["websites"])


def test_as_of_an_earlier_date_a_later_feedback_report_does_not_count(department):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=60)):
        page = consultation(department, opens_at=now - datetime.timedelta(days=59),
                            closes_at=now - datetime.timedelta(days=20))
    feedback(page)
    assert participation(timezone.localdate())[department.pk]["closed_without_feedback"] == 0
    earlier = timezone.localdate() - datetime.timedelta(days=10)
    assert participation(earlier)[department.pk]["closed_without_feedback"] == 1
