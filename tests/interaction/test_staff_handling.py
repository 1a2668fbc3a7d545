"""Only the addressed organisation and the information office see a letter; every view of personal data is logged."""

import datetime

import pytest

from departments.roles import ensure_information_office_group
from interaction import working_days
from interaction.models import CalendarYear, Letter, LetterEvent, PersonalDataAccess
from tests.factories import make_organisation, user_in

from .builders import letter, mailbox_of


@pytest.fixture
def other(county):
    return make_organisation("示例县交通运输局", "jtj", short_name="交通运输局")


@pytest.fixture
def item(department):
    return letter(mailbox_of(department))


def test_the_addressed_organisation_sees_and_opens_its_letter(client, department, item):
    editor = user_in(department.editors_group)
    client.force_login(editor)
    listing = client.get("/admin/letters/")
    assert listing.status_code == 200 and item.subject in listing.content.decode()
    assert "王小明" not in listing.content.decode()  # no personal data in lists
    detail = client.get(f"/admin/letters/{item.pk}/")
    assert detail.status_code == 200
    assert "13812345678" in detail.content.decode()
    access = PersonalDataAccess.objects.get()
    assert access.user == editor and access.letter == item


def test_another_organisation_neither_lists_nor_opens_it(client, other, item):
    stranger = user_in(other.approvers_group)
    client.force_login(stranger)
    assert item.subject not in client.get("/admin/letters/").content.decode()
    assert client.get(f"/admin/letters/{item.pk}/").status_code == 403
    assert client.post(f"/admin/letters/{item.pk}/reply/", {"reply": "越权答复"}).status_code == 403
    assert not PersonalDataAccess.objects.exists()


def test_staff_of_no_organisation_cannot_use_the_letter_admin(client, county, item):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("plain", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/letters/").status_code == 403


def test_the_information_office_sees_every_letter(client, item):
    office = user_in(ensure_information_office_group())
    client.force_login(office)
    assert client.get(f"/admin/letters/{item.pk}/").status_code == 200


def test_assign_forward_and_reply_leave_a_trail(client, department, other, item):
    approver = user_in(department.approvers_group)
    editor = user_in(department.editors_group)
    client.force_login(approver)
    assert client.post(f"/admin/letters/{item.pk}/assign/", {"assignee": editor.pk}).status_code == 302
    item.refresh_from_db()
    assert item.assigned_to == editor and item.status == Letter.Status.IN_PROGRESS

    assert client.post(f"/admin/letters/{item.pk}/forward/", {"organisation": other.pk, "note": "属交通局职责"}).status_code == 302
    item.refresh_from_db()
    assert item.organisation == other and item.assigned_to is None
    assert client.get(f"/admin/letters/{item.pk}/").status_code == 403  # handed over

    other_staff = user_in(other.editors_group)
    client.force_login(other_staff)
    response = client.post(f"/admin/letters/{item.pk}/reply/", {"reply": "路灯已于本周修复，感谢您的监督。"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Letter.Status.ANSWERED
    assert item.replied_by == other_staff and item.replying_organisation == other
    assert item.working_days_to_reply == 0 and item.replied_on_time is True
    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "forwarded", "replied"]
    forwarded = item.events.get(kind=LetterEvent.Kind.FORWARDED)
    assert forwarded.from_organisation == department and forwarded.to_organisation == other


def test_assigning_someone_outside_the_organisation_is_refused(client, department, other, item):
    client.force_login(user_in(department.approvers_group))
    outsider = user_in(other.editors_group)
    response = client.post(f"/admin/letters/{item.pk}/assign/", {"assignee": outsider.pk})
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.assigned_to is None


def test_empty_reply_is_refused_with_a_message(client, department, item):
    client.force_login(user_in(department.editors_group))
    response = client.post(f"/admin/letters/{item.pk}/reply/", {"reply": ""})
    assert response.status_code == 400
    assert "请填写答复内容" in response.content.decode()


def test_deadline_unknown_without_next_years_calendar_is_shown_as_such_then_filled_in(client, department):
    working_days.invalidate()
    late = letter(mailbox_of(department), datetime.date(2026, 12, 24))
    assert late.due_on is None  # 10 working days reach into 2027, whose schedule is missing
    client.force_login(user_in(department.editors_group))
    assert "节假日安排未发布，暂无法计算" in client.get(f"/admin/letters/{late.pk}/").content.decode()
    CalendarYear.objects.create(year=2027, complete=True, source="测试")
    late.refresh_from_db()
    # Dec 25, 28–31 (5), Jan 1 is a Friday but not entered as a holiday in this test, so Jan 1, 4–7 (10).
    assert late.due_on == datetime.date(2027, 1, 7)
    working_days.invalidate()


def test_overdue_letters_are_flagged_for_staff(client, department):
    old = letter(mailbox_of(department), datetime.date(2026, 10, 9))
    assert old.is_overdue(datetime.date(2026, 11, 25))
    client.force_login(user_in(department.editors_group))
    html = client.get("/admin/letters/?overdue=1").content.decode()
    assert old.subject in html and "已超期" in html
