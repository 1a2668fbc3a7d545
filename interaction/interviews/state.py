"""The state of an online interview (预告, 直播, 已结束, 已归档) from its times and archive flag: shared by the page,
its poll (``live``) and the question form; a leaf module."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InterviewState:
    ANNOUNCED = "announced"  # before the scheduled start: questions are collected
    LIVE = "live"  # between start and end: staff post the record; questions still accepted
    ENDED = "ended"  # past the end, record not yet archived
    ARCHIVED = "archived"
    LABELS = {ANNOUNCED: _("访谈预告"), LIVE: _("正在直播"), ENDED: _("访谈已结束"), ARCHIVED: _("已归档")}
    TAKES_QUESTIONS = (ANNOUNCED, LIVE)


def interview_state(starts_at, ends_at, archived, now=None):
    """One of ``InterviewState`` from the page's times and archive flag (shared by the page and the poll)."""
    now = now or timezone.now()
    if archived:
        return InterviewState.ARCHIVED
    if now < starts_at:
        return InterviewState.ANNOUNCED
    if now < ends_at:
        return InterviewState.LIVE
    return InterviewState.ENDED
