"""The clock of an application (条例第三十条至第三十五条、第四十二条), as plain functions of dates.

- The answer is due 20 working days after the clock starts (art. 33).
- The clock starts on the day of receipt; after a correction request (补正, asked once, within
  7 working days of receipt) it starts again on the day the corrected application is received,
  and while the applicant has not corrected there is no due date (art. 30).
- One extension of at most 20 working days (art. 33).
- Consulting a third party (art. 32) or another organ (art. 34) is not counted, but each has
  15 working days to reply: the excluded time of one consultation ends at its reply or on its
  15th working day (when it lapses), whichever is first. Consultations that overlap in time are
  excluded once, not once each.
- Asking the applicant for reasons (art. 35) and a fee notice (art. 42, 国办函〔2020〕109号) stop
  the clock until the applicant answers or pays; while they have not, there is no due date.
  Art. 35 also lets the organ set a later due date, which then replaces the computed one.

A period is counted as ``interaction.working_days`` counts it: the working days after the first
day, up to and including the last. Every excluded period is (start, end] in those terms, merged
with the others before counting.

``answer_due`` is the statutory date, ``None`` when the official holiday table lacks a year it
needs; ``current_due`` gives staff and applicants a provisional date computed on weekends only
in that case, marked as such (``Due.provisional``), never a blank.
"""

import datetime
from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

from interaction.working_days import (
    add_working_days,
    add_working_days_provisional,
    working_days_between,
    working_days_between_provisional,
)

ANSWER_PERIOD = 20
MAX_EXTENSION = 20
CORRECTION_WINDOW = 7
CONSULTATION_PERIOD = 15

CALENDAR_MISSING = _("节假日安排未发布，暂无法计算")
PROVISIONAL_NOTE = _("暂按周末推算（节假日安排尚未发布），发布后以正式计算为准")
WAITING_FOR_CORRECTION = _("待申请人补正，补正后重新计算")
WAITING_FOR_REASONS = _("待申请人说明理由，期间不计入答复期限")
WAITING_FOR_PAYMENT = _("待申请人缴纳信息处理费，期间不计入答复期限")


@dataclass(frozen=True)
class Clock:
    """Everything the due date depends on, detached from the database (cheap to build in bulk).

    ``consultations`` are ``(sent_on, replied_on or None)`` pairs; ``pauses`` are the applicant's
    turns, ``(started_on, ended_on or None)``: reasons requested (art. 35) and fee notices.
    """

    received_on: datetime.date
    correction_requested_on: datetime.date | None = None
    corrected_received_on: datetime.date | None = None
    extension_days: int = 0
    consultations: tuple = ()
    pauses: tuple = ()
    deferred_due_on: datetime.date | None = None
    waiting_for: str = ""  # "reasons" / "payment" while such a pause is open (set by ``of``)

    @classmethod
    def of(cls, application, consultations=None, reasons=None, fees=None):
        """The clock of a stored application; the pairs are read from it unless given (bulk callers)."""
        if consultations is None:
            consultations = [(c.sent_on, c.replied_on) for c in application.consultations.all()]
        if reasons is None:
            reasons = [(r.asked_on, r.answered_on) for r in application.reasons_requests.all()]
        if fees is None:
            fees = [(f.notified_on, f.paid_on) for f in application.fee_notices.all()]
        return cls.build(application.received_on, application.correction_requested_on,
                         application.corrected_received_on, application.extension_days, consultations,
                         reasons, fees, application.deferred_due_on)

    @classmethod
    def build(cls, received_on, correction_requested_on, corrected_received_on, extension_days,
              consultations=(), reasons=(), fees=(), deferred_due_on=None):
        waiting_for = ""
        if any(end is None for _start, end in reasons):
            waiting_for = "reasons"
        elif any(end is None for _start, end in fees):
            waiting_for = "payment"
        return cls(
            received_on=received_on,
            correction_requested_on=correction_requested_on,
            corrected_received_on=corrected_received_on,
            extension_days=extension_days,
            consultations=tuple(consultations),
            pauses=tuple(reasons) + tuple(fees),
            deferred_due_on=deferred_due_on,
            waiting_for=waiting_for,
        )

    @property
    def awaiting_correction(self):
        return self.correction_requested_on is not None and self.corrected_received_on is None

    @property
    def waiting_for_applicant(self):
        return self.awaiting_correction or any(end is None for _start, end in self.pauses)

    @property
    def starts_on(self):
        """The day the 20 working days count from."""
        return self.corrected_received_on or self.received_on


@dataclass(frozen=True)
class Due:
    """A due date as shown to people: the date, whether it is provisional, or why there is none."""

    on: datetime.date | None
    provisional: bool = False
    reason: str | None = None

    def __bool__(self):
        return self.on is not None


