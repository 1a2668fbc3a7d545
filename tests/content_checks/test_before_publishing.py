"""Before publishing: blocking findings stop every path to live; an approver may override with a reason.

Through the real admin views (create, edit, workflow approval) and the model paths every other route
shares (``revision.publish`` for bulk actions and revert, ``publish_scheduled``).
"""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content_checks.models import PublicationOverride
from disclosure.id_numbers import make_id_number
from disclosure.models import CatalogueEntry
from portal.models import ArticlePage
from portal.publication_checks import PublicationRefused
from tests import factories
from tests.content_checks import builders

pytestmark = pytest.mark.django_db

ID_NUMBER = make_id_number("33010619850312123")
LEAKY = f"<p>王小明，身份证号 {ID_NUMBER}，资助 2000 元。</p>"


def article_post(title, slug, body_html, **extra):
    return {
        **nested_form_data({
            "title": title, "slug": slug, "summary": "",
            "body": streamfield([("paragraph", rich_text(body_html))]),
            "display_date": "2026-03-02 09:30", "genre": "", "keywords": "",
            "publication_override_reason": extra.pop("reason", ""),
        }),
        **extra,
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["portal", "articlepage", parent.pk])


@pytest.fixture
def room(department):
    return {
        "column": factories.column(department),
        "editor": factories.user_in(department.editors_group, username="jyj-editor"),
        "approver": factories.user_in(department.approvers_group, username="jyj-approver"),
    }


def test_publishing_a_page_with_a_valid_id_number_is_refused_with_a_message_next_to_the_body(client, room):
    client.force_login(room["approver"])
    response = client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", LEAKY, **{"action-publish": "1"}))
    assert response.status_code == 200
    html = response.content.decode()
    # The StreamField shows its errors from JSON in the page (escaped), above its blocks.
    escaped = json.dumps("内容检查未通过，不能发布：含居民身份证号码")[1:-1]
    assert escaped in html
    assert json.dumps(f"{ID_NUMBER[:4]}**********{ID_NUMBER[-4:]}")[1:-1] in html
    assert "请在“设置”中填写放行理由" in html
    assert not ArticlePage.objects.filter(slug="aid-list").exists()


def test_the_same_page_without_the_number_publishes(client, room):
    client.force_login(room["approver"])
    response = client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", "<p>王小明，资助 2000 元。</p>",
                                                                 **{"action-publish": "1"}))
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="aid-list").live


def test_an_approver_overrides_with_a_reason_recorded_in_the_history(client, room):
    client.force_login(room["approver"])
    reason = "该号码为已注销的示例号码，经核实可公开。"
    response = client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", LEAKY, reason=reason,
                                                                 **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="aid-list")
    assert page.live
    override = PublicationOverride.objects.get(page=page)
    assert (override.reason, override.user) == (reason, room["approver"])
    assert override.findings[0]["kind"] == "personal_data" and ID_NUMBER not in str(override.findings)
    entry = PageLogEntry.objects.get(page=page, action="content_checks.override")
    assert entry.data["reason"] == reason and entry.user == room["approver"]
    # The history page shows it.
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "内容检查放行" in history


def test_an_editor_cannot_override_but_may_submit_for_approval(client, room):
    client.force_login(room["editor"])
    response = client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", LEAKY, reason="我说可以",
                                                                 **{"action-submit": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="aid-list")
    assert not page.live and page.current_workflow_state is not None
    assert not PublicationOverride.objects.exists()


def test_approving_in_the_workflow_is_refused_until_the_approver_gives_a_reason(client, room):
    client.force_login(room["editor"])
    client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", LEAKY, **{"action-submit": "1"}))
    page = ArticlePage.objects.get(slug="aid-list")
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", page.current_workflow_task_state.pk])
    client.force_login(room["approver"])
    response = client.post(approve, {"comment": "同意"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "内容检查未通过，未发布" in response.content.decode()
    page.refresh_from_db()
    assert not page.live and not CatalogueEntry.objects.filter(page_key=page.pk).exists()

    # Approving from the editor with a reason goes through and is recorded.
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, article_post("资助名单公示", "aid-list", LEAKY, reason="已取得本人书面同意。", **{
        "action-workflow-action": "1", "workflow-action-name": "approve"}))
    page.refresh_from_db()
    assert page.live
    assert PublicationOverride.objects.get(page=page).reason == "已取得本人书面同意。"


def test_every_other_path_shares_the_guard_revision_publish(room):
    """Bulk publish and revert call ``revision.publish(user=...)``: refused, the live page unchanged."""
    page = factories.article(room["column"], title="资助名单公示", body="王小明，资助 2000 元。")
    page.body = [("paragraph", LEAKY)]
    revision = page.save_revision(user=room["approver"])
    with pytest.raises(PublicationRefused) as refusal:
        revision.publish(user=room["approver"])
    assert "居民身份证号码" in str(refusal.value)
    page.refresh_from_db()
    assert ID_NUMBER not in CatalogueEntry.objects.get(page=page).body_text


def test_scheduled_publishing_skips_the_refused_page_and_publishes_the_others(room):
    column = room["column"]
    leaky = ArticlePage(title="资助名单公示", body=[("paragraph", LEAKY)], live=False)
    clean = ArticlePage(title="工作动态", body=[("paragraph", "<p>正常内容。</p>")], live=False)
    for page in (leaky, clean):
        column.add_child(instance=page)
        revision = page.save_revision(user=room["approver"])
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
        revision.save()
    call_command("publish_scheduled")
    leaky.refresh_from_db()
    clean.refresh_from_db()
    assert clean.live and not leaky.live


def test_an_override_keeps_covering_the_same_finding_but_not_a_new_one(client, room):
    client.force_login(room["approver"])
    client.post(add_url(room["column"]), article_post("资助名单公示", "aid-list", LEAKY, reason="经核实可公开。",
                                                      **{"action-publish": "1"}))
    page = ArticlePage.objects.get(slug="aid-list")
    page.body = [("paragraph", LEAKY)]
    page.save_revision(user=room["approver"]).publish(user=room["approver"])  # same finding: no new reason needed
    builders.word("示例禁词")
    page.body = [("paragraph", LEAKY + "<p>示例禁词</p>")]
    with pytest.raises(PublicationRefused):
        page.save_revision(user=room["approver"]).publish(user=room["approver"])
