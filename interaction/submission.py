"""Storing a citizen's letter: first, in its own transaction; everything else afterwards.

The letter is committed before any notification is attempted, so a mail failure can never lose
it. A double click submits the same one-time form token twice; the token is a unique column,
so the second insert fails and the first letter is returned instead of a copy.
"""

import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from .deadlines import reply_deadline
from .models import Letter, LetterEvent
from .notifications import notify_organisation_of_letter
from .statistics import invalidate_statistics

logger = logging.getLogger(__name__)

# No 0/O, 1/I/L: codes are read out over the phone and typed by elderly citizens.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_CODE_LENGTH = 12  # 31**12 ≈ 7.9e17: not guessable, and lookups are rate-limited
PASSWORD_LENGTH = 8

LETTER_FIELDS = ("name", "phone", "email", "subject", "message", "category", "may_publish")


def random_code(length):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(value):
    return "".join((value or "").split()).upper()


@dataclass(frozen=True)
class Receipt:
    """What the citizen is shown once: the tracking code and, for a new letter, the query password."""

    letter: object
    tracking_code: str
    password: str | None
    duplicate: bool = False


def submit_letter(mailbox, data, submission_token=None, now=None):
    """Store a letter to ``mailbox`` from cleaned form ``data``; returns a ``Receipt``."""
    if submission_token:
        existing = Letter.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return Receipt(existing, existing.tracking_code, None, duplicate=True)
    now = now or timezone.now()
    received_on = timezone.localdate(now)
    password = random_code(PASSWORD_LENGTH)
    fields = {name: data[name] for name in LETTER_FIELDS if name in data}
    for _attempt in range(5):
        try:
            with transaction.atomic():
                letter = Letter.objects.create(
                    mailbox=mailbox,
                    organisation_id=mailbox.organisation_id,
                    tracking_code=random_code(TRACKING_CODE_LENGTH),
                    query_password=make_password(password),
                    submission_token=submission_token or None,
                    received_at=now,
                    received_on=received_on,
                    due_on=reply_deadline(received_on, mailbox.reply_working_days),
                    **fields,
                )
                LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.RECEIVED, to_organisation_id=mailbox.organisation_id)
            break
        except IntegrityError:
            if submission_token:
                existing = Letter.objects.filter(submission_token=submission_token).first()
                if existing is not None:
                    return Receipt(existing, existing.tracking_code, None, duplicate=True)
            # Otherwise a tracking-code collision (astronomically rare): draw again.
    else:
        raise RuntimeError("could not allocate a tracking code")
    transaction.on_commit(lambda: invalidate_statistics(mailbox.pk))
    transaction.on_commit(lambda: queue_notification(letter.pk))
    return Receipt(letter, letter.tracking_code, password)


def queue_notification(letter_id):
    """Hand the notification to the task queue; a failure here is logged and retried later by cron."""
    try:
        notify_organisation_of_letter.enqueue(letter_id)
    except Exception:  # the letter is stored; send_letter_notifications picks it up again
        logger.exception("could not queue the notification for letter %s", letter_id)
