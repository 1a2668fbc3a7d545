"""Storing a citizen's comment on a consultation: in its own transaction, once per form token.

Nothing else happens on submission (no mail is sent), so nothing can make a comment get lost; the
one-time form token is a unique column, so a double click stores one comment.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

COMMENT_FIELDS = ("name", "phone", "email", "body")


class ConsultationClosed(Exception):
    """The consultation is not open for comments (not yet started, or past its closing time)."""

    def __init__(self, consultation, now):
        self.consultation = consultation
        message = _("本次意见征集尚未开始，暂不接收意见。") if now < consultation.opens_at else _(
            "本次意见征集已于%(date)s截止，不再接收意见。"
        ) % {"date": timezone.localtime(consultation.closes_at).strftime("%Y年%m月%d日 %H:%M")}
        super().__init__(message)
        self.message = message


def submit_comment(consultation, data, submission_token=None, now=None):
    """Store a comment on ``consultation`` from cleaned form ``data``; returns ``(comment, duplicate)``.

    Raises ``ConsultationClosed`` outside ``[opens_at, closes_at)``. The closing time is checked here,
    at the moment of storing, so a form opened before the close and sent after it is refused.
    """
    from ..models import ConsultationComment

    now = now or timezone.now()
    if submission_token:
        existing = ConsultationComment.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, True
    if not consultation.is_open(now):
        raise ConsultationClosed(consultation, now)
    try:
        with transaction.atomic():
            comment = ConsultationComment.objects.create(
                consultation=consultation, submitted_at=now, submission_token=submission_token or None,
                **{name: data.get(name, "") for name in COMMENT_FIELDS},
            )
    except IntegrityError:
        existing = ConsultationComment.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, True
    return comment, False
