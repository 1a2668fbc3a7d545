"""The clock of an application (条例第三十条至第三十三条), as plain functions of dates.

- The answer is due 20 working days after the clock starts (art. 33).
- The clock starts on the day of receipt; after a correction request (补正, asked once, within
  7 working days of receipt) it starts again on the day the corrected application is received,
  and while the applicant has not corrected there is no due date (art. 30).
- One extension of at most 20 working days (art. 33).
- Working days spent consulting third parties are not counted (art. 32): the due date moves by
  the working days each consultation took, counted after it was sent up to and including the
  day it ended (or today, while it is still open).

Counting uses ``interaction.working_days`` (the official holiday table). Every function answers
``None`` when the table lacks a year it needs, and callers show that as "not computable yet"
rather than guessing Monday–Friday.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from interaction.working_days import add_working_days, working_days_between

ANSWER_PERIOD = 20
MAX_EXTENSION = 20
CORRECTION_WINDOW = 7

CALENDAR_MISSING = _("节假日安排未发布，暂无法计算")
WAITING_FOR_CORRECTION = _("待申请人补正，补正后重新计算")


@dataclass(frozen=True)
class Clock:
    """Everything the due date depends on, detached from the database (cheap to build in bulk)."""

    received_on: datetime.date
    correction_requested_on: datetime.date | None = None
    corrected_received_on: datetime.date | None = None
    extension_days: int = 0
    consultations: tuple = ()  # (sent_on, replied_on or None) pairs

    @classmethod
    def of(cls, application, consultations=None):
        if consultations is None:
            consultations = [(c.sent_on, c.replied_on) for c in application.consultations.all()]
        return cls(
            received_on=application.received_on,
            correction_requested_on=application.correction_requested_on,
            corrected_received_on=application.corrected_received_on,
            extension_days=application.extension_days,
            consultations=tuple(consultations),
        )

    @property
    def awaiting_correction(self):
        return self.correction_requested_on is not None and self.corrected_received_on is None

    @property
    def starts_on(self):
        """The day the 20 working days count from."""
        return self.corrected_received_on or self.received_on


def correction_deadline(received_on):
    """The last day a correction may be requested: 7 working days after receipt."""
    return add_working_days(received_on, CORRECTION_WINDOW)


def consultation_working_days(consultations, today):
    """Working days consumed by third-party consultations; None if the calendar cannot tell."""
    total = 0
    for sent_on, replied_on in consultations:
        end = replied_on or max(today, sent_on)
        days = working_days_between(sent_on, end)
        if days is None:
            return None
        total += max(days, 0)
    return total


def answer_due(clock, today=None):
    """The date the answer is due, or None (waiting for a correction, or the calendar lacks a year)."""
    if clock.awaiting_correction:
        return None
    paused = consultation_working_days(clock.consultations, today or datetime.date.today())
    if paused is None:
        return None
    return add_working_days(clock.starts_on, ANSWER_PERIOD + clock.extension_days + paused)


def due_without_extension(clock, today=None):
    """The due date before any extension: an extension must be decided by then."""
    return answer_due(Clock(**{**clock.__dict__, "extension_days": 0}), today)


def explain_missing_due(clock):
    """Why ``answer_due`` gave None, in words for staff and applicants."""
    return WAITING_FOR_CORRECTION if clock.awaiting_correction else CALENDAR_MISSING


def is_overdue(clock, answered_on, today):
    """Answered after the due date, or still unanswered past it. Unknown due dates are never overdue."""
    due = answer_due(clock, today)
    if due is None:
        return False
    return (answered_on or today) > due
