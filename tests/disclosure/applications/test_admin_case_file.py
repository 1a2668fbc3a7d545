"""Staff register offline applications, take every step from the admin, record deliveries and print the case file."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.applications import processing
from disclosure.applications.models import Application
from disclosure.applications.repeats import repeated_requests
from disclosure.models.notices import NoticeKind
from tests.factories import make_organisation, user_in

from .builders import CITIZEN, COMPANY, application

D = datetime.date
pytestmark = pytest.mark.django_db

BASE = "/admin/disclosure-applications/"


def offline_post(department, **extra):
    data = {**{key: value for key, value in CITIZEN.items()}, "organisation": department.pk, "channel": "post",
            "received_on": "2026-04-03", "receipt_note": "4月3日签收，节后登记"}
    data.update(extra)
    return data


@time_machine.travel("2026-04-07 09:00 +0800")
def test_staff_register_a_posted_application_with_the_day_it_was_signed_for(client, department):
    client.force_login(user_in(department.editors_group))
    envelope = SimpleUploadedFile("信封.pdf", b"%PDF envelope", content_type="application/pdf")
    response = client.post(BASE + "register/", {**offline_post(department), "receipt_evidence": envelope})
    assert response.status_code == 302
    app = Application.objects.get()
    assert app.channel == "post" and app.received_on == D(2026, 4, 3) and app.status == "processing"
    html = client.get(response["Location"]).content.decode()
    assert "邮寄" in html and "以行政机关签收之日为收到申请之日" in html and "2026-05-07" in html
    assert client.get(BASE + f"{app.pk}/evidence/").status_code == 200


@time_machine.travel("2026-04-07 09:00 +0800")
def test_registering_without_evidence_or_reason_is_refused_in_chinese(client, department):
    client.force_login(user_in(department.editors_group))
    response = client.post(BASE + "register/", offline_post(department))
    assert response.status_code == 400 and "收件凭证" in response.content.decode()
    response = client.post(BASE + "register/", offline_post(department, channel="in_person", receipt_note=""))
    assert response.status_code == 400 and "写明原因" in response.content.decode()
    response = client.post(BASE + "register/", offline_post(department, received_on="2026-04-08"))
    assert response.status_code == 400 and "不能晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_another_departments_staff_cannot_register_for_this_one(client, department):
    other = make_organisation("示例县民政局", "mzj", short_name="民政局")
    client.force_login(user_in(other.editors_group))
    response = client.post(BASE + "register/", offline_post(department, channel="in_person",
                                                              received_on=datetime.date.today().isoformat()))
    assert response.status_code == 400
    assert not Application.objects.exists()


@time_machine.travel("2026-03-10 10:00 +0800")
def test_every_step_from_the_admin_and_a_printable_notice_with_its_deliveries(client, department):
    app = application(department, D(2026, 3, 2))
    processing.confirm_receipt(app, None, D(2026, 3, 2))
    client.force_login(user_in(department.editors_group))
    url = BASE + f"{app.pk}/"
    response = client.post(url + "consult/", {"consult-party_kind": "organ", "consult-third_party": "县财政局",
                                              "consult-sent_on": "2026-03-10", "consult-note": ""})
    assert response.status_code == 302
    response = client.post(url + "fee/", {"fee-basis": "per_volume", "fee-pages": "120", "fee-notified_on": "2026-03-10"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "awaiting_payment"
    fee = app.fee_notices.get()
    assert str(fee.amount) == "1100.00"  # 70 × 10 + 20 × 20
    html = client.get(url).content.decode()
    assert "其他行政机关（第三十四条）" in html and "2026-03-31" in html  # lapses on the 15th working day
    assert "待申请人缴纳信息处理费" in html and "1100.00" in html
    letter = app.notices.get(kind=NoticeKind.CONSULTATION)
    response = client.post(url + f"notices/{letter.pk}/delivery/", {
        "delivery-method": "post", "delivery-delivered_on": "2026-03-10", "delivery-tracking_number": "",
    })
    assert response.status_code == 302
    assert not letter.deliveries.exists()  # refused: no tracking number
    client.post(url + f"notices/{letter.pk}/delivery/", {
        "delivery-method": "post", "delivery-delivered_on": "2026-03-10", "delivery-tracking_number": "EMS9988",
    })
    printed = client.get(url + f"notices/{letter.pk}/").content.decode()
    assert "县财政局" in printed and "EMS9988" in printed and "送达记录" in printed
    document = client.get(url + f"notices/{letter.pk}/docx/")
    assert document.status_code == 200 and document["Content-Disposition"].startswith("attachment")
    response = client.post(url + f"fees/{fee.pk}/paid/", {"payment-paid_on": "2026-03-10"})
    app.refresh_from_db()
    assert app.status == "processing"


def test_information_asked_by_several_applicants_is_listed_once_per_applicant(client, department):
    application(department, information_name="2025年城关镇预算")
    application(department, information_name="2025年 城关镇预算。")  # the same applicant again
    application(department, data=COMPANY, information_name="2025年城关镇预算")
    application(department, information_name="别的信息")
    groups = repeated_requests()
    assert len(groups) == 1
    assert groups[0].applicant_count == 2 and groups[0].applications == 3
    client.force_login(user_in(department.editors_group))
    html = client.get(BASE + "repeated/").content.decode()
    assert "2025年城关镇预算" in html and "别的信息" not in html
    other = make_organisation("示例县民政局", "mzj", short_name="民政局")
    client.force_login(user_in(other.editors_group))
    assert "2025年城关镇预算" not in client.get(BASE + "repeated/").content.decode()
