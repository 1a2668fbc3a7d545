"""意见征集: citizens comment while a consultation is open; comments are moderated and published masked;
closed consultations refuse comments; the feedback report finishes a consultation; both are catalogued."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.models import CatalogueEntry
from interaction.consultations.listing import closed_without_feedback, grouped, public_consultations
from interaction.consultations.submission import ConsultationClosed, submit_comment
from interaction.models import ConsultationComment
from interaction.models.consultation import ConsultationState
from portal.taxonomy import Genre

from .consultation_builders import consultation, feedback
from .web import hidden, solve

COMMENT = "第五条养犬登记的办理时限太长，建议缩短为五个工作日。"


def comment_url(page):
    return f"/interaction/consultations/{page.pk}/comment/"


def comment_data(html, **overrides):
    data = {
        "name": "李明", "phone": "13912345678", "email": "", "body": COMMENT,
        "captcha_id": hidden(html, "captcha_id"), "captcha_answer": str(solve(html)),
        "form_token": hidden(html, "form_token"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_comment(client, page, **overrides):
    form = client.get(comment_url(page)).content.decode()
    return client.post(comment_url(page), comment_data(form, **overrides))


@pytest.fixture
def open_consultation(department):
    return consultation(department)


def test_a_citizen_comments_with_contact_details(client, open_consultation):
    response = post_comment(client, open_consultation)
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.name, comment.phone, comment.body) == ("李明", "13912345678", COMMENT)
    assert comment.status == ConsultationComment.Status.PENDING
    assert "意见经审核后" in client.get(response["Location"]).content.decode()


def test_a_citizen_comments_anonymously(client, open_consultation):
    response = post_comment(client, open_consultation, name="", phone="", email="")
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert comment.is_anonymous and comment.masked_name == "匿名"


def test_a_wrong_captcha_answer_is_refused_and_nothing_is_stored(client, open_consultation):
    response = post_comment(client, open_consultation, captcha_answer="999")
    assert response.status_code == 400
    assert "验证问题回答错误" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_too_long_and_too_short_comments_get_a_chinese_message(client, open_consultation):
    long = post_comment(client, open_consultation, body="意" * 3001)
    assert long.status_code == 400 and "意见不能超过3000字（现为3001字）" in long.content.decode()
    short = post_comment(client, open_consultation, body="好")
    assert short.status_code == 400 and "意见太短" in short.content.decode()
    bad_phone = post_comment(client, open_consultation, phone="12345")
    assert bad_phone.status_code == 400 and "请填写正确的联系电话" in bad_phone.content.decode()
    assert not ConsultationComment.objects.exists()


def test_a_flood_is_stopped_with_429(client, open_consultation):
    statuses = [post_comment(client, open_consultation, body=f"{COMMENT}第{n}条").status_code for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert ConsultationComment.objects.count() == 5


def test_a_double_submission_stores_one_comment(client, open_consultation):
    form = client.get(comment_url(open_consultation)).content.decode()
    data = comment_data(form)
    assert client.post(comment_url(open_consultation), data).status_code == 302
    token = ConsultationComment.objects.get().submission_token
    comment, duplicate = submit_comment(open_consultation, data, submission_token=token)
    assert duplicate and ConsultationComment.objects.count() == 1


def test_a_closed_consultation_refuses_comments_with_a_message(client, department):
    now = timezone.now()
    page = consultation(department, opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=10))
    shown = client.get(comment_url(page))
    assert shown.status_code == 403 and "已于" in shown.content.decode() and "截止" in shown.content.decode()
    posted = client.post(comment_url(page), {"body": COMMENT})
    assert posted.status_code == 403 and "不再接收意见" in posted.content.decode()
    assert not ConsultationComment.objects.exists()


def test_a_form_opened_before_the_close_and_sent_after_it_is_refused(client, department):
    now = timezone.now()
    page = consultation(department, opens_at=now - datetime.timedelta(days=5), closes_at=now + datetime.timedelta(minutes=30))
    form = client.get(comment_url(page)).content.decode()
    with time_machine.travel(now + datetime.timedelta(hours=1), tick=False):
        response = client.post(comment_url(page), comment_data(form))
    assert response.status_code == 403 and "不再接收意见" in response.content.decode()
    with pytest.raises(ConsultationClosed):
        submit_comment(page, {"body": COMMENT}, now=now + datetime.timedelta(hours=1))


def test_an_upcoming_consultation_does_not_take_comments_yet(client, department):
    now = timezone.now()
    page = consultation(department, opens_at=now + datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=30))
    response = client.get(comment_url(page))
    assert response.status_code == 403 and "尚未开始" in response.content.decode()


def test_an_unknown_consultation_is_404(client, county):
    assert client.get("/interaction/consultations/999999/comment/").status_code == 404


def test_only_published_comments_are_shown_masked_and_escaped(client, open_consultation):
    published = submit_comment(open_consultation, {
        "name": "张三丰", "phone": "13812345678",
        "body": "我的电话13812345678，身份证号码请见附件。<script>alert(1)</script>",
    })[0]
    pending = submit_comment(open_consultation, {"name": "赵四", "body": "这一条还没有审核，不应出现在页面上。"})[0]
    published.status = ConsultationComment.Status.PUBLISHED
    published.save()
    html = client.get(open_consultation.url).content.decode()
    assert "张**" in html and "张三丰" not in html
    assert "138****5678" in html and "13812345678" not in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert pending.body not in html


def test_publishing_a_comment_renews_the_cached_consultation_page(client, open_consultation):
    comment = submit_comment(open_consultation, {"body": "建议增加文明养犬宣传的条款。"})[0]
    assert comment.body not in client.get(open_consultation.url).content.decode()
    client.get(open_consultation.url)  # now cached
    comment.status = ConsultationComment.Status.PUBLISHED
    comment.save()
    assert comment.body in client.get(open_consultation.url).content.decode()


def test_the_consultation_and_its_feedback_are_catalogued(department):
    now = timezone.now()
    page = consultation(department, opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=10))
    entry = CatalogueEntry.objects.get(page=page)
    assert entry.genre == Genre.NOTICE and entry.index_number and "动物防疫法" in entry.body_text
    report = feedback(page)
    report_entry = CatalogueEntry.objects.get(page=report)
    assert report_entry.genre == Genre.REPORT
    assert report_entry.index_number != entry.index_number
    assert "登记费已按省定标准免收" in report_entry.body_text


def test_a_feedback_report_cannot_be_saved_while_the_consultation_is_open(open_consultation):
    with pytest.raises(ValidationError, match="尚未截止"):
        feedback(open_consultation)


def test_a_not_adopted_opinion_needs_a_reason(department):
    from interaction.models.consultation import FeedbackItemBlock

    block = FeedbackItemBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"opinion": "建议取消登记。", "decision": "not_adopted", "reason": " "}))
    assert block.clean(block.to_python({"opinion": "建议明确名录。", "decision": "adopted", "reason": ""}))


def test_the_feedback_report_may_not_count_fewer_comments_than_the_site_received(department):
    now = timezone.now()
    page = consultation(department, opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=1))
    with time_machine.travel(now - datetime.timedelta(days=5)):
        submit_comment(page, {"body": "建议规定遛狗必须牵绳。"})
    with pytest.raises(ValidationError, match="不能少于网站收到的1条"):
        feedback(page, comments_received=0)
    assert feedback(page, comments_received=3).comments_received == 3


def test_states_and_lists(client, department, township):
    now = timezone.now()
    open_page = consultation(department, title="开放中的意见征集")
    closed = consultation(department, title="已截止未反馈的意见征集",
                          opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=10))
    reported = consultation(township, title="已反馈的意见征集",
                            opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=30))
    feedback(reported)
    groups = grouped(public_consultations())
    assert [page.pk for page in groups[ConsultationState.OPEN]] == [open_page.pk]
    assert [page.pk for page in groups[ConsultationState.CLOSED]] == [closed.pk]
    assert [page.pk for page in groups[ConsultationState.REPORTED]] == [reported.pk]
    assert [page.pk for page in closed_without_feedback(public_consultations(department))] == [closed.pk]
    county_page = client.get("/interaction/consultations/").content.decode()
    assert all(title in county_page for title in ("开放中的意见征集", "已截止未反馈的意见征集", "已反馈的意见征集"))
    township_page = client.get(f"/interaction/consultations/org/{township.slug}/").content.decode()
    assert "已反馈的意见征集" in township_page and "开放中的意见征集" not in township_page
    assert client.get("/interaction/consultations/org/no-such-org/").status_code == 404
    detail = client.get(reported.url).content.decode()
    assert "查看意见采纳情况" in detail and "已反馈" in detail


def test_staff_moderate_only_their_organisations_comments(client, department, township, open_consultation):
    from tests.factories import user_in

    other = consultation(township, title="城关镇的意见征集")
    mine = submit_comment(open_consultation, {"body": "教育局的意见征集收到的意见。"})[0]
    theirs = submit_comment(other, {"body": "城关镇的意见征集收到的意见。"})[0]
    editor = user_in(department.editors_group)
    client.force_login(editor)
    listing = client.get("/admin/snippets/interaction/consultationcomment/")
    assert listing.status_code == 200
    assert mine.body[:10] in listing.content.decode() and theirs.body[:10] not in listing.content.decode()
    assert client.get(f"/admin/snippets/interaction/consultationcomment/edit/{theirs.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/snippets/interaction/consultationcomment/edit/{mine.pk}/",
                           {"status": "published", "moderation_note": ""})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == ConsultationComment.Status.PUBLISHED and mine.moderated_by == editor


def test_the_interaction_home_lists_consultations_and_surveys_with_the_mailboxes(client, department):
    from .survey_builders import survey

    open_page = consultation(department, title="首页显示的意见征集")
    item = survey(department, title="首页显示的网上调查")
    html = client.get("/interaction/").content.decode()
    assert open_page.title in html and item.title in html and "教育局信箱" in html


def test_the_editor_refuses_a_feedback_report_before_the_close_with_a_message(client, open_consultation):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("office", password="pw"))
    url = f"/admin/pages/add/interaction/consultationfeedbackpage/{open_consultation.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "title": "意见采纳情况", "slug": "feedback", "summary": "", "introduction": '{"blocks": [], "entityMap": {}}', "comments_received": "0",
        "items-count": "0", "keywords": "", "disclosure_mode": "proactive",
    })
    assert response.status_code == 200
    assert "意见征集尚未截止，截止后才能发布意见采纳情况" in response.content.decode()
    assert not open_consultation.get_children().exists()
