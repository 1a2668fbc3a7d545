"""The audit reads, per organisation, letters of the past year unanswered for more than 90 days."""

import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interaction.audit_feed import letter_status
from interaction.handling import reply
from tests.factories import make_organisation

from .builders import letter, mailbox_of

D = datetime.date


def test_every_organisation_is_listed_with_its_mailbox(county, department):
    status = letter_status(D(2026, 11, 25))
    assert status[department.pk] == {"has_mailbox": True, "overdue_over_3_months": 0, "oldest_unanswered_days": None}
    assert status[county.pk]["has_mailbox"] is True


def test_counts_letters_unanswered_for_more_than_90_days_within_the_year(county, department):
    box = mailbox_of(department)
    as_of = D(2026, 11, 25)
    letter(box, as_of - datetime.timedelta(days=91))  # overdue
    letter(box, as_of - datetime.timedelta(days=200))  # overdue, the oldest within the year
    letter(box, as_of - datetime.timedelta(days=90))  # exactly 90 days: not yet "more than 3 months"
    letter(box, as_of - datetime.timedelta(days=400))  # older than a year: outside the window
    answered = letter(box, as_of - datetime.timedelta(days=150))
    with time_machine.travel(datetime.datetime(2026, 6, 30, 10, tzinfo=datetime.UTC), tick=False):
        reply(answered, "已修复。", actor=None)
    status = letter_status(as_of)[department.pk]
    assert status["overdue_over_3_months"] == 2
    assert status["oldest_unanswered_days"] == 200


def test_a_letter_answered_after_the_date_counts_as_unanswered_then(county, department):
    box = mailbox_of(department)
    late = letter(box, D(2026, 1, 5))
    reply(late, "已办理。", actor=None)  # answered today (after 2026-06-01)
    assert letter_status(D(2026, 6, 1))[department.pk]["overdue_over_3_months"] == 1
    assert letter_status(late.replied_on)[department.pk]["overdue_over_3_months"] == 0


def test_a_forwarded_letter_still_counts_against_the_mailbox_written_to(county, department):
    from interaction.handling import forward

    other = make_organisation("示例县交通运输局", "jtj")
    item = letter(mailbox_of(department), D(2026, 3, 2))
    forward(item, other, actor=None)
    status = letter_status(D(2026, 11, 25))
    assert status[department.pk]["overdue_over_3_months"] == 1
    assert status[other.pk]["overdue_over_3_months"] == 0


def test_constant_number_of_queries(county, department):
    for number in range(3):
        org = make_organisation(f"示例县测试局甲{number}", f"cs{number}")
        letter(mailbox_of(org), D(2026, 5, 1))
    with CaptureQueriesContext(connection) as queries:
        letter_status(D(2026, 11, 25))
    assert len(queries) == 3
