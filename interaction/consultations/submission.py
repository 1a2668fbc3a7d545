"""Storing a citizen's comment on a consultation: in its own transaction, once per form token.

Nothing else happens on submission (no mail is sent); see ``interaction.moderated_submission``.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ConsultationComment
from ..moderated_submission import store_once


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

    Raises ``ConsultationClosed`` outside ``[opens_at, closes_at)``, checked at the moment of storing
    (``moderated_submission.store_once``).
    """
    now = now or timezone.now()

    def refuse_if_closed():
        if not consultation.is_open(now):
            raise ConsultationClosed(consultation, now)

    return store_once(ConsultationComment, {"consultation": consultation}, data, submission_token, now,
                      refuse_if_closed)
