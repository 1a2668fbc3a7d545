"""Builders for letters in tests: stored the way the public form stores them."""

import datetime

from django.utils import timezone

from interaction.models import Mailbox
from interaction.submission import submit_letter

LETTER = {
    "name": "王小明",
    "phone": "13812345678",
    "email": "wxm@example.com",
    "subject": "城关镇幸福路路灯不亮",
    "message": "幸福路中段路灯已有两周不亮，夜间出行不便，请尽快修复。",
    "category": "help",
    "may_publish": True,
}


def mailbox_of(organisation, kind=Mailbox.Kind.ORGANISATION):
    return Mailbox.objects.get(organisation=organisation, kind=kind)


def letter(mailbox, received=None, token=None, **fields):
    """A letter received at ``received`` (a date or datetime, default now)."""
    if isinstance(received, datetime.date) and not isinstance(received, datetime.datetime):
        received = timezone.make_aware(datetime.datetime.combine(received, datetime.time(10, 0)))
    return submit_letter(mailbox, {**LETTER, **fields}, submission_token=token, now=received).letter
