"""Applicants see status and due date with the tracking number and the last 4 characters of their ID."""

import datetime

import pytest
import time_machine

from disclosure.applications import processing
from disclosure.applications.lookup import find_application

from .builders import COMPANY, ID_NUMBER, application

D = datetime.date
pytestmark = pytest.mark.django_db


def lookup(client, number, last4):
    return client.post("/disclosure/apply/status/", {"tracking_number": number, "identity_last4": last4})


@time_machine.travel("2026-09-22 09:00 +0800")
def test_status_and_due_date_are_shown_for_the_right_last_four(client, department):
    app = application(department, D(2026, 9, 21))
    processing.confirm_receipt(app, None, D(2026, 9, 21))
    response = lookup(client, app.tracking_number.lower(), ID_NUMBER[-4:].lower())
    assert response.status_code == 200
    html = response.content.decode()
    assert "2026-10-26" in html and "办理中" in html
    assert app.name not in html and ID_NUMBER not in html and app.phone not in html


def test_the_wrong_last_four_finds_nothing(client, department):
    app = application(department)
    response = lookup(client, app.tracking_number, "1234")
    assert response.status_code == 404
    assert "未找到" in response.content.decode()
    assert find_application("YSQ-2026-999999-AAAAAA", ID_NUMBER[-4:]) is None


def test_organisations_use_the_last_four_of_their_credit_code(department):
    app = application(department, data=COMPANY)
    assert find_application(app.tracking_number, COMPANY["credit_code"][-4:]) == app


@time_machine.travel("2026-12-21 09:00 +0800")
def test_without_next_years_calendar_a_provisional_date_is_shown_and_marked(client, department):
    """Before: "暂无法计算". Now the weekends-only estimate, marked as provisional."""
    app = application(department, D(2026, 12, 20))
    html = lookup(client, app.tracking_number, ID_NUMBER[-4:]).content.decode()
    assert "暂无法计算" not in html
    assert "2027-01-15" in html
    assert "暂按周末推算" in html


def test_lookups_are_rate_limited(client, department, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"lookup": (3, 600)}
    app = application(department)
    for _attempt in range(3):
        lookup(client, app.tracking_number, "0000")
    assert lookup(client, app.tracking_number, ID_NUMBER[-4:]).status_code == 429


def test_tracking_numbers_are_not_guessable(department):
    first, second = application(department), application(department)
    assert first.tracking_number[:16] != second.tracking_number[:16]
    assert len(first.tracking_number.rsplit("-", 1)[1]) == 6
