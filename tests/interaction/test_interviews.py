"""在线访谈: announced with guests and a time, questions collected in advance (CAPTCHA, rate limit, moderation,
masking), a live record posted in order that the public page shows with and without JavaScript, a cheap
conditional poll, and archiving into the catalogue with the full text."""

import datetime
import json

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.models import CatalogueEntry
from interaction.interviews.submission import InterviewClosed, submit_question
from interaction.models import InterviewQuestion, InterviewRecordEntry
from interaction.models.interview import InterviewState

from .interview_builders import interview, post
from .web import hidden, solve

QUESTION = "请问新办企业从申请到拿到营业执照需要几天？"


def ask_url(page):
    return f"/interaction/interviews/{page.pk}/ask/"


def live_url(page, after=0):
    return f"/interaction/interviews/{page.pk}/live.json?after={after}"


def ask(client, page, **overrides):
    html = client.get(ask_url(page)).content.decode()
    data = {"name": "张三", "phone": "13912345678", "email": "", "body": QUESTION,
            "captcha_id": hidden(html, "captcha_id"), "captcha_answer": str(solve(html)),
            "form_token": hidden(html, "form_token")}
    data.update(overrides)
    return client.post(ask_url(page), {key: value for key, value in data.items() if value is not None})


@pytest.fixture
def announced(department):
    return interview(department)


@pytest.fixture
def running(department):
    now = timezone.now()
    return interview(department, title="正在直播的访谈", starts_at=now - datetime.timedelta(minutes=30),
                     ends_at=now + datetime.timedelta(minutes=90))


def test_the_announcement_shows_topic_guests_time_and_organisation(client, announced):
    html = client.get(announced.url).content.decode()
    assert announced.title in html and "王建国" in html and "县发展和改革局局长" in html
    assert "访谈预告" in html and "教育局" in html
    assert timezone.localtime(announced.starts_at).strftime("%Y年%-m月%-d日 %H:%M") in html
    assert "我要提问" in html


def test_a_citizen_asks_in_advance_and_the_question_waits_for_moderation(client, announced):
    response = ask(client, announced)
    assert response.status_code == 302
    question = InterviewQuestion.objects.get()
    assert (question.name, question.body, question.status) == ("张三", QUESTION, InterviewQuestion.Status.PENDING)
    assert "审核后在访谈页面公开" in client.get(response["Location"]).content.decode()
    assert QUESTION not in client.get(announced.url).content.decode()


def test_a_published_question_is_shown_masked(client, announced):
    question, _duplicate = submit_question(announced, {"name": "张三", "phone": "13912345678",
                                                       "body": "我的手机号13912345678，请问开办企业要几天？"})
    question.status = InterviewQuestion.Status.PUBLISHED
    question.save()
    html = client.get(announced.url).content.decode()
    assert "张**" in html and "139****5678" in html
    assert "13912345678" not in html and "张三" not in html


def test_wrong_captcha_and_bad_lengths_get_a_chinese_message_and_store_nothing(client, announced):
    wrong = ask(client, announced, captcha_answer="999")
    assert wrong.status_code == 400 and "验证问题回答错误" in wrong.content.decode()
    long = ask(client, announced, body="问" * 1001)
    assert long.status_code == 400 and "问题不能超过1000字（现为1001字）" in long.content.decode()
    short = ask(client, announced, body="几天")
    assert short.status_code == 400 and "问题太短" in short.content.decode()
    huge = ask(client, announced, body="问" * 200_000)
    assert huge.status_code == 400
    assert not InterviewQuestion.objects.exists()


