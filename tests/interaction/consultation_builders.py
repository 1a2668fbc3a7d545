"""Builders for consultations in tests: pages published for real under an organisation's column."""

import datetime

from django.utils import timezone

from interaction.models import ConsultationFeedbackPage, ConsultationPage
from portal.column_kinds import ColumnKind
from tests.factories import column, publish


def at(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


def consultation(organisation, title="关于《示例县城区养犬管理办法（征求意见稿）》公开征求意见的通知",
                 opens_at=None, closes_at=None, **fields):
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        summary="为规范城区养犬行为，现公开征求意见。",
        explanation="<p>近年来城区养犬数量增加，扰民和伤人事件时有发生。</p>",
        legal_basis="《中华人民共和国动物防疫法》第三十条",
        opens_at=opens_at or now - datetime.timedelta(days=3),
        closes_at=closes_at or now + datetime.timedelta(days=27),
        **fields,
    )
    return publish(column(organisation, ColumnKind.NOTICES), page)


def feedback(consultation_page, comments_received=None, items=None, title=None):
    items = items if items is not None else [
        ("item", {"opinion": "建议明确禁养犬只名录。", "decision": "adopted", "reason": ""}),
        ("item", {"opinion": "建议取消养犬登记费。", "decision": "not_adopted", "reason": "登记费已按省定标准免收，无需另行规定。"}),
    ]
    page = ConsultationFeedbackPage(
        title=title or f"{consultation_page.title}意见采纳情况",
        introduction="<p>征集期间共收到意见若干条，经研究，采纳情况如下。</p>",
        items=items,
        comments_received=comments_received if comments_received is not None
        else consultation_page.citizen_comments.count(),
    )
    return publish(consultation_page, page)
