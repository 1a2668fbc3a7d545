"""The audit reads, per organisation, valid letters answered late or still open after 3 calendar months.

The inspection (国办秘函〔2019〕19号, 互动回应差): within the year before the check, a valid message left
without a response for more than 3 months fails the website — a reply that came after 3 months counts,
and so does a message still open however old. Letters marked 无效 / 不予受理 / 转信访 are not counted.
"""

import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interaction.audit_feed import letter_status
from interaction.handling import dispose, reply
from interaction.models import Letter
from tests.factories import make_organisation

from .builders import letter, mailbox_of

D = datetime.date


def replied_on(item, day):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=datetime.UTC), tick=False):
        reply(item, "已办理。", actor=None)


def test_every_organisation_is_listed_with_its_mailbox(county, department):
    status = letter_status(D(2026, 11, 25))
    assert status[department.pk] == {
        "has_mailbox": True, "overdue_over_3_months": 0, "open_over_3_months": 0, "late_replies": 0,
        "oldest_unanswered_days": None, "evidence": [],
    }
    assert status[county.pk]["has_mailbox"] is True


def test_open_letters_count_after_3_calendar_months_however_old(county, department):
    box = mailbox_of(department)
    as_of = D(2026, 11, 25)
    letter(box, D(2026, 8, 24))  # 3 months ended 2026-11-24: overdue
    letter(box, D(2026, 8, 25))  # 3 months end today: not yet
    letter(box, D(2026, 8, 26))  # 91 days, but not 3 calendar months
    letter(box, D(2025, 10, 17))  # older than a year and still open: counts
    status = letter_status(as_of)[department.pk]
    assert status["open_over_3_months"] == 2
    assert status["overdue_over_3_months"] == 2
    assert status["oldest_unanswered_days"] == (as_of - D(2025, 10, 17)).days
    assert [item["received_on"] for item in status["evidence"]] == ["2025-10-17", "2026-08-24"]


def test_a_reply_that_came_more_than_3_months_after_receipt_counts_within_the_year(county, department):
    box = mailbox_of(department)
    late = letter(box, D(2026, 1, 5))
    replied_on(late, D(2026, 4, 6))  # 3 months ended 2026-04-05
    on_time = letter(box, D(2026, 2, 5))
    replied_on(on_time, D(2026, 5, 5))  # exactly 3 months: in time
    old_late = letter(box, D(2025, 6, 2))
    replied_on(old_late, D(2025, 10, 1))  # received more than 12 months before the check
    status = letter_status(D(2026, 11, 25))[department.pk]
    assert (status["late_replies"], status["open_over_3_months"], status["overdue_over_3_months"]) == (1, 0, 1)
    assert status["evidence"] == [{"tracking_code": late.tracking_code, "received_on": "2026-01-05",
                                   "replied_on": "2026-04-06", "days": 91}]


def test_a_letter_answered_after_the_date_counts_as_open_then(county, department):
    box = mailbox_of(department)
    late = letter(box, D(2026, 1, 5))
    replied_on(late, D(2026, 3, 1))
    assert letter_status(D(2026, 2, 28))[department.pk]["overdue_over_3_months"] == 0
    assert letter_status(D(2026, 3, 1))[department.pk]["overdue_over_3_months"] == 0
    still_open = letter(box, D(2026, 1, 6))
    replied_on(still_open, D(2026, 6, 1))
    assert letter_status(D(2026, 5, 1))[department.pk]["open_over_3_months"] == 1
    assert letter_status(D(2026, 6, 1))[department.pk]["late_replies"] == 1


def test_letters_marked_invalid_not_accepted_or_petition_are_not_counted(county, department):
    box = mailbox_of(department)
    items = [letter(box, D(2026, 3, day)) for day in (2, 3, 4, 5)]
    for item, disposition in zip(items, Letter.Disposition.values):
        with time_machine.travel(datetime.datetime(2026, 3, 10, 10, tzinfo=datetime.UTC), tick=False):
            dispose(item, disposition, "内容为商业广告。", actor=None)
    status = letter_status(D(2026, 11, 25))[department.pk]
    assert status["overdue_over_3_months"] == 1
    assert status["evidence"][0]["tracking_code"] == items[3].tracking_code
    # Before the marks were made, the letters were still valid messages.
    assert letter_status(D(2026, 3, 9))[department.pk]["overdue_over_3_months"] == 0
    assert letter_status(D(2026, 6, 9))[department.pk]["overdue_over_3_months"] == 1


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
    assert len(queries) == 4
