"""The date citizens see is the date the item went public.

An editor who leaves 发布日期 empty gets the moment the item first went live: approval (however late),
scheduled go-live through ``publish_scheduled``, or a published copy - never the moment the draft form
was opened. An editor who sets a date deliberately (migrating an old item) keeps it, and the audit may
still question it (伪造发稿日期 rule: 发布日期 more than a day from the real publication).
"""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from audit.snapshot import false_date_entries
from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories

CST = datetime.timezone(datetime.timedelta(hours=8))
FRIDAY_EVENING = datetime.datetime(2026, 3, 6, 17, 30, tzinfo=CST)
MONDAY_MORNING = datetime.datetime(2026, 3, 9, 9, 15, tzinfo=CST)


def article_form(title, slug, display_date="", **actions):
    return {
        **nested_form_data({
            "title": title, "slug": slug, "summary": "", "genre": "", "keywords": "", "display_date": display_date,
            "body": streamfield([("paragraph", rich_text(f"<p>{title}。正文内容。</p>"))]),
        }),
        **actions,
    }


@pytest.fixture
def room(department):
    return {
        "column": factories.column(department, ColumnKind.NOTICES),
        "editor": factories.user_in(department.editors_group, username="jyj-editor"),
        "approver": factories.user_in(department.approvers_group, username="jyj-approver"),
    }


def submit_on_friday_approve_on_monday(room, slug, display_date=""):
    editor, approver = Client(), Client()
    editor.force_login(room["editor"])
    approver.force_login(room["approver"])
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        add = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", room["column"].pk])
        response = editor.post(add, article_form("关于春季学期开学工作的通知", slug, display_date, **{"action-submit": "1"}))
        assert response.status_code == 302
    page = ArticlePage.objects.get(slug=slug)
    with time_machine.travel(MONDAY_MORNING, tick=False):
        task_state = page.current_workflow_task_state
        approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        approver.post(approve, {"comment": "同意发布"})
    page.refresh_from_db()
    assert page.live
    return page


def test_an_approval_delayed_over_the_weekend_shows_the_approval_date_and_is_not_a_false_date(room, department):
    page = submit_on_friday_approve_on_monday(room, "kaixue")

    entry = CatalogueEntry.objects.get(page=page)
    assert entry.display_date == MONDAY_MORNING
    assert page.effective_display_date == MONDAY_MORNING
    with time_machine.travel(MONDAY_MORNING + datetime.timedelta(hours=1), tick=False):
        assert false_date_entries(department.pk, MONDAY_MORNING.date()) == []
        shown = Client().get(page.url).content.decode()
    assert "2026年3月9日" in shown
    assert "2026年3月6日" not in shown


def test_a_date_the_editor_sets_deliberately_is_kept_and_the_audit_may_question_it(room, department):
    page = submit_on_friday_approve_on_monday(room, "jiuwen", display_date="2019-05-20 10:00")

    entry = CatalogueEntry.objects.get(page=page)
    assert entry.display_date == datetime.datetime(2019, 5, 20, 10, 0, tzinfo=CST)
    with time_machine.travel(MONDAY_MORNING + datetime.timedelta(hours=1), tick=False):
        assert [row["title"] for row in false_date_entries(department.pk, MONDAY_MORNING.date())] == [
            "关于春季学期开学工作的通知"
        ]


def test_a_scheduled_item_shows_the_moment_publish_scheduled_put_it_live(room):
    page = ArticlePage(title="定时发布的招生公告", body=[("paragraph", "<p>正文</p>")], live=False)
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        room["column"].add_child(instance=page)
        page.go_live_at = MONDAY_MORNING
        page.save_revision().publish()
    with time_machine.travel(MONDAY_MORNING + datetime.timedelta(minutes=5), tick=False):
        call_command("publish_scheduled", verbosity=0)

    entry = CatalogueEntry.objects.get(page_key=page.pk)
    assert entry.display_date == MONDAY_MORNING + datetime.timedelta(minutes=5)


def test_a_published_copy_shows_when_the_copy_went_live_not_the_original_date(room):
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        original = factories.article(room["column"], title="年度招生工作安排")
    with time_machine.travel(MONDAY_MORNING, tick=False):
        copy = original.copy(update_attrs={"slug": "zhaosheng-copy", "title": "年度招生工作安排（转发）"},
                             keep_live=True)

    assert CatalogueEntry.objects.get(page_key=original.pk).display_date == FRIDAY_EVENING
    assert CatalogueEntry.objects.get(page_key=copy.pk).display_date == MONDAY_MORNING
