"""Statutory deadlines are counted in working days on the official calendar, never guessed."""

import datetime

import pytest
import time_machine

from interaction import working_days
from interaction.calendar_warnings import missing_next_year
from interaction.holiday_sync import sync_holidays
from interaction.models import CalendarDay, CalendarYear

D = datetime.date


@pytest.fixture(autouse=True)
def fresh_table(db):
    working_days.invalidate()
    yield
    working_days.invalidate()


def test_the_migration_seeds_2004_to_2026_and_not_2027():
    assert CalendarYear.objects.filter(complete=True, year=2026).exists()
    assert working_days.known_years()[0] == 2004
    assert not working_days.is_year_known(2027)
    assert CalendarDay.objects.get(date=D(2026, 10, 1)).kind == CalendarDay.Kind.HOLIDAY


def test_regulation_examples_received_2026_02_10():
    """条例第三十三条 example: received 2026-02-10 → due 2026-03-16; extended by 20 more → 2026-04-14."""
    due = working_days.add_working_days(D(2026, 2, 10), 20)
    assert due == D(2026, 3, 16)
    assert working_days.add_working_days(due, 20) == D(2026, 4, 14)


def test_regulation_example_received_2026_09_21_spans_national_day():
    assert working_days.add_working_days(D(2026, 9, 21), 20) == D(2026, 10, 26)


def test_day_of_receipt_is_not_counted_and_a_holiday_end_moves_on():
    # Friday 2026-01-09: one working day later is Monday 2026-01-12, not the Friday itself.
    assert working_days.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)
    # Received on a Saturday: counting starts Sunday, first working day is Monday.
    assert working_days.add_working_days(D(2026, 1, 10), 1) == D(2026, 1, 12)
    assert working_days.add_working_days(D(2026, 1, 10), 0) == D(2026, 1, 10)


def test_adjusted_weekend_working_day_counts():
    """2026-01-04 (Sunday) was an adjusted working day (元旦调休)."""
    assert working_days.is_working_day(D(2026, 1, 4)) is True
    assert working_days.is_working_day(D(2026, 1, 1)) is False
    assert working_days.add_working_days(D(2026, 1, 3), 1) == D(2026, 1, 4)


def test_a_missing_year_gives_none_instead_of_monday_to_friday():
    assert working_days.add_working_days(D(2026, 12, 20), 10) is None
    assert working_days.add_working_days(D(2026, 12, 31), 1) is None
    assert working_days.add_working_days(D(2027, 3, 1), 1) is None
    assert working_days.working_days_between(D(2026, 12, 1), D(2027, 1, 5)) is None
    with pytest.raises(working_days.ScheduleMissing):
        working_days.is_working_day(D(2027, 1, 4))


def test_entering_next_years_schedule_makes_it_computable_immediately():
    assert working_days.add_working_days(D(2026, 12, 20), 10) is None
    CalendarDay.objects.create(date=D(2027, 1, 1), kind=CalendarDay.Kind.HOLIDAY, name="元旦")
    CalendarYear.objects.create(year=2027, complete=True, source="测试")
    # 2026-12-20 is a Sunday; 10 working days: Dec 21–25 (5), 28–31 (4), Jan 1 holiday, Jan 4 (10th).
    assert working_days.add_working_days(D(2026, 12, 20), 10) == D(2027, 1, 4)


def test_editing_a_day_in_the_admin_table_changes_the_result():
    before = working_days.add_working_days(D(2026, 3, 2), 1)
    assert before == D(2026, 3, 3)
    CalendarDay.objects.create(date=D(2026, 3, 3), kind=CalendarDay.Kind.HOLIDAY, name="测试假日")
    assert working_days.add_working_days(D(2026, 3, 2), 1) == D(2026, 3, 4)


def test_working_days_between_counts_after_the_first_day_up_to_the_last():
    assert working_days.working_days_between(D(2026, 2, 10), D(2026, 3, 16)) == 20
    assert working_days.working_days_between(D(2026, 3, 16), D(2026, 3, 16)) == 0
    assert working_days.working_days_between(D(2026, 3, 16), D(2026, 2, 10)) == -20


def test_sync_is_idempotent_and_keeps_manual_edits():
    day = CalendarDay.objects.get(date=D(2026, 10, 7))
    day.kind = CalendarDay.Kind.WORKDAY
    day.save()
    result = sync_holidays(years=[2026])
    assert result.created == 0
    assert result.conflicts and result.conflicts[0][0] == D(2026, 10, 7)
    assert CalendarDay.objects.get(date=D(2026, 10, 7)).kind == CalendarDay.Kind.WORKDAY
    sync_holidays(years=[2026], overwrite=True)
    assert CalendarDay.objects.get(date=D(2026, 10, 7)).kind == CalendarDay.Kind.HOLIDAY


def test_warning_from_november_when_next_year_is_missing():
    assert missing_next_year(D(2026, 11, 25)) == 2027
    assert missing_next_year(D(2026, 10, 31)) is None
    CalendarYear.objects.create(year=2027, complete=True)
    assert missing_next_year(D(2026, 11, 25)) is None


def test_dashboard_shows_the_warning_to_the_information_office(client, county):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("office", password="pw")
    client.force_login(admin)
    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, 0), tick=False):
        response = client.get("/admin/")
    assert response.status_code == 200
    assert "2027年节假日安排尚未录入完整" in response.content.decode()


def test_system_check_warns_with_database_access_only():
    from interaction.checks import holiday_schedule_check

    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, 0), tick=False):
        assert holiday_schedule_check(databases=None) == []
        messages = holiday_schedule_check(databases=["default"])
    assert [message.id for message in messages] == ["interaction.W001"]
    assert "2027" in messages[0].msg
