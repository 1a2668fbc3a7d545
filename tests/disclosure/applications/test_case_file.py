"""The application as a legal case file: channels with their receipt dates, fees, notices and their delivery."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.files.base import ContentFile

from disclosure.applications import fees, notices, processing
from disclosure.applications.choices import Status
from disclosure.applications.models import ApplicationNotification
from disclosure.applications.processing import ProcessingError
from disclosure.applications.submission import RegistrationError, register_offline
from disclosure.models.notices import DeliveryMethod, NoticeKind, NoticeTemplate

from .builders import CITIZEN, application, model_data

D = datetime.date
pytestmark = pytest.mark.django_db


def envelope():
    return ContentFile(b"%PDF-1.4 envelope", name="envelope.pdf")


def reply():
    return ContentFile(b"%PDF-1.4 reply", name="reply.pdf")


@time_machine.travel("2026-04-07 09:00 +0800")
def test_a_posted_application_signed_for_on_the_friday_before_qingming_is_received_that_friday(department):
    """条例第三十一条: by post, the day the organ signs for it. Signed Fri 2026-04-03, registered Tue 04-07 after
    清明 (04-04..06): received 04-03, so 20 working days end 2026-05-07 (over 劳动节), not 05-08."""
    app = register_offline(department, model_data(CITIZEN), "post", D(2026, 4, 3), None, evidence=envelope(),
                           receipt_note="邮件4月3日签收，节后登记")
    assert app.received_on == D(2026, 4, 3)
    assert app.status == Status.PROCESSING and app.get_channel_display() == "邮寄"
    assert app.receipt_evidence.name.endswith(".pdf")
    assert processing.due_date(app) == D(2026, 5, 7)


@time_machine.travel("2026-04-07 09:00 +0800")
def test_an_offline_receipt_in_the_past_needs_its_reason_and_post_needs_the_envelope(department):
    with pytest.raises(RegistrationError, match="写明原因"):
        register_offline(department, model_data(CITIZEN), "post", D(2026, 4, 3), None, evidence=envelope())
    with pytest.raises(RegistrationError, match="收件凭证"):
        register_offline(department, model_data(CITIZEN), "post", D(2026, 4, 7), None)
    with pytest.raises(RegistrationError, match="不能晚于今天"):
        register_offline(department, model_data(CITIZEN), "in_person", D(2026, 4, 8), None)
    with pytest.raises(RegistrationError, match="线下申请渠道"):
        register_offline(department, model_data(CITIZEN), "online", D(2026, 4, 7), None)
    app = register_offline(department, model_data(CITIZEN), "in_person", D(2026, 4, 7), None)
    assert app.received_on == D(2026, 4, 7)
    with pytest.raises(ProcessingError, match="线下申请"):
        processing.confirm_receipt(app, None, D(2026, 4, 7))


def test_the_tenth_item_of_a_month_is_free_and_the_eleventh_costs_100_yuan(department):
    """国办函〔2020〕109号: free up to 10 items a month per applicant, 100 元 for the 11th to the 30th."""
    apps = [application(department, D(2026, 3, 1 + day)) for day in range(11)]
    assert fees.monthly_ordinal(apps[9]) == 10
    assert fees.monthly_ordinal(apps[10]) == 11
    assert fees.item_fee(10) == Decimal("0")
    assert fees.item_fee(11) == Decimal("100")
    assert fees.item_fee(30) == Decimal("100")
    assert fees.item_fee(31) == Decimal("200")
    assert fees.item_fee(41) == Decimal("300")
    april = application(department, D(2026, 4, 1))
    assert fees.monthly_ordinal(april) == 1


def test_volume_fees_are_progressive_by_band():
    assert fees.volume_fee(30) == Decimal("0")
    assert fees.volume_fee(31) == Decimal("10")
    assert fees.volume_fee(100) == Decimal("700")
    assert fees.volume_fee(101) == Decimal("720")
    assert fees.volume_fee(201) == Decimal("2740")


def test_fee_amounts_are_configurable(department):
    from disclosure.models.fees import ProcessingFeeSettings

    rates = ProcessingFeeSettings.load()
    rates.free_items_per_month = 5
    rates.item_band_price = Decimal("50")
    rates.save()
    assert fees.item_fee(5) == Decimal("0")
    assert fees.item_fee(6) == Decimal("50")


@pytest.fixture
def confirmed(department):
    with time_machine.travel("2026-03-02 10:00 +0800"):
        app = application(department, D(2026, 3, 2))
        processing.confirm_receipt(app, None, D(2026, 3, 2))
    return app


def test_a_fee_notice_pauses_the_clock_and_is_refused_within_the_free_items(confirmed, department):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        with pytest.raises(ProcessingError, match="免费范围内"):
            processing.notify_fee(confirmed, None, "per_item", D(2026, 3, 10))
        fee = processing.notify_fee(confirmed, None, "per_volume", D(2026, 3, 10), pages=31)
    assert fee.amount == Decimal("10.00")
    assert fee.pay_by == D(2026, 4, 8)  # 20 working days after the notice
    confirmed.refresh_from_db()
    assert confirmed.status == Status.AWAITING_PAYMENT
    assert processing.due_date(confirmed) is None
    notice = confirmed.notices.get(kind=NoticeKind.FEE)
    assert "10.00元" in notice.body and "2026年4月8日" in notice.body
    with time_machine.travel("2026-03-17 10:00 +0800"):
        processing.record_payment(fee, None, D(2026, 3, 17))
    confirmed.refresh_from_db()
    assert processing.due_date(confirmed, today=D(2026, 3, 18)) == D(2026, 4, 7)


def test_not_paying_by_the_deadline_closes_the_case_only_after_it(confirmed):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        processing.notify_fee(confirmed, None, "per_volume", D(2026, 3, 10), pages=40)
    confirmed.refresh_from_db()
    with time_machine.travel("2026-04-08 10:00 +0800"):
        with pytest.raises(ProcessingError, match="尚未届满"):
            processing.answer(confirmed, None, "other_unpaid", D(2026, 4, 8), reply())
        with pytest.raises(ProcessingError, match="尚未缴费"):
            processing.answer(confirmed, None, "disclosed", D(2026, 4, 8), reply())
    with time_machine.travel("2026-04-09 10:00 +0800"):
        processing.answer(confirmed, None, "other_unpaid", D(2026, 4, 9), reply())
    confirmed.refresh_from_db()
    assert confirmed.status == Status.ANSWERED and confirmed.outcome == "other_unpaid"


def test_every_step_the_applicant_must_know_issues_a_notice_from_the_template(confirmed):
    NoticeTemplate.objects.create(kind=NoticeKind.CORRECTION, title="补正告知书（{{申请编号}}）",
                                  body="{{申请人}}：请补正：{{补正事项}}，期限{{补正期限}}。")
    with time_machine.travel("2026-03-04 10:00 +0800"):
        processing.request_correction(confirmed, None, D(2026, 3, 4), "请写明所需文件的年份", D(2026, 3, 20))
    notice = confirmed.notices.get(kind=NoticeKind.CORRECTION)
    assert notice.title == f"补正告知书（{confirmed.tracking_number}）"
    assert notice.body == "王小明：请补正：请写明所需文件的年份，期限2026年3月20日。"
    methods = sorted(notice.deliveries.values_list("method", flat=True))
    assert methods == [DeliveryMethod.EMAIL, DeliveryMethod.ONLINE]
    mail = ApplicationNotification.objects.filter(recipient="wang@example.com", subject__contains="补正告知书")
    assert mail.count() == 1


def test_an_unknown_placeholder_cannot_be_saved_in_a_template():
    from django.core.exceptions import ValidationError

    template = NoticeTemplate(kind=NoticeKind.REPLY, title="答复书", body="{{申请人}}：{{不存在的事实}}")
    with pytest.raises(ValidationError, match="不存在的事实"):
        template.full_clean()


def test_extension_consultation_and_answer_issue_their_notices(confirmed):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        processing.start_consultation(confirmed, None, "某建设公司", D(2026, 3, 10))
        processing.start_consultation(confirmed, None, "县财政局", D(2026, 3, 10), party_kind="organ")
        processing.extend(confirmed, None, 10, "需要调取档案", "李主任", D(2026, 3, 10))
    kinds = list(confirmed.notices.values_list("kind", "addressee", "to_applicant"))
    assert (NoticeKind.CONSULTATION, "某建设公司", False) in kinds
    assert (NoticeKind.CONSULTATION, "县财政局", False) in kinds
    assert (NoticeKind.EXTENSION, "王小明", True) in kinds
    consultation_letter = confirmed.notices.filter(kind=NoticeKind.CONSULTATION).first()
    assert "2026年3月31日" in consultation_letter.body  # the 15th working day
    assert not consultation_letter.deliveries.exists()  # staff record how it was sent
    with time_machine.travel("2026-04-01 10:00 +0800"):
        # both consultations lapsed on 03-31 without reply: the answer may be given
        processing.answer(confirmed, None, "disclosed", D(2026, 4, 1), reply(), "见附件")
    assert confirmed.notices.filter(kind=NoticeKind.REPLY).count() == 1


def test_an_open_consultation_within_its_fifteen_days_blocks_the_answer(confirmed):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        processing.start_consultation(confirmed, None, "某建设公司", D(2026, 3, 10))
    with time_machine.travel("2026-03-31 10:00 +0800"):
        with pytest.raises(ProcessingError, match="未满15个工作日"):
            processing.answer(confirmed, None, "disclosed", D(2026, 3, 31), reply())


def test_delivery_by_post_needs_a_tracking_number_and_in_person_a_signature(confirmed):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        notice = processing.start_consultation(confirmed, None, "某建设公司", D(2026, 3, 10))
        letter = confirmed.notices.get(kind=NoticeKind.CONSULTATION)
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError, match="邮件单号"):
            notices.record_delivery(letter, None, "post", D(2026, 3, 10))
        with pytest.raises(ValidationError, match="签收人"):
            notices.record_delivery(letter, None, "in_person", D(2026, 3, 10))
        with pytest.raises(ValidationError, match="不能早于"):
            notices.record_delivery(letter, None, "post", D(2026, 3, 9), tracking_number="1234")
        delivery = notices.record_delivery(letter, None, "post", D(2026, 3, 10), tracking_number="EMS 1190 2233")
    assert delivery.delivered and notice.third_party == "某建设公司"
    assert confirmed.events.filter(kind="notice_delivered").exists()


def test_email_delivery_is_dated_when_the_outbox_sends_it(confirmed, mailoutbox):
    from disclosure.applications.notifications import deliver_pending

    with time_machine.travel("2026-03-04 10:00 +0800"):
        processing.request_correction(confirmed, None, D(2026, 3, 4), "请写明年份")
        email = confirmed.notices.get(kind=NoticeKind.CORRECTION).deliveries.get(method=DeliveryMethod.EMAIL)
        assert email.delivered_on is None
        deliver_pending(confirmed.pk)
    email.refresh_from_db()
    assert email.delivered_on == D(2026, 3, 4)
    assert any("补正" in message.subject for message in mailoutbox)


def test_an_online_correction_restarts_the_clock_that_day(confirmed):
    with time_machine.travel("2026-03-04 10:00 +0800"):
        processing.request_correction(confirmed, None, D(2026, 3, 4), "请写明年份")
    with time_machine.travel("2026-03-09 10:00 +0800"):
        processing.receive_online_correction(confirmed, "所需文件为2025年度", None)
    confirmed.refresh_from_db()
    assert confirmed.corrected_received_on == D(2026, 3, 9)
    assert confirmed.status == Status.PROCESSING
    assert confirmed.correction_submissions.count() == 1
    with pytest.raises(ProcessingError, match="不需要补正"):
        processing.receive_online_correction(confirmed, "再补", None)


def test_reasons_and_a_later_date_under_article_35(confirmed):
    with time_machine.travel("2026-03-05 10:00 +0800"):
        with pytest.raises(ProcessingError, match="先要求申请人说明理由"):
            processing.defer(confirmed, None, D(2026, 6, 30), "数量巨大", D(2026, 3, 5))
        request = processing.request_reasons(confirmed, None, D(2026, 3, 5), "请说明申请大量信息的用途")
    confirmed.refresh_from_db()
    assert confirmed.status == Status.AWAITING_REASONS
    assert processing.due_date(confirmed) is None
    with time_machine.travel("2026-03-12 10:00 +0800"):
        processing.record_reasons(request, None, D(2026, 3, 12), "用于学术研究")
        confirmed.refresh_from_db()
        processing.defer(confirmed, None, D(2026, 6, 30), "涉及档案数量巨大", D(2026, 3, 12))
    assert processing.due_date(confirmed) == D(2026, 6, 30)
    assert confirmed.notices.filter(kind=NoticeKind.DEFERRAL).exists()
