"""The security log stores a valid address or none: "unknown" (a request without REMOTE_ADDR, as Django's
test client's force_login makes) broke PostgreSQL's inet column and, with it, the caller's transaction."""

import pytest
from django.test import RequestFactory

from security.events import client_address
from security.models import SecurityEvent
from tests.factories import user_in

pytestmark = pytest.mark.django_db


def test_an_address_that_is_not_one_is_stored_as_none():
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_address(request) is None
    request.META["REMOTE_ADDR"] = "unknown"
    assert client_address(request) is None
    request.META["REMOTE_ADDR"] = "203.0.113.7"
    assert client_address(request) == "203.0.113.7"


def test_a_login_without_an_address_is_logged_and_the_request_goes_on(client, department):
    user = user_in(department.editors_group, username="jyj-editor-log")
    client.force_login(user)  # Django logs in through an HttpRequest with no REMOTE_ADDR
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.LOGIN, username="jyj-editor-log")
    assert event.ip_address is None
    assert client.get("/admin/").status_code == 200
