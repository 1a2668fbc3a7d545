"""Only the handling organisation's staff and the information office see applications; every view is logged."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from departments.roles import ensure_information_office_group
from disclosure.applications.models import PersonalDataView
from disclosure.models import CatalogueEntry
from tests.factories import make_organisation, user_in

from .builders import ID_NUMBER, application

D = datetime.date
pytestmark = pytest.mark.django_db


def staff_of(organisation):
    return user_in(organisation.editors_group)


def office_user():
    user = user_in(ensure_information_office_group())
    return user


def detail_url(app):
    return f"/admin/disclosure-applications/{app.pk}/"


def test_staff_of_the_handling_organisation_see_and_the_view_is_logged(client, department):
    app = application(department)
    user = staff_of(department)
    client.force_login(user)
    response = client.get(detail_url(app))
    assert response.status_code == 200
    assert ID_NUMBER in response.content.decode()
    log = PersonalDataView.objects.get()
    assert log.user == user and log.application == app and log.ip_address == "127.0.0.1"


def test_staff_of_another_organisation_get_403(client, department):
    app = application(department)
    other = make_organisation("示例县民政局", "mzj", short_name="民政局")
    client.force_login(staff_of(other))
    assert client.get(detail_url(app)).status_code == 403
    assert client.post(detail_url(app) + "confirm/", {"confirm-received_on": "2026-01-05"}).status_code == 403
    listing = client.get("/admin/disclosure-applications/").content.decode()
    assert app.tracking_number not in listing
    assert not PersonalDataView.objects.exists()


def test_the_information_office_sees_every_organisation(client, department):
    app = application(department)
    client.force_login(office_user())
    assert app.tracking_number in client.get("/admin/disclosure-applications/").content.decode()
    assert client.get(detail_url(app)).status_code == 200


def test_an_admin_user_without_an_organisation_gets_403(client, department):
    from django.contrib.auth.models import Permission, User

    app = application(department)
    user = User.objects.create_user("nobody", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/disclosure-applications/").status_code == 403
    assert client.get(detail_url(app)).status_code == 403


@time_machine.travel("2026-03-01 10:00 +0800")
def test_staff_process_an_application_through_the_admin(client, department):
    app = application(department, D(2026, 2, 10))
    client.force_login(staff_of(department))
    assert client.post(detail_url(app) + "confirm/", {"confirm-received_on": "2026-02-10"}).status_code == 302
    page = client.get(detail_url(app)).content.decode()
    assert "2026-03-16" in page
    extend = {"extend-days": "20", "extend-reason": "需调取档案", "extend-approver": "李主任",
              "extend-extended_on": "2026-03-01"}
    assert client.post(detail_url(app) + "extend/", extend).status_code == 302
    assert "2026-04-14" in client.get(detail_url(app)).content.decode()
    again = client.post(detail_url(app) + "extend/", extend)
    assert again.status_code == 400 and "只能延长一次" in again.content.decode()
    reply = SimpleUploadedFile("reply.pdf", b"%PDF-1.4", content_type="application/pdf")
    answer = {"answer-outcome": "disclosed", "answer-answered_on": "2026-03-01", "answer-reply_letter": reply}
    assert client.post(detail_url(app) + "answer/", answer).status_code == 302
    app.refresh_from_db()
    assert app.outcome == "disclosed"
    download = client.get(detail_url(app) + "reply-letter/")
    assert download.status_code == 200
    assert PersonalDataView.objects.filter(action="下载答复书").exists()


@time_machine.travel("2026-12-20 10:00 +0800")
def test_staff_see_a_provisional_date_marked_when_the_calendar_ends(client, department):
    """Before: "暂无法计算". Now the weekends-only estimate (2027-01-15), marked as provisional."""
    app = application(department, D(2026, 12, 20))
    client.force_login(staff_of(department))
    detail = client.get(detail_url(app)).content.decode()
    assert "2027-01-15" in detail and "暂按周末推算" in detail
    listing = client.get("/admin/disclosure-applications/").content.decode()
    assert "2027-01-15" in listing and "暂按周末推算" in listing


def test_personal_data_never_reaches_the_catalogue_or_the_search_index(department):
    from haystack import connections

    app = application(department)
    assert not CatalogueEntry.objects.filter(body_text__contains=app.name).exists()
    indexed_models = connections["default"].get_unified_index().get_indexed_models()
    assert not any(model._meta.app_label == "disclosure" and model.__name__.startswith("Application")
                   for model in indexed_models)
    from wagtail.search.index import get_indexed_models

    assert all(not model.__name__.startswith("Application") for model in get_indexed_models())
