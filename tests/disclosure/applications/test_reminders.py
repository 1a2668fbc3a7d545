"""Staff are reminded before every due date of an open application, once; the office when an answer is overdue."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from disclosure.applications import processing
from disclosure.applications.models import ApplicationNotification
from disclosure.applications.reminders import queue_reminders

from .builders import application

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def open_case(department):
    department.email = "jyj@example.gov.cn"
    department.save()
    with time_machine.travel("2026-03-02 10:00 +0800"):
        app = application(department, D(2026, 3, 2))
        processing.confirm_receipt(app, None, D(2026, 3, 2))
    return app


def reminders(app):
    return list(ApplicationNotification.objects.filter(application=app).exclude(reminder_key="")
                .values_list("reminder_key", "recipient"))


def test_the_correction_window_and_the_answer_are_reminded_three_working_days_ahead(open_case):
    assert queue_reminders(D(2026, 3, 5)) == 0  # the 7th working day (03-11) is 4 working days away
    assert queue_reminders(D(2026, 3, 6)) == 1
    assert reminders(open_case) == [("correction-window:2026-03-11", "jyj@example.gov.cn")]
    assert queue_reminders(D(2026, 3, 6)) == 0  # once only
    queue_reminders(D(2026, 3, 25))  # answer due 03-30: 3 working days
    assert ("answer:2026-03-30", "jyj@example.gov.cn") in reminders(open_case)


def test_an_overdue_answer_is_reported_to_the_information_office(open_case, county):
    county.email = "xxb@example.gov.cn"
    county.save()
    queue_reminders(D(2026, 3, 31))
    assert ("overdue:2026-03-30", "xxb@example.gov.cn") in reminders(open_case)


def test_consultation_lapse_and_fee_deadline_are_reminded(open_case):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        processing.start_consultation(open_case, None, "某公司", D(2026, 3, 10))
        processing.notify_fee(open_case, None, "per_volume", D(2026, 3, 10), pages=50)
    queue_reminders(D(2026, 3, 26))
    keys = [key for key, _recipient in reminders(open_case)]
    consultation = open_case.consultations.get()
    assert f"consultation-{consultation.pk}:2026-03-31" in keys
    fee = open_case.fee_notices.get()
    queue_reminders(D(2026, 4, 3))
    keys = [key for key, _recipient in reminders(open_case)]
    assert f"fee-{fee.pk}:2026-04-08" in keys


def test_the_command_sends_them(open_case, mailoutbox):
    call_command("send_application_reminders", "--date", "2026-03-06")
    assert any("要求补正的最后期限" in message.subject for message in mailoutbox)
