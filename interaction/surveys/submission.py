"""Storing a questionnaire: all answers in one transaction, at most one response per respondent."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import SurveyAnswer, SurveyResponse
from .respondents import respondent_key


class SurveyClosed(Exception):
    def __init__(self, survey, now):
        if not survey.live:
            message = _("该调查未发布。")
        elif now < survey.opens_at:
            message = _("该调查尚未开始。")
        else:
            message = _("该调查已于%(date)s截止，不再接收答卷。") % {
                "date": timezone.localtime(survey.closes_at).strftime("%Y年%m月%d日 %H:%M")}
        super().__init__(message)
        self.message = message


class AlreadyAnswered(Exception):
    """This respondent (cookie) has already answered the survey."""


def submit_response(survey, token, answers, now=None):
    """Store one response of respondent ``token`` with ``answers`` [(question, choice or None, text), …]
    (a multiple-choice question's options consecutive).

    Returns the ``SurveyResponse``. Raises ``SurveyClosed`` outside the survey's period and ``AlreadyAnswered``
    when this respondent has answered before (the unique constraint decides, also under concurrency).
    """
    now = now or timezone.now()
    if not survey.is_open(now):
        raise SurveyClosed(survey, now)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(survey=survey, respondent=respondent_key(survey, token),
                                                     submitted_at=now)
            rows, seen = [], set()
            for question, choice, text in answers:
                rows.append(SurveyAnswer(response=response, question=question, choice=choice, text=text,
                                         first_of_question=question.pk not in seen))
                seen.add(question.pk)
            SurveyAnswer.objects.bulk_create(rows)
    except IntegrityError as error:
        raise AlreadyAnswered() from error
    return response


def has_answered(survey, token):
    return token is not None and SurveyResponse.objects.filter(survey=survey, respondent=respondent_key(survey, token)).exists()
