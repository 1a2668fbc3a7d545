"""The clock of an application follows the regulation, on the official holiday calendar."""

import datetime

import pytest

from disclosure.applications import deadlines
from disclosure.applications.deadlines import Clock, answer_due

D = datetime.date
pytestmark = pytest.mark.django_db


def test_answer_is_due_twenty_working_days_after_receipt_across_spring_festival():
    """条例第三十三条 example: received 2026-02-10 → due 2026-03-16."""
    assert answer_due(Clock(received_on=D(2026, 2, 10))) == D(2026, 3, 16)


def test_extension_of_twenty_working_days_gives_the_regulations_example():
    """条例第三十三条 example: received 2026-02-10, extended → due 2026-04-14."""
    assert answer_due(Clock(received_on=D(2026, 2, 10), extension_days=20)) == D(2026, 4, 14)


def test_answer_due_across_national_day():
    """条例第三十三条 example: received 2026-09-21 → due 2026-10-26."""
    assert answer_due(Clock(received_on=D(2026, 9, 21))) == D(2026, 10, 26)


def test_correction_restarts_the_clock_on_the_day_the_corrected_application_arrives():
    clock = Clock(received_on=D(2026, 9, 1), correction_requested_on=D(2026, 9, 3), corrected_received_on=D(2026, 9, 21))
    assert answer_due(clock) == D(2026, 10, 26)


def test_no_due_date_while_waiting_for_the_correction():
    clock = Clock(received_on=D(2026, 9, 1), correction_requested_on=D(2026, 9, 3))
    assert answer_due(clock) is None
    assert deadlines.explain_missing_due(clock) == deadlines.WAITING_FOR_CORRECTION


def test_correction_may_be_asked_within_seven_working_days():
    # 2026-09-21 (Mon): 22, 23, 24, [中秋 25-27], 28, 29, 30, [国庆 1-7 Oct], 8 Oct is the 7th working day
    assert deadlines.correction_deadline(D(2026, 9, 21)) == D(2026, 10, 8)


def test_working_days_of_a_third_party_consultation_are_not_counted():
    base = answer_due(Clock(received_on=D(2026, 3, 2)))
    # sent Tue 2026-03-10, answered Tue 2026-03-17: 5 working days paused
    consulted = answer_due(Clock(received_on=D(2026, 3, 2), consultations=((D(2026, 3, 10), D(2026, 3, 17)),)))
    assert base == D(2026, 3, 30)
    # five more working days after 03-30: 03-31, 04-01, 04-02, 04-03, [清明 04-04..06], 04-07
    assert consulted == D(2026, 4, 7)


def test_an_open_consultation_pauses_the_clock_until_today():
    clock = Clock(received_on=D(2026, 3, 2), consultations=((D(2026, 3, 10), None),))
    assert answer_due(clock, today=D(2026, 3, 12)) == deadlines.answer_due(
        Clock(received_on=D(2026, 3, 2), consultations=((D(2026, 3, 10), D(2026, 3, 12)),))
    )
    assert answer_due(clock, today=D(2026, 3, 12)) > answer_due(Clock(received_on=D(2026, 3, 2)))


def test_due_date_is_unknown_when_the_holiday_schedule_of_next_year_is_missing():
    clock = Clock(received_on=D(2026, 12, 20))
    assert answer_due(clock) is None
    assert deadlines.explain_missing_due(clock) == deadlines.CALENDAR_MISSING


def test_overdue_only_when_past_a_known_due_date():
    clock = Clock(received_on=D(2026, 9, 21))
    assert deadlines.is_overdue(clock, None, today=D(2026, 10, 27))
    assert not deadlines.is_overdue(clock, D(2026, 10, 26), today=D(2026, 11, 1))
    assert not deadlines.is_overdue(Clock(received_on=D(2026, 12, 20)), None, today=D(2027, 3, 1))