def correction_deadline(received_on):
    """The last day a correction may be requested: 7 working days after receipt (None: calendar missing)."""
    return add_working_days(received_on, CORRECTION_WINDOW)


def consultation_lapses_on(sent_on, provisional=False):
    """The 15th working day after a consultation was sent: its reply is due then, and the pause ends.

    With ``provisional`` a ``(date, provisional)`` pair computed on weekends where the calendar lacks a year.
    """
    if provisional:
        return add_working_days_provisional(sent_on, CONSULTATION_PERIOD)
    return add_working_days(sent_on, CONSULTATION_PERIOD)


class _Unknown(Exception):
    pass


def _strict_add(start, n):
    result = add_working_days(start, n)
    if result is None:
        raise _Unknown
    return result, False


def _strict_between(a, b):
    result = working_days_between(a, b)
    if result is None:
        raise _Unknown
    return result, False


STRICT = (_strict_add, _strict_between)
PROVISIONAL = (add_working_days_provisional, working_days_between_provisional)


def _excluded_periods(clock, today, calendar):
    """The excluded (start, end] periods, merged; plus whether a provisional date was used."""
    add, _between = calendar
    periods, provisional = [], False
    for sent_on, replied_on in clock.consultations:
        lapses_on, guessed = add(sent_on, CONSULTATION_PERIOD)
        provisional = provisional or guessed
        end = min(replied_on or max(today, sent_on), lapses_on)
        periods.append((sent_on, end))
    for started_on, ended_on in clock.pauses:
        periods.append((started_on, ended_on or max(today, started_on)))
    start = clock.starts_on
    clipped = sorted((max(a, start), b) for a, b in periods if b > start)
    merged = []
    for a, b in clipped:
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged, provisional


def excluded_working_days(clock, today, calendar=STRICT):
    """``(days, provisional)``: working days not counted (consultations capped at 15, pauses), overlaps once."""
    _add, between = calendar
    merged, provisional = _excluded_periods(clock, today, calendar)
    total = 0
    for a, b in merged:
        days, guessed = between(a, b)
        total += max(days, 0)
        provisional = provisional or guessed
    return total, provisional


def consultation_working_days(consultations, today):
    """Working days excluded for ``consultations`` alone; None if the calendar cannot tell."""
    try:
        return excluded_working_days(Clock(received_on=datetime.date.min, consultations=tuple(consultations)),
                                     today)[0]
    except _Unknown:
        return None


def _due(clock, today, calendar):
    add, _between = calendar
    paused, provisional = excluded_working_days(clock, today, calendar)
    due, guessed = add(clock.starts_on, ANSWER_PERIOD + clock.extension_days + paused)
    return due, provisional or guessed


def answer_due(clock, today=None):
    """The statutory due date, or None (the applicant's turn, or the calendar lacks a year).

    A later date set under art. 35 replaces the computed one.
    """
    if clock.waiting_for_applicant:
        return None
    if clock.deferred_due_on:
        return clock.deferred_due_on
    try:
        return _due(clock, today or datetime.date.today(), STRICT)[0]
    except _Unknown:
        return None


def current_due(clock, today=None):
    """The due date to show (``Due``): statutory when the calendar allows, else provisional and marked."""
    if clock.awaiting_correction:
        return Due(None, reason=WAITING_FOR_CORRECTION)
    if clock.waiting_for_applicant:
        return Due(None, reason=WAITING_FOR_PAYMENT if clock.waiting_for == "payment" else WAITING_FOR_REASONS)
    if clock.deferred_due_on:
        return Due(clock.deferred_due_on)
    today = today or datetime.date.today()
    try:
        return Due(_due(clock, today, STRICT)[0])
    except _Unknown:
        due, provisional = _due(clock, today, PROVISIONAL)
        return Due(due, provisional=provisional, reason=PROVISIONAL_NOTE if provisional else None)


def due_without_extension(clock, today=None):
    """The due date before any extension: an extension must be decided by then."""
    return answer_due(replace(clock, extension_days=0), today)


def explain_missing_due(clock):
    """Why ``answer_due`` gave None, in words for staff and applicants."""
    if clock.awaiting_correction:
        return WAITING_FOR_CORRECTION
    if clock.waiting_for_applicant:
        return WAITING_FOR_PAYMENT if clock.waiting_for == "payment" else WAITING_FOR_REASONS
    return CALENDAR_MISSING


def is_overdue(clock, answered_on, today):
    """Answered after the due date, or still unanswered past it. Unknown due dates are never overdue."""
    due = answer_due(clock, today)
    if due is None:
        return False
    return (answered_on or today) > due
