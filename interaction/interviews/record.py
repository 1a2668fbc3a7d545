"""Posting to the live record (文字实录): each new entry goes to the end, in the order staff post them."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import InterviewPage, InterviewRecordEntry


def prepare_entry(entry, user=None, now=None):
    """Give the unsaved ``InterviewRecordEntry`` the next position of its interview, its time and poster.

    Call inside a transaction: the interview row is locked while the position is taken, so two staff posting
    at once get consecutive positions, never the same one.
    """
    InterviewPage.objects.select_for_update().filter(pk=entry.interview_id).exists()
    last = InterviewRecordEntry.objects.filter(interview_id=entry.interview_id).aggregate(last=Max("position"))["last"]
    entry.position = (last or 0) + 1
    entry.posted_at = now or timezone.now()
    entry.posted_by = user if user is not None and user.is_authenticated else None
    return entry


@transaction.atomic
def append_entry(entry, user=None, now=None):
    """Save the unsaved ``entry`` as the last of its interview's record (validated first); returns it.

    Raises ``ValidationError`` from ``InterviewRecordEntry.clean`` (an answer without its guest, a guest or
    question of another interview, a withheld question, empty text)."""
    entry.full_clean(exclude=["position", "posted_at"])
    prepare_entry(entry, user, now)
    entry.save()
    return entry
