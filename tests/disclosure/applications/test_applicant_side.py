"""The applicant's side: what is asked of them, online correction, notices and the reply to download."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.applications import processing
from disclosure.models.notices import NoticeKind

from .builders import ID_NUMBER, application

D = datetime.date
pytestmark = pytest.mark.django_db


def lookup(client, app):
    return client.post("/disclosure/apply/status/", {"tracking_number": app.tracking_number,
                                                     "identity_last4": ID_NUMBER[-4:]})


@pytest.fixture
def asked_to_correct(department):
    with time_machine.travel("2026-03-04 10:00 +0800"):
        app = application(department, D(2026, 3, 2))
        processing.confirm_receipt(app, None, D(2026, 3, 2))
        processing.request_correction(app, None, D(2026, 3, 4), "请写明所需文件的年份和文号", D(2026, 3, 20))
    return app


@time_machine.travel("2026-03-05 10:00 +0800")
def test_the_status_page_says_what_to_supplement_and_by_when(client, asked_to_correct):
    html = lookup(client, asked_to_correct).content.decode()
    assert "待申请人补正" in html
    assert "请写明所需文件的年份和文号" in html
    assert "2026-03-20" in html
    assert "补正申请告知书" in html


@time_machine.travel("2026-03-09 10:00 +0800")
def test_the_applicant_uploads_the_correction_online_and_the_clock_restarts(client, asked_to_correct):
    lookup(client, asked_to_correct)
    upload = SimpleUploadedFile("补正.pdf", b"%PDF-1.4 correction", content_type="application/pdf")
    response = client.post("/disclosure/apply/status/correction/", {"text": "2025年，示政发〔2025〕3号", "attachment": upload})
    assert response.status_code == 302
    asked_to_correct.refresh_from_db()
    assert asked_to_correct.corrected_received_on == D(2026, 3, 9)
    assert asked_to_correct.correction_submissions.get().attachment.name.endswith(".pdf")
    html = client.get("/disclosure/apply/status/").content.decode()
    assert "办理中" in html and "2026-04-07" in html  # 20 working days from 03-09, over 清明


@time_machine.travel("2026-03-09 10:00 +0800")
def test_a_bad_correction_upload_gets_a_chinese_message_and_400(client, asked_to_correct):
    lookup(client, asked_to_correct)
    response = client.post("/disclosure/apply/status/correction/", {"text": ""})
    assert response.status_code == 400
    assert "请填写补正内容或上传补正材料" in response.content.decode()
    exe = SimpleUploadedFile("a.exe", b"MZ", content_type="application/octet-stream")
    response = client.post("/disclosure/apply/status/correction/", {"text": "x", "attachment": exe})
    assert response.status_code == 400 and "只能上传" in response.content.decode()


def test_without_a_lookup_nothing_can_be_uploaded_or_downloaded(client, asked_to_correct):
    notice = asked_to_correct.notices.get()
    assert client.get(f"/disclosure/apply/status/notices/{notice.pk}/").status_code == 404
    assert client.get("/disclosure/apply/status/reply-letter/").status_code == 404
    response = client.post("/disclosure/apply/status/correction/", {"text": "x"})
    assert response.status_code == 302
    asked_to_correct.refresh_from_db()
    assert asked_to_correct.corrected_received_on is None


@time_machine.travel("2026-03-20 10:00 +0800")
def test_notices_and_the_reply_letter_download_for_the_applicant_only(client, department, asked_to_correct):
    processing.record_correction(asked_to_correct, None, D(2026, 3, 10))
    consultation = processing.start_consultation(asked_to_correct, None, "某公司", D(2026, 3, 11))
    processing.end_consultation(consultation, None, D(2026, 3, 18))
    processing.answer(asked_to_correct, None, "disclosed", D(2026, 3, 20), ContentFile(b"%PDF reply", name="reply.pdf"))
    lookup(client, asked_to_correct)
    html = client.get("/disclosure/apply/status/").content.decode()
    assert "政府信息公开申请答复书" in html and "征求意见函" not in html
    reply = asked_to_correct.notices.get(kind=NoticeKind.REPLY)
    response = client.get(f"/disclosure/apply/status/notices/{reply.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from docx import Document

    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "予以公开" in text and asked_to_correct.tracking_number in text
    consultation = asked_to_correct.notices.get(kind=NoticeKind.CONSULTATION)
    assert client.get(f"/disclosure/apply/status/notices/{consultation.pk}/").status_code == 404
    letter = client.get("/disclosure/apply/status/reply-letter/")
    assert letter.status_code == 200 and b"".join(letter.streaming_content) == b"%PDF reply"
    other = application(department, D(2026, 3, 2))
    assert other.pk != asked_to_correct.pk
