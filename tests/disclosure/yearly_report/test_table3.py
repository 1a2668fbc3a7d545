"""Table 3 is computed from the applications, and 一 + 二 = 三（七）+ 四 holds in every column."""

import datetime

import pytest

from disclosure.applications.choices import OUTCOME_GROUPS, Outcome
from disclosure.applications.models import Application
from disclosure.yearly_report.table3 import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    COLUMNS,
    NEW,
    OUTCOMES_TOTAL,
    TOTAL,
    Table3,
    compute_table3,
)
from tests.disclosure.applications.builders import COMPANY, application

D = datetime.date
pytestmark = pytest.mark.django_db


def stored(organisation, received_on, answered_on=None, outcome="", data=None, **fields):
    app = application(organisation, received_on, **({"data": data} if data else {}), **fields)
    Application.objects.filter(pk=app.pk).update(answered_on=answered_on, outcome=outcome,
                                                 status="answered" if answered_on else "processing")
    return app


def test_every_outcome_of_the_official_table_is_a_row_in_order():
    outcomes = [outcome for _group, items in OUTCOME_GROUPS for outcome, _label in items]
    assert outcomes == list(Outcome)
    assert len(outcomes) == 2 + 8 + 3 + 5 + 3
    rows = Table3(2026).rows()
    assert rows[0][0].startswith("一、本年新收") and rows[1][0].startswith("二、上年结转")
    assert rows[2] == ("三、本年度办理结果", "", None)  # the heading row of the official table
    assert rows[-2][0] == "（七）总计" and rows[-1][0] == "四、结转下年度继续办理"
    assert len(rows) == 2 + 1 + 21 + 2
    assert [len(values) for _s, _l, values in rows if values is not None] == [7] * 25


def test_new_carried_over_outcomes_and_carried_forward_are_counted_by_applicant(department):
    other = department
    stored(department, D(2025, 12, 20), D(2026, 1, 10), Outcome.DISCLOSED)          # carried over, answered
    stored(department, D(2025, 12, 28))                                             # carried over, still open
    stored(department, D(2025, 6, 1), D(2025, 7, 1), Outcome.DISCLOSED)             # finished last year: not in 2026
    stored(department, D(2026, 3, 2), D(2026, 3, 20), Outcome.WITHHELD_PROCESS)     # new, answered
    stored(department, D(2026, 12, 30), D(2027, 1, 5), Outcome.PARTIALLY_DISCLOSED)  # new, answered next year
    stored(other, D(2026, 5, 6), D(2026, 5, 20), Outcome.NOT_HANDLED_REPEAT, data=COMPANY)
    stored(department, D(2026, 7, 1), D(2026, 7, 9), Outcome.OTHER, data={**COMPANY, "organisation_category": "research"})
    stored(department, D(2027, 1, 3))                                               # next year: not in 2026

    table = compute_table3(2026, department)
    assert table.value(NEW) == 4 and table.value(CARRIED_OVER) == 2
    assert table.value(NEW, "natural_person") == 2 and table.value(NEW, "business") == 1
    assert table.value(NEW, "research") == 1
    assert table.value(Outcome.DISCLOSED) == 1 and table.value(Outcome.WITHHELD_PROCESS) == 1
    assert table.value(Outcome.NOT_HANDLED_REPEAT, "business") == 1
    assert table.value(Outcome.OTHER, "research") == 1
    assert table.value(Outcome.PARTIALLY_DISCLOSED) == 0
    assert table.value(OUTCOMES_TOTAL) == 4 and table.value(CARRIED_FORWARD) == 2
    assert table.check() == []
    for column in COLUMNS:
        assert (table.value(NEW, column) + table.value(CARRIED_OVER, column)
                == table.value(OUTCOMES_TOTAL, column) + table.value(CARRIED_FORWARD, column))

    next_year = compute_table3(2027, department)
    assert next_year.value(CARRIED_OVER) == 2  # the one answered 2027-01-05 and the one still open
    assert next_year.value(NEW) == 1
    assert next_year.check() == []


def test_the_county_wide_table_adds_up_every_organisation(department, township):
    stored(department, D(2026, 3, 2), D(2026, 3, 20), Outcome.DISCLOSED)
    stored(township, D(2026, 4, 1))
    county = compute_table3(2026)
    assert county.value(NEW) == 2 and county.value(CARRIED_FORWARD) == 1
    assert compute_table3(2026, township).value(NEW) == 1


def test_the_check_catches_an_unbalanced_table():
    table = Table3(2026)
    table.add(NEW, "natural_person")
    assert table.check() == ["natural_person", TOTAL]
    table.add(CARRIED_FORWARD, "natural_person")
    assert table.check() == []


def test_a_snapshot_round_trips():
    table = Table3(2026)
    table.add(NEW, "business")
    table.add(Outcome.DISCLOSED, "business")
    table.add(OUTCOMES_TOTAL, "business")
    again = Table3.from_snapshot(table.to_snapshot())
    assert again.counts == table.counts and again.rows() == table.rows()
