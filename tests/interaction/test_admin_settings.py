"""The information office edits the working-day calendar and mailbox settings; departments cannot."""

import datetime

from departments.roles import ensure_information_office_group
from interaction.models import CalendarDay, Mailbox
from tests.factories import user_in

from .builders import mailbox_of


def test_information_office_edits_calendar_days(client, county):
    client.force_login(user_in(ensure_information_office_group()))
    assert client.get("/admin/snippets/interaction/calendarday/").status_code == 200
    response = client.post(
        "/admin/snippets/interaction/calendarday/add/", {"date": "2026-12-31", "kind": "holiday", "name": "测试假日"}
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get(date=datetime.date(2026, 12, 31)).name == "测试假日"


def test_department_staff_cannot_edit_the_calendar_or_mailboxes(client, department):
    client.force_login(user_in(department.approvers_group))
    assert client.get("/admin/snippets/interaction/calendarday/").status_code in (302, 403)
    box = mailbox_of(department)
    response = client.post(f"/admin/snippets/interaction/mailbox/edit/{box.pk}/", {"name": "改名", "reply_working_days": 1})
    assert response.status_code in (302, 403)
    box.refresh_from_db()
    assert box.name == "教育局信箱" and box.reply_working_days == 10


def test_information_office_sets_a_mailbox_reply_period(client, department):
    client.force_login(user_in(ensure_information_office_group()))
    box = mailbox_of(department)
    response = client.post(
        f"/admin/snippets/interaction/mailbox/edit/{box.pk}/",
        {"name": "教育局局长信箱", "intro": "", "reply_working_days": 5, "notify_email": "", "active": "on", "sort_order": 100},
    )
    assert response.status_code == 302
    box.refresh_from_db()
    assert (box.name, box.reply_working_days) == ("教育局局长信箱", 5)
    assert Mailbox.objects.filter(organisation=department).count() == 1


def test_users_with_calendar_permission_include_the_information_office(county):
    from django.contrib.auth.models import User

    from interaction.permissions import InformationOfficePermissionPolicy

    office = user_in(ensure_information_office_group())
    superuser = User.objects.create_superuser("root", password="pw")
    users = set(InformationOfficePermissionPolicy(CalendarDay).users_with_any_permission(["change"]))
    assert {office, superuser} <= users
