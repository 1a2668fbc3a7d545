"""Reply deadlines of letters (答复期限), in working days from the day after receipt.

A deadline that cannot be computed yet (the year's holiday schedule is missing) is stored as
``None`` and shown to staff as such; ``recompute_missing_deadlines`` fills it in once the
calendar has the year, and is run when a year is marked complete.
"""

from django.utils.translation import gettext_lazy as _

from .models import Letter, LetterEvent
from .working_days import add_working_days, working_days_between

CALENDAR_MISSING = _("节假日安排未发布，暂无法计算")


def reply_deadline(received_on, working_days):
    return add_working_days(received_on, working_days)


def reply_timeliness(letter):
    """(working days taken, on time?) for an answered letter; parts unknown without the calendar are None."""
    if letter.replied_on is None:
        return None, None
    taken = working_days_between(letter.received_on, letter.replied_on)
    on_time = None if letter.due_on is None else letter.replied_on <= letter.due_on
    return (None if taken is None else max(taken, 0)), on_time


def recompute_missing_deadlines():
    """Fill in deadlines (and, for answered letters, timeliness) that were unknown; returns how many."""
    updated = 0
    letters = Letter.objects.filter(due_on__isnull=True).select_related("mailbox")
    for letter in letters.iterator():
        due_on = reply_deadline(letter.received_on, letter.mailbox.reply_working_days)
        if due_on is None:
            continue
        letter.due_on = due_on
        letter.working_days_to_reply, letter.replied_on_time = reply_timeliness(letter)
        letter.save(update_fields=["due_on", "working_days_to_reply", "replied_on_time"])
        LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.DEADLINE, note=f"{due_on:%Y-%m-%d}")
        updated += 1
    for letter in Letter.objects.filter(replied_on__isnull=False, working_days_to_reply__isnull=True).iterator():
        taken, _on_time = reply_timeliness(letter)
        if taken is not None:
            letter.working_days_to_reply = taken
            letter.save(update_fields=["working_days_to_reply"])
            updated += 1
    return updated