def test_a_script_payload_is_stored_as_sent_and_shown_escaped(client, announced):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>请问几天能办好？'
    assert ask(client, announced, body=payload).status_code == 302
    question = InterviewQuestion.objects.get()
    assert question.body == payload
    question.status = InterviewQuestion.Status.PUBLISHED
    question.save()
    html = client.get(announced.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    entry = post(announced, InterviewRecordEntry.Kind.QUESTION, "", question=question)
    poll = client.get(live_url(announced)).json()
    assert poll["entries"][0]["text"] == payload  # plain text in JSON; the script sets it as textContent
    assert entry.speaker == "网友 张**"


def test_a_flood_is_stopped_with_429_and_a_chinese_page(client, announced):
    for _number in range(5):
        assert ask(client, announced, body=f"{QUESTION}{_number}").status_code == 302
    refused = ask(client, announced, body=f"{QUESTION}第六个")
    assert refused.status_code == 429 and "提交过于频繁" in refused.content.decode()
    assert InterviewQuestion.objects.count() == 5


def test_a_double_click_stores_one_question(client, announced):
    html = client.get(ask_url(announced)).content.decode()
    data = {"name": "", "phone": "", "email": "", "body": QUESTION, "captcha_id": hidden(html, "captcha_id"),
            "captcha_answer": str(solve(html)), "form_token": hidden(html, "form_token")}
    assert client.post(ask_url(announced), data).status_code == 302
    assert client.post(ask_url(announced), data).status_code in (302, 400)
    assert InterviewQuestion.objects.count() == 1


def test_an_ended_or_archived_interview_refuses_questions_with_a_message(client, department):
    now = timezone.now()
    ended = interview(department, title="已结束的访谈", starts_at=now - datetime.timedelta(days=2))
    response = client.get(ask_url(ended))
    assert response.status_code == 403 and "结束，不再接收提问" in response.content.decode()
    assert client.post(ask_url(ended), {"body": QUESTION}).status_code == 403
    archived = interview(department, title="已归档的访谈", starts_at=now - datetime.timedelta(days=3), archived=True)
    refused = client.post(ask_url(archived), {"body": QUESTION})
    assert refused.status_code == 403 and "已结束并归档，不再接收提问" in refused.content.decode()
    with pytest.raises(InterviewClosed):
        submit_question(archived, {"body": QUESTION})
    assert not InterviewQuestion.objects.exists()
    assert "本次访谈已结束，不再接收提问" in client.get(archived.url).content.decode()


def test_a_form_opened_before_the_end_and_sent_after_it_is_refused(client, running):
    html = client.get(ask_url(running)).content.decode()
    data = {"body": QUESTION, "captcha_id": hidden(html, "captcha_id"), "captcha_answer": str(solve(html)),
            "form_token": hidden(html, "form_token")}
    with time_machine.travel(running.ends_at + datetime.timedelta(minutes=1)):
        response = client.post(ask_url(running), data)
    assert response.status_code == 403 and "不再接收提问" in response.content.decode()
    assert not InterviewQuestion.objects.exists()


def test_the_live_record_is_in_posting_order_and_the_page_shows_it_without_javascript(client, running):
    guest = running.guests.get(name="王建国")
    post(running, InterviewRecordEntry.Kind.HOST, "各位网友好，欢迎收看本期在线访谈。")
    post(running, InterviewRecordEntry.Kind.QUESTION, "企业开办现在需要多长时间？")
    post(running, InterviewRecordEntry.Kind.ANSWER, "目前全流程一个工作日办结。", guest=guest)
    assert list(running.record().values_list("position", flat=True)) == [1, 2, 3]
    response = client.get(running.url)
    html = response.content.decode()
    assert response["Cache-Control"] == "no-cache"
    assert "正在直播" in html
    first, second, third = (html.index(text) for text in ("欢迎收看本期", "企业开办现在需要多长时间", "一个工作日办结"))
    assert first < second < third
    assert "王建国（县发展和改革局局长）" in html and 'data-last-position="3"' in html


def test_an_answer_needs_a_guest_of_this_interview(department, running):
    other = interview(department, title="另一场访谈")
    with pytest.raises(ValidationError, match="嘉宾回答须选择回答的嘉宾"):
        post(running, InterviewRecordEntry.Kind.ANSWER, "回答")
    with pytest.raises(ValidationError, match="不是本次访谈的嘉宾"):
        post(running, InterviewRecordEntry.Kind.ANSWER, "回答", guest=other.guests.first())
    withheld = InterviewQuestion.objects.create(interview=running, body="不予公开的提问", submitted_at=timezone.now(),
                                                status=InterviewQuestion.Status.WITHHELD)
    with pytest.raises(ValidationError, match="不予公开"):
        post(running, InterviewRecordEntry.Kind.QUESTION, "", question=withheld)
    assert not InterviewRecordEntry.objects.exists()


def test_the_poll_sends_new_entries_and_answers_an_unchanged_poll_with_304(client, running, django_assert_num_queries):
    guest = running.guests.first()
    post(running, InterviewRecordEntry.Kind.HOST, "访谈开始。")
    first = client.get(live_url(running))
    assert first.status_code == 200 and first["Content-Type"] == "application/json"
    body = first.json()
    assert body["state"] == InterviewState.LIVE and body["state_label"] == "正在直播"
    assert [entry["text"] for entry in body["entries"]] == ["访谈开始。"] and body["last_position"] == 1
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_num_queries(0):
        again = client.get(live_url(running), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get(live_url(running), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    post(running, InterviewRecordEntry.Kind.ANSWER, "感谢网友关注。", guest=guest)
    changed = client.get(live_url(running), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    newer = client.get(live_url(running, after=1)).json()
    assert [entry["position"] for entry in newer["entries"]] == [2]
    assert newer["entries"][0]["speaker"].startswith(guest.name)


def test_the_poll_state_changes_at_the_start_time_without_any_write(client, announced):
    first = client.get(live_url(announced))
    assert first.json()["state"] == InterviewState.ANNOUNCED
    with time_machine.travel(announced.starts_at + datetime.timedelta(minutes=1)):
        later = client.get(live_url(announced), HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200 and later.json()["state"] == InterviewState.LIVE


@pytest.mark.parametrize("after", ["-1", "abc", "1e3", "１", "9" * 10, "%00"])
def test_a_bad_poll_parameter_is_a_json_400(client, running, after):
    response = client.get(f"/interaction/interviews/{running.pk}/live.json?after={after}")
    assert response.status_code == 400
    assert "detail" in json.loads(response.content)


def test_an_unknown_or_unpublished_interview_poll_is_a_json_404(client, running):
    assert client.get("/interaction/interviews/999999/live.json").json()["detail"] == "没有这次访谈。"
    running.unpublish()
    response = client.get(live_url(running))
    assert response.status_code == 404 and response.json()["detail"]


def test_archiving_puts_the_full_record_into_the_catalogue_and_search_text(client, department):
    now = timezone.now()
    page = interview(department, title="“农村人居环境整治”在线访谈", starts_at=now - datetime.timedelta(days=1))
    guest = page.guests.first()
    post(page, InterviewRecordEntry.Kind.QUESTION, "村里的垃圾多久清运一次？")
    post(page, InterviewRecordEntry.Kind.ANSWER, "全县实行垃圾日产日清，每天清运一次。", guest=guest)
    entry = CatalogueEntry.objects.get(page=page)
    assert entry.index_number and "日产日清" not in entry.body_text
    page.archived = True
    page.save_revision().publish()
    entry.refresh_from_db()
    assert "日产日清" in entry.body_text and "垃圾多久清运" in entry.body_text
    assert CatalogueEntry.objects.get(page=page).index_number == entry.index_number
    response = client.get(page.url)
    assert "文字实录" in response.content.decode() and "Cache-Control" not in response or \
        "no-cache" not in response.get("Cache-Control", "")
    assert "interview-live.js" not in response.content.decode()


def test_an_interview_cannot_be_archived_before_it_starts_nor_end_before_it_starts(announced):
    announced.archived = True
    with pytest.raises(ValidationError, match="尚未开始，不能归档"):
        announced.full_clean()
    announced.archived = False
    announced.ends_at = announced.starts_at - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="结束时间须晚于开始时间"):
        announced.full_clean()


def test_the_county_interview_page_lists_announced_and_archived(client, department, announced):
    now = timezone.now()
    archived = interview(department, title="往期访谈一", starts_at=now - datetime.timedelta(days=9), archived=True)
    html = client.get("/interaction/interviews/").content.decode()
    assert html.index(announced.title) < html.index("往期访谈") < html.index(archived.title)


def test_staff_run_only_their_organisations_interviews(client, department, township, running):
    from tests.factories import user_in

    theirs = interview(township, title="城关镇的访谈")
    question = submit_question(theirs, {"body": "城关镇访谈收到的提问。"})[0]
    mine = submit_question(running, {"body": "教育局访谈收到的提问。"})[0]
    editor = user_in(department.editors_group)
    client.force_login(editor)
    listing = client.get("/admin/snippets/interaction/interviewquestion/").content.decode()
    assert "教育局访谈收到的提问" in listing and "城关镇访谈收到的提问" not in listing
    assert client.get(f"/admin/snippets/interaction/interviewquestion/edit/{question.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/snippets/interaction/interviewquestion/edit/{mine.pk}/",
                           {"status": "published", "moderation_note": ""})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == InterviewQuestion.Status.PUBLISHED and mine.moderated_by == editor

    add = "/admin/snippets/interaction/interviewrecordentry/add/"
    form = client.get(f"{add}?interview={running.pk}").content.decode()
    assert running.title in form and theirs.title not in form
    guest = running.guests.first()
    for kind, text, guest_id in (("host", "各位网友好。", ""), ("answer", "感谢关注。", str(guest.pk))):
        response = client.post(f"{add}?interview={running.pk}", {"interview": running.pk, "kind": kind,
                                                                 "guest": guest_id, "question": "", "text": text})
        assert response.status_code == 302 and response["Location"].endswith(f"?interview={running.pk}")
    assert [(e.position, e.posted_by) for e in running.record()] == [(1, editor), (2, editor)]
    refused = client.post(add, {"interview": theirs.pk, "kind": "host", "guest": "", "question": "", "text": "越权"})
    assert refused.status_code == 200 and not theirs.record_entries.exists()
    missing_guest = client.post(add, {"interview": running.pk, "kind": "answer", "guest": "", "question": "", "text": "x"})
    assert "嘉宾回答须选择回答的嘉宾" in missing_guest.content.decode()


def test_the_audit_counts_interviews_per_year(department, township):
    from audit.findings import build_report
    from interaction.participation_audit import participation

    now = timezone.now()
    interview(department, title="今年的访谈", starts_at=now - datetime.timedelta(days=20), archived=True)
    interview(department, title="预告的访谈", starts_at=now + datetime.timedelta(days=3))
    interview(township, title="去年的访谈", starts_at=now.replace(year=now.year - 1), archived=True)
    counts = participation(timezone.localdate())
    assert counts[department.pk]["interviews"] == 1
    assert township.pk not in counts  # last year's interview is not this year's
    report = build_report(timezone.localdate())
    assert sum(website.participation.interviews for website in report.websites if website.participation) == 1
    assert any(website["participation"]["interviews"] == 1 for website in report.as_json()["websites"])


def test_an_interview_is_added_under_a_column_not_elsewhere(department):
    from interaction.models import InterviewPage
    from portal.column_kinds import ColumnKind
    from tests.factories import column

    assert InterviewPage.can_create_at(column(department, ColumnKind.NEWS))
    assert not InterviewPage.can_create_at(department.home_page)


def test_the_interaction_home_lists_the_interviews(client, announced):
    html = client.get("/interaction/").content.decode()
    assert announced.title in html and "访谈预告" in html and "/interaction/interviews/" in html
