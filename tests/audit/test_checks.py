"""The system check notices a column kind or veto without its rule row."""

import pytest

from audit.checks import check_rules_complete
from audit.models import ColumnRule, VetoRule


@pytest.mark.django_db
def test_seeded_rules_pass_the_check():
    assert check_rules_complete(databases=["default"]) == []


@pytest.mark.django_db
def test_a_missing_rule_row_is_reported():
    ColumnRule.objects.filter(column_kind="news").delete()
    VetoRule.objects.filter(code="interaction").delete()
    ids = sorted(problem.id for problem in check_rules_complete(databases=["default"]))
    assert ids == ["audit.W001", "audit.W002"]
