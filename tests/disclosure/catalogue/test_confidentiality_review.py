"""保密审查 and 公开属性 (条例 art. 17, 19–20): only 主动公开 goes live, and who signed each item off is recorded.

Through the admin's own views (publish, workflow approval) and the model paths every other route shares
(``revision.publish`` for bulk actions and revert, ``publish_scheduled``)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from disclosure.models import CatalogueEntry, YearlyReport
from disclosure.yearly_report.table2 import apply_derived_table2
from portal.models import ArticlePage
from portal.publication_checks import PublicationRefused
from portal.taxonomy import DisclosureMode
from tests import factories

pytestmark = pytest.mark.django_db


def article_post(slug, mode=DisclosureMode.PROACTIVE, reason="", **extra):
    return {
        **nested_form_data({
            "title": "城关镇低保对象家庭经济状况核查情况", "slug": slug, "summary": "",
            "body": streamfield([("paragraph", rich_text("<p>核查情况如下。</p>"))]),
            "display_date": "", "genre": "", "keywords": "", "publication_override_reason": "",
            "disclosure_mode": mode, "withholding_reason": reason,
        }),
        **extra,
    }


@pytest.fixture
def room(department):
    return {
        "column": factories.column(department),
        "editor": factories.user_in(department.editors_group, username="jyj-editor"),
        "approver": factories.user_in(department.approvers_group, username="jyj-approver",
                                      first_name="丽", last_name="王"),
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["portal", "articlepage", parent.pk])


def test_publishing_records_the_publisher_as_the_confidentiality_reviewer(client, room):
    client.force_login(room["approver"])
    client.post(add_url(room["column"]), article_post("checked", **{"action-publish": "1"}))
    entry = CatalogueEntry.objects.get(page__slug="checked")
    assert entry.confidentiality_reviewer == "王丽（jyj-approver）"
    assert entry.confidentiality_reviewed_at is not None
    assert entry.disclosure_mode == DisclosureMode.PROACTIVE


def test_approving_in_the_workflow_records_the_approver_not_the_author(client, room):
    client.force_login(room["editor"])
    client.post(add_url(room["column"]), article_post("submitted", **{"action-submit": "1"}))
    page = ArticlePage.objects.get(slug="submitted")
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", page.current_workflow_task_state.pk])
    client.force_login(room["approver"])
    client.post(approve, {"comment": "同意"})
    assert CatalogueEntry.objects.get(page=page).confidentiality_reviewer == "王丽（jyj-approver）"


@pytest.mark.parametrize("mode", [DisclosureMode.ON_APPLICATION, DisclosureMode.WITHHELD])
def test_an_item_not_for_proactive_disclosure_is_saved_with_its_reason_but_never_goes_live(client, room, mode):
    client.force_login(room["approver"])
    # Without a reason the form says what is missing, next to the field.
    response = client.post(add_url(room["column"]), article_post("private", mode, **{"action-publish": "1"}))
    assert response.status_code == 200
    assert "请写明理由和依据条款" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="private").exists()

    # With its reason, publishing is refused on the form and nothing is created; saving the draft keeps the decision.
    reason = "涉及个人隐私，依据《政府信息公开条例》第十五条不予公开。"
    response = client.post(add_url(room["column"]), article_post("private", mode, reason, **{"action-publish": "1"}))
    assert response.status_code == 200
    assert f"公开属性为“{mode.label}”的信息不在网站发布" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="private").exists()
    client.post(add_url(room["column"]), article_post("private", mode, reason))
    page = ArticlePage.objects.get(slug="private")
    assert not page.live and not CatalogueEntry.objects.filter(page_key=page.pk).exists()
    assert page.get_latest_revision_as_object().withholding_reason == reason


def test_every_other_path_refuses_a_withheld_revision_and_keeps_the_live_page(room):
    """Bulk publish and revert (``revision.publish``) and a scheduled go-live share the refusal."""
    page = factories.article(room["column"], title="工作动态")
    page.disclosure_mode, page.withholding_reason = DisclosureMode.WITHHELD, "属于内部事务信息（条例第十六条）。"
    revision = page.save_revision(user=room["approver"])
    with pytest.raises(PublicationRefused):
        revision.publish(user=room["approver"])
    assert CatalogueEntry.objects.get(page=page).status == CatalogueEntry.Status.LIVE
    page.refresh_from_db()
    assert page.disclosure_mode == DisclosureMode.PROACTIVE

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk


def test_a_scheduled_publication_records_who_scheduled_it(room):
    page = ArticlePage(title="关于开展秋季森林防火检查的通知", body=[("paragraph", "<p>请各单位做好检查。</p>")],
                       live=False, go_live_at=timezone.now() + datetime.timedelta(hours=2))
    room["column"].add_child(instance=page)
    page.save_revision(user=room["editor"]).publish(user=room["approver"])  # sets the go-live, not live yet
    assert not CatalogueEntry.objects.filter(page_key=page.pk).exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        call_command("publish_scheduled")
    assert CatalogueEntry.objects.get(page_key=page.pk).confidentiality_reviewer == "王丽（jyj-approver）"


def test_a_publication_without_a_person_leaves_no_review_record(room):
    """An import or a script publishes with no user and no scheduler: nobody reviewed it, so nothing is stamped."""
    page = factories.article(room["column"], title="历史信息导入")
    entry = CatalogueEntry.objects.get(page=page)
    assert (entry.confidentiality_reviewer, entry.confidentiality_reviewed_at) == ("", None)


def test_the_reason_is_required_in_the_model_too(room):
    page = ArticlePage(title="草稿", body=[("paragraph", "<p>内容</p>")], disclosure_mode=DisclosureMode.WITHHELD)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "withholding_reason" in error.value.message_dict


def test_the_yearly_report_counts_items_published_and_those_with_a_review_record(room, department):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)):
        reviewed = factories.publish(room["column"], ArticlePage(title="一", body=[("paragraph", "<p>一</p>")]),
                                     user=room["approver"])
        factories.article(room["column"], title="二")  # published with no person behind it: no review record
    assert CatalogueEntry.objects.get(page=reviewed).confidentiality_reviewed_at is not None
    report = apply_derived_table2(YearlyReport(organisation=department, year=2026))
    assert (report.proactive_published, report.proactive_reviewed) == (2, 1)
    assert apply_derived_table2(YearlyReport(organisation=department, year=2025)).proactive_published == 0
