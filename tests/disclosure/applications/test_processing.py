"""Processing follows the regulation: confirm receipt, one correction in 7 working days, one extension, consultations, answer."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile

from disclosure.applications import processing
from disclosure.applications.processing import ProcessingError

from .builders import application

D = datetime.date
pytestmark = pytest.mark.django_db


def letter():
    return ContentFile(b"%PDF-1.4 reply", name="reply.pdf")


@pytest.fixture
def received(department):
    """Submitted on 2026-02-10 and confirmed the same day (条例第三十三条 example)."""
    with time_machine.travel(datetime.datetime(2026, 2, 10, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))):
        app = application(department, D(2026, 2, 10))
        processing.confirm_receipt(app, None, D(2026, 2, 10))
    return app


@time_machine.travel("2026-02-11 09:00 +0800")
def test_receipt_date_defaults_to_submission_and_is_set_by_confirmation(department):
    app = application(department, D(2026, 2, 10))
    assert app.received_on == D(2026, 2, 10) and app.status == "submitted"
    processing.confirm_receipt(app, None, D(2026, 2, 11))
    assert app.received_on == D(2026, 2, 11) and app.status == "processing"
    with pytest.raises(ProcessingError):
        processing.confirm_receipt(app, None, D(2026, 2, 11))


@time_machine.travel("2026-02-11 09:00 +0800")
def test_receipt_cannot_be_dated_before_submission(department):
    app = application(department, D(2026, 2, 10))
    with pytest.raises(ProcessingError, match="不能早于提交日期"):
        processing.confirm_receipt(app, None, D(2026, 2, 9))


@time_machine.travel("2026-03-01 09:00 +0800")
def test_due_date_and_single_extension_follow_the_regulations_example(received):
    assert processing.due_date(received) == D(2026, 3, 16)
    processing.extend(received, None, 20, "需调取档案", "李主任", D(2026, 3, 1))
    assert processing.due_date(received) == D(2026, 4, 14)
    with pytest.raises(ProcessingError, match="只能延长一次"):
        processing.extend(received, None, 5, "再延", "李主任", D(2026, 3, 1))


@time_machine.travel("2026-03-01 09:00 +0800")
def test_an_extension_needs_reason_and_approver_and_at_most_20_days(received):
    with pytest.raises(ProcessingError, match="最长不得超过20个工作日"):
        processing.extend(received, None, 21, "理由", "李主任", D(2026, 3, 1))
    with pytest.raises(ProcessingError, match="延期理由"):
        processing.extend(received, None, 10, " ", "李主任", D(2026, 3, 1))
    with pytest.raises(ProcessingError, match="负责人"):
        processing.extend(received, None, 10, "理由", "", D(2026, 3, 1))
    assert received.extension_days == 0


@time_machine.travel("2026-03-20 09:00 +0800")
def test_no_extension_after_the_due_date(received):
    with pytest.raises(ProcessingError, match="已于2026-03-16届满"):
        processing.extend(received, None, 10, "理由", "李主任", D(2026, 3, 17))


@time_machine.travel("2026-03-20 09:00 +0800")
def test_correction_restarts_the_clock_from_the_corrected_application(received):
    # 7 working days after 2026-02-10 runs into the Spring Festival; 02-12 is well within.
    processing.request_correction(received, None, D(2026, 2, 12), "请写明所需信息的文号或制作时间。")
    assert received.status == "awaiting_correction"
    assert processing.due_date(received) is None
    processing.record_correction(received, None, D(2026, 3, 2))
    assert processing.due_date(received) == D(2026, 3, 30)


@time_machine.travel("2026-03-20 09:00 +0800")
def test_correction_only_once(received):
    processing.request_correction(received, None, D(2026, 2, 12), "补充文号")
    processing.record_correction(received, None, D(2026, 3, 2))
    with pytest.raises(ProcessingError, match="补正只能要求一次"):
        processing.request_correction(received, None, D(2026, 3, 3), "再补充")


@time_machine.travel("2026-03-20 09:00 +0800")
def test_correction_must_be_asked_within_seven_working_days(received):
    from disclosure.applications.deadlines import correction_deadline

    last_day = correction_deadline(D(2026, 2, 10))
    with pytest.raises(ProcessingError, match="7个工作日内"):
        processing.request_correction(received, None, last_day + datetime.timedelta(days=1), "补充文号")
    processing.request_correction(received, None, last_day, "补充文号")


@time_machine.travel("2026-04-30 09:00 +0800")
def test_consultation_days_are_added_to_the_due_date(received):
    consultation = processing.start_consultation(received, None, "某某公司", D(2026, 3, 2))
    processing.end_consultation(consultation, None, D(2026, 3, 9))  # 5 working days
    assert processing.due_date(received) == D(2026, 3, 23)


@time_machine.travel("2026-03-10 09:00 +0800")
def test_answer_needs_an_outcome_of_the_table_and_a_reply_letter(received):
    with pytest.raises(ProcessingError, match="办理结果"):
        processing.answer(received, None, "maybe", D(2026, 3, 10), letter())
    with pytest.raises(ProcessingError, match="答复书"):
        processing.answer(received, None, "disclosed", D(2026, 3, 10), None)
    processing.answer(received, None, "withheld_process", D(2026, 3, 10), letter(), "属于过程性信息")
    received.refresh_from_db()
    assert received.status == "answered" and received.get_outcome_display() == "不予公开：属于四类过程性信息"
    assert received.reply_letter.read() == b"%PDF-1.4 reply"
    with pytest.raises(ProcessingError, match="已答复"):
        processing.extend(received, None, 5, "理由", "李主任", D(2026, 3, 10))


@time_machine.travel("2026-03-30 09:00 +0800")
def test_without_correction_only_the_no_correction_outcome_is_allowed(received):
    processing.request_correction(received, None, D(2026, 2, 12), "补充文号")
    with pytest.raises(ProcessingError, match="逾期不补正"):
        processing.answer(received, None, "disclosed", D(2026, 3, 30), letter())
    processing.answer(received, None, "other_no_correction", D(2026, 3, 30), letter())
    assert received.status == "answered"


def test_the_trail_records_every_step(received):
    kinds = list(received.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "receipt_confirmed"]


@time_machine.travel("2026-04-30 09:00 +0800")
def test_due_dates_in_bulk_match_one_by_one(received, department):
    other = application(department, D(2026, 9, 21))
    consultation = processing.start_consultation(received, None, "某某公司", D(2026, 3, 2))
    processing.end_consultation(consultation, None, D(2026, 3, 9))
    from disclosure.applications.models import Application

    bulk = processing.due_dates(Application.objects.all())
    assert bulk == {received.pk: D(2026, 3, 23), other.pk: D(2026, 10, 26)}
