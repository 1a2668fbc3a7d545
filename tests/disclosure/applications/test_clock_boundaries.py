"""The clock at the statutory boundaries: consultations capped at 15 working days, overlaps counted once,
the applicant's turns (art. 35 reasons, fee notices) pausing it, and provisional dates where the calendar ends."""

import datetime

import pytest

from disclosure.applications import deadlines
from disclosure.applications.deadlines import Clock, answer_due, current_due

D = datetime.date
pytestmark = pytest.mark.django_db

RECEIVED = D(2026, 3, 2)  # Monday; due 2026-03-30 without pauses
SENT = D(2026, 3, 10)  # the 15th working day after it is 2026-03-31


def test_a_consultation_lapses_on_its_fifteenth_working_day():
    assert deadlines.consultation_lapses_on(SENT) == D(2026, 3, 31)


def test_a_reply_on_day_fifteen_excludes_fifteen_working_days():
    """条例第三十二条: 15 working days; received 03-02 + 20 + 15 = 2026-04-21."""
    clock = Clock(received_on=RECEIVED, consultations=((SENT, D(2026, 3, 31)),))
    assert answer_due(clock, today=D(2026, 4, 1)) == D(2026, 4, 21)


def test_a_reply_on_day_fourteen_excludes_fourteen():
    clock = Clock(received_on=RECEIVED, consultations=((SENT, D(2026, 3, 30)),))
    assert answer_due(clock, today=D(2026, 4, 1)) == D(2026, 4, 20)


def test_a_late_reply_on_day_sixteen_excludes_no_more_than_fifteen():
    clock = Clock(received_on=RECEIVED, consultations=((SENT, D(2026, 4, 1)),))
    assert answer_due(clock, today=D(2026, 4, 2)) == D(2026, 4, 21)


def test_an_open_consultation_cannot_stop_the_clock_for_ever():
    """Before this rule an unanswered consultation moved the due date every day, without end."""
    clock = Clock(received_on=RECEIVED, consultations=((SENT, None),))
    assert answer_due(clock, today=D(2026, 4, 10)) == D(2026, 4, 21)
    assert answer_due(clock, today=D(2026, 12, 1)) == D(2026, 4, 21)


def test_consultations_with_another_organ_and_a_third_party_that_overlap_count_once():
    """03-10..03-17 (5 working days) and 03-12..03-19 overlap: 03-10..03-19 is 7 working days, not 10."""
    overlapping = Clock(received_on=RECEIVED, consultations=((SENT, D(2026, 3, 17)), (D(2026, 3, 12), D(2026, 3, 19))))
    seven = Clock(received_on=RECEIVED, consultations=((SENT, D(2026, 3, 19)),))
    assert answer_due(overlapping, today=D(2026, 4, 1)) == answer_due(seven, today=D(2026, 4, 1)) == D(2026, 4, 9)


def test_asking_for_reasons_stops_the_clock_until_the_applicant_answers():
    """条例第三十五条: no due date while the applicant has not answered; afterwards the days in between are added."""
    waiting = Clock.build(RECEIVED, None, None, 0, reasons=[(D(2026, 3, 10), None)])
    assert answer_due(waiting, today=D(2026, 3, 20)) is None
    assert current_due(waiting, today=D(2026, 3, 20)).reason == deadlines.WAITING_FOR_REASONS
    answered = Clock.build(RECEIVED, None, None, 0, reasons=[(D(2026, 3, 10), D(2026, 3, 17))])
    assert answer_due(answered, today=D(2026, 3, 20)) == D(2026, 4, 7)  # 5 working days later than 03-30 (清明)


def test_a_later_date_set_under_article_35_replaces_the_computed_one():
    clock = Clock.build(RECEIVED, None, None, 0, reasons=[(D(2026, 3, 10), D(2026, 3, 17))],
                        deferred_due_on=D(2026, 6, 30))
    assert answer_due(clock, today=D(2026, 3, 20)) == D(2026, 6, 30)


def test_the_time_from_fee_notice_to_payment_is_not_counted():
    unpaid = Clock.build(RECEIVED, None, None, 0, fees=[(D(2026, 3, 10), None)])
    assert answer_due(unpaid, today=D(2026, 3, 20)) is None
    assert current_due(unpaid, today=D(2026, 3, 20)).reason == deadlines.WAITING_FOR_PAYMENT
    paid = Clock.build(RECEIVED, None, None, 0, fees=[(D(2026, 3, 10), D(2026, 3, 17))])
    assert answer_due(paid, today=D(2026, 3, 20)) == D(2026, 4, 7)


def test_a_fee_pause_inside_a_consultation_is_not_counted_twice():
    both = Clock.build(RECEIVED, None, None, 0, consultations=[(SENT, D(2026, 3, 17))],
                       fees=[(D(2026, 3, 11), D(2026, 3, 13))])
    assert answer_due(both, today=D(2026, 3, 20)) == D(2026, 4, 7)


def test_without_next_years_holiday_schedule_a_provisional_date_is_shown_and_marked():
    """Received 2026-12-20: 9 working days left in 2026, then Monday–Friday of 2027 → 2027-01-15 (provisional)."""
    clock = Clock(received_on=D(2026, 12, 20))
    assert answer_due(clock, today=D(2026, 12, 21)) is None
    due = current_due(clock, today=D(2026, 12, 21))
    assert due.on == D(2027, 1, 15)
    assert due.provisional
    assert due.reason == deadlines.PROVISIONAL_NOTE


def test_a_date_inside_the_published_calendar_is_not_provisional():
    due = current_due(Clock(received_on=D(2026, 9, 21)), today=D(2026, 9, 22))
    assert due.on == D(2026, 10, 26) and not due.provisional and due.reason is None
