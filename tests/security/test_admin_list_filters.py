"""Admin list filters read dates and numbers strictly (security/admin_fields.py, security/integer_lookups.py):
a calendar edge or a number no column holds is a filter error shown on the page, not a 500."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError

from security.admin_fields import StrictDateRangeField, StrictDecimalField, StrictNumberRangeField

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("path, query", [
    ("/admin/reports/security-log/", {"at_from": "0001-01-01"}),
    ("/admin/reports/security-log/", {"at_to": "9999-12-31"}),
    ("/admin/pages/", {"latest_revision_created_at_from": "0001-01-01"}),
    ("/admin/users/", {"last_login_from": "0001-01-01"}),
])
def test_a_date_range_on_a_calendar_edge_is_a_filter_error(superuser_client, path, query):
    response = superuser_client.get(path, query)
    assert response.status_code == 200
    assert "日期应在 1900-01-01 至 2999-12-31 之间。" in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/images/", "/admin/documents/"])
def test_a_usage_count_no_column_holds_is_a_filter_error(superuser_client, path):
    response = superuser_client.get(path, {"usage_count_max": HUGE})
    assert response.status_code == 200
    assert "输入一个数字。" in response.content.decode()


def test_a_group_id_no_column_holds_matches_nothing(superuser_client):
    response = superuser_client.get("/admin/users/", {"group": HUGE})
    assert response.status_code == 200


def test_in_on_an_integer_column_leaves_out_numbers_it_cannot_hold():
    group = Group.objects.create(name="示例组")
    assert list(Group.objects.filter(pk__in=[10**23])) == []
    assert list(Group.objects.filter(pk__in=[group.pk, 10**23, -(10**23)])) == [group]


def test_in_through_a_foreign_key_or_many_to_many_leaves_out_numbers_no_key_holds():
    group = Group.objects.create(name="示例组")
    member = User.objects.create_user("member")
    member.groups.add(group)
    assert list(User.objects.filter(groups__in=[10**23])) == []
    assert list(User.objects.filter(groups__in=[group.pk, 10**23])) == [member]
    assert list(Group.objects.filter(user__in=[member.pk, -(10**23)])) == [group]


def test_the_strict_date_range_keeps_a_real_range():
    chosen = StrictDateRangeField().clean(["2026-11-01", "2026-11-30"])
    start, stop = chosen.start, chosen.stop
    assert (start.date(), start.time()) == (datetime.date(2026, 11, 1), datetime.time.min)
    assert (stop.date(), stop.time()) == (datetime.date(2026, 11, 30), datetime.time.max)


@pytest.mark.parametrize("value", ["٣", "²", HUGE, "1e5", "0x10"])
def test_a_number_filter_takes_ascii_numbers_of_at_most_18_digits(value):
    with pytest.raises(ValidationError):
        StrictDecimalField().clean(value)


def test_a_number_range_keeps_decimals_and_signs():
    assert StrictNumberRangeField().clean(["-1", "2.5"]) == slice(-1, 2.5)
