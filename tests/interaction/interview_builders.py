"""Builders for online interviews in tests: pages published for real under an organisation's column."""

import datetime

from django.utils import timezone

from interaction.interviews.record import append_entry
from interaction.models import InterviewGuest, InterviewPage, InterviewRecordEntry
from portal.column_kinds import ColumnKind
from tests.factories import column, publish


def interview(organisation, title="“优化营商环境”在线访谈", starts_at=None, ends_at=None, **fields):
    """An interview announced for tomorrow unless ``starts_at`` says otherwise, with two guests."""
    now = timezone.now()
    starts_at = starts_at or now + datetime.timedelta(days=1)
    page = InterviewPage(
        title=title, intro="<p>围绕企业开办、项目审批等网友关心的问题在线交流。</p>",
        starts_at=starts_at, ends_at=ends_at or starts_at + datetime.timedelta(hours=2),
        guests=[InterviewGuest(name="王建国", title="县发展和改革局局长", sort_order=0),
                InterviewGuest(name="李红", title="县行政审批服务中心主任", sort_order=1)],
        **fields,
    )
    return publish(column(organisation, ColumnKind.NEWS), page)


def post(page, kind, text, guest=None, question=None, user=None):
    return append_entry(InterviewRecordEntry(interview=page, kind=kind, text=text, guest=guest, question=question),
                        user=user)
