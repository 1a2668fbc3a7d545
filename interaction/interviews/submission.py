"""Storing a citizen's question to an interview: in its own transaction, once per form token."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models.interview import InterviewState

QUESTION_FIELDS = ("name", "phone", "email", "body")


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

    Raises ``InterviewClosed`` once the interview has ended or is archived; checked at the moment of storing,
    so a form opened before the end and sent after it is refused.
    """
    from ..models import InterviewQuestion

    now = now or timezone.now()
    if submission_token:
        existing = InterviewQuestion.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, True
    if not interview.takes_questions(now):
        raise InterviewClosed(interview, now)
    try:
        with transaction.atomic():
            question = InterviewQuestion.objects.create(
                interview=interview, submitted_at=now, submission_token=submission_token or None,
                **{name: data.get(name, "") for name in QUESTION_FIELDS},
            )
    except IntegrityError:
        existing = InterviewQuestion.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, True
    return question, False
