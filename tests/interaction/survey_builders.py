"""Builders for surveys in tests."""

import datetime

from django.utils import timezone

from interaction.models import Survey, SurveyQuestion


def survey(organisation, opens_at=None, closes_at=None, live=True, **fields):
    now = timezone.now()
    item = Survey.objects.create(
        organisation=organisation, title=fields.pop("title", "城区公交线路优化调查"),
        intro="为优化城区公交线路，请您花两分钟填写。", live=live,
        opens_at=opens_at or now - datetime.timedelta(days=2), closes_at=closes_at or now + datetime.timedelta(days=20),
        **fields,
    )
    SurveyQuestion.objects.create(survey=item, sort_order=0, text="您多久乘坐一次公交？", kind="single",
                                  choices_text="每天\n每周几次\n很少")
    SurveyQuestion.objects.create(survey=item, sort_order=1, text="您希望增加哪些线路？", kind="multiple",
                                  choices_text="城东\n城西\n高铁站", required=False)
    SurveyQuestion.objects.create(survey=item, sort_order=2, text="其他建议", kind="text", required=False)
    return item


def questions(item):
    return list(item.questions.order_by("sort_order"))
