"""Storing a citizen's question to an interview: in its own transaction, once per form token."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import InterviewQuestion
from ..models.interview import InterviewState
from ..moderated_submission import store_once


class InterviewClosed(Exception):
    """The interview no longer takes questions (ended or archived)."""

    def __init__(self, interview, now):
        self.interview = interview
        if interview.state(now) == InterviewState.ARCHIVED:
            message = _("本次访谈已结束并归档，不再接收提问。")
        else:
            message = _("本次访谈已于%(date)s结束，不再接收提问。") % {
                "date": timezone.localtime(interview.ends_at).strftime("%Y年%m月%d日 %H:%M")}
        super().__init__(message)
        self.message = message


def submit_question(interview, data, submission_token=None, now=None):
    """Store a question to ``interview`` from cleaned form ``data``; returns ``(question, duplicate)``.

    Raises ``InterviewClosed`` once the interview has ended or is archived, checked at the moment of storing
    (``moderated_submission.store_once``).
    """
    now = now or timezone.now()

    def refuse_if_closed():
        if not interview.takes_questions(now):
            raise InterviewClosed(interview, now)

    return store_once(InterviewQuestion, {"interview": interview}, data, submission_token, now, refuse_if_closed)
