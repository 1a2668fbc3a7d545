"""Rules are data: seeded with the national defaults, editable, never negative."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audit.models import ColumnRule, VetoRule
from portal.column_kinds import ColumnKind


@pytest.mark.django_db
def test_the_national_defaults_are_seeded_for_every_column_kind():
    limits = {kind: (days, months) for kind, days, months in ColumnRule.objects.values_list("column_kind", "limit_days", "limit_months")}
    assert set(limits) == set(ColumnKind.values)
    assert limits[ColumnKind.NEWS] == limits[ColumnKind.HEADLINES] == (14, None)
    # "6 months" and "1 year" are calendar months, not 180 / 365 days.
    assert limits[ColumnKind.NOTICES] == limits[ColumnKind.POLICIES] == (None, 6)
    assert limits[ColumnKind.PERSONNEL] == limits[ColumnKind.PLANNING] == (None, 12)
    assert limits[ColumnKind.GUIDES] == (None, None)
    assert "国办秘函〔2019〕19号" in ColumnRule.objects.get(column_kind=ColumnKind.NEWS).source


@pytest.mark.django_db
def test_the_whole_site_vetoes_are_seeded_as_the_inspection_states_them():
    thresholds = dict(VetoRule.objects.values_list("code", "threshold"))
    assert thresholds == {
        "stale_frequent": 5, "overdue_columns": 10, "empty_columns": 5, "dormant_home": 14,
        "false_dates": 1, "interaction": 1, "unreachable": 5, "content_errors": 1, "service": 4,
    }
    for rule in VetoRule.objects.all():
        assert "国办秘函〔2019〕19号" in rule.explanation


@pytest.mark.django_db
def test_a_negative_limit_is_refused_with_a_clear_message():
    rule = ColumnRule.objects.get(column_kind=ColumnKind.NEWS)
    rule.limit_days = -1
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "不能为负数" in str(error.value)


@pytest.mark.django_db
def test_the_database_refuses_a_negative_threshold_even_without_validation():
    with pytest.raises(IntegrityError), transaction.atomic():
        VetoRule.objects.filter(code="empty_columns").update(threshold=-3)


@pytest.mark.django_db
def test_a_warning_later_than_the_limit_is_refused():
    rule = ColumnRule.objects.get(column_kind=ColumnKind.NEWS)
    rule.warning_days = 20
    with pytest.raises(ValidationError, match="提醒天数不能大于更新期限"):
        rule.full_clean()


@pytest.mark.django_db
def test_the_office_edits_a_rule_in_the_admin_and_a_negative_value_is_shown_as_an_error(client):
    from departments.roles import ensure_information_office_group
    from tests.factories import user_in

    client.force_login(user_in(ensure_information_office_group()))
    rule = ColumnRule.objects.get(column_kind=ColumnKind.NEWS)
    url = f"/admin/audit/rules/columns/edit/{rule.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"limit_days": "-5", "warning_days": "3", "counts_toward_frequent_veto": "on"})
    assert response.status_code == 200
    assert "不能为负数" in response.content.decode()
    response = client.post(url, {"limit_days": "7", "warning_days": "5", "counts_toward_frequent_veto": "on"})
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.limit_days == 7


@pytest.mark.django_db
def test_a_changed_limit_changes_the_verdict(opened_department):
    import datetime

    from audit.findings import build_report
    from tests.audit.builders import published_at
    from tests.audit.conftest import at

    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    day = datetime.date(2026, 3, 9)
    def news():
        audit = build_report(day, feed_function=lambda as_of: {}).find("jyj")
        return next(column for column in audit.columns if column.kind == ColumnKind.NEWS)
    assert news().status == "ok"
    ColumnRule.objects.filter(column_kind=ColumnKind.NEWS).update(limit_days=7, warning_days=5)
    assert news().status == "stale"
