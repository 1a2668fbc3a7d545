"""Builders for the organisation admin: the form data a browser would POST."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from departments.roles import INFORMATION_OFFICE_GROUP
from tests import factories

ADD_URL = "wagtailsnippets_departments_organisation:add"
EDIT_URL = "wagtailsnippets_departments_organisation:edit"
LIST_URL = "wagtailsnippets_departments_organisation:list"


def organisation_post(**overrides):
    """What the admin's 新增机构 form sends, leaders inline formset (with its management form) included."""
    leaders = overrides.pop("leaders", [{"name": "王建国", "position": "局长", "duties": "主持全面工作。"}])
    data = {
        "name": "示例县交通运输局",
        "short_name": "交通运输局",
        "slug": "jtysj",
        "kind": "department",
        "credit_code": factories.credit_code(),
        "address": "示例县人民路8号",
        "phone": "0571-88880001",
        "fax": "",
        "email": "",
        "office_hours": "工作日 8:30-12:00，14:30-17:30",
        "responsibilities": rich_text("<p>负责全县公路、水路交通行业管理。</p>"),
        "leaders": inline_formset([{**leader, "ORDER": str(number)} for number, leader in enumerate(leaders, 1)]),
        "sort_order": "10",
        "banner_colour": "",
        "hostname": "",
        "active": "on",
    }
    data.update(overrides)
    if not data["active"]:
        del data["active"]
    return nested_form_data(data)


@pytest.fixture
def office_user(db, county):
    """A member of the county information office (县政务公开办)."""
    return factories.user_in(Group.objects.get(name=INFORMATION_OFFICE_GROUP), username="xxb")


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client
