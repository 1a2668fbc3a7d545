"""法定主动公开内容: which items apply to whom, where entries are filed, and what is due or late on a date."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from departments.models import Leader, Organisation
from disclosure.catalogue.due_items import FindingKind, due_items
from disclosure.catalogue.statutory import ItemAdoption, Schedule, StatutoryItem
from portal.column_kinds import ColumnKind
from tests.factories import article, column, make_organisation, policy

D = datetime.date
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def at(day, hour=10):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False)


def complete_facts(organisation):
    organisation.address = "示例县人民路1号"
    organisation.office_hours = "工作日 8:30—17:30"
    organisation.phone = "0571-12345678"
    organisation.responsibilities = "<p>负责全县有关工作。</p>"
    organisation.internal_structure = "办公室、业务科"
    organisation.save()
    Leader.objects.create(organisation=organisation, name="张明", position="局长")
    return organisation


def report_for(organisation, as_of, **kwargs):
    return next(due for due in due_items(as_of, **kwargs) if due.organisation.pk == organisation.pk)


def kinds(due):
    return sorted((finding.kind, finding.item.code if finding.item else "") for finding in due.findings)


@pytest.fixture
def monthly_item(department):
    return StatutoryItem.objects.create(
        code="local-monthly-statistics", name="统计月报", legal_basis="《中华人民共和国统计法》",
        schedule=Schedule.MONTHLY, due_day=20, organisation=department,
    )


def test_the_national_items_are_seeded_from_articles_20_and_21(db):
    """Art. 20 has 15 groups for every organ; art. 21 adds county-level and township items."""
    codes = set(StatutoryItem.objects.national().values_list("code", flat=True))
    assert {f"a20-{n:02d}" for n in range(1, 16)} <= {code[:6] for code in codes}
    budget = StatutoryItem.objects.get(code="a20-07-budget")
    assert budget.schedule == Schedule.YEARLY
    assert "第二十条第（七）项" in budget.legal_basis
    assert StatutoryItem.objects.get(code="a21-township-finance").applies_to == "township"


def test_a_township_only_item_does_not_apply_to_a_department(county, department, township):
    department_codes = {item.code for item in report_for(department, D(2026, 11, 25)).applicable_items}
    township_codes = {item.code for item in report_for(township, D(2026, 11, 25)).applicable_items}
    assert "a21-township-finance" in township_codes
    assert "a21-township-finance" not in department_codes
    assert "a20-07-budget" in department_codes and "a20-07-budget" in township_codes


def test_an_item_marked_not_applying_leaves_the_organisations_list(county, department):
    item = StatutoryItem.objects.get(code="a20-06-penalties")
    assert item in report_for(department, D(2026, 11, 25)).applicable_items
    ItemAdoption.objects.create(organisation=department, item=item, applies=False, reason="本机构无行政处罚职权。")
    assert item not in report_for(department, D(2026, 11, 25)).applicable_items


def test_entries_are_filed_under_the_item_their_column_stands_for(county, department):
    with at(D(2026, 3, 2)):
        in_policies = policy(column(department, ColumnKind.POLICIES), written_date=D(2026, 3, 1))
        in_news = article(column(department, ColumnKind.NEWS))
    assert in_policies.catalogue_entry.statutory_item.code == "a20-01-normative-documents"
    assert in_news.catalogue_entry.statutory_item is None


def test_an_editors_choice_of_item_wins_over_the_column(county, department):
    chosen = StatutoryItem.objects.get(code="a20-12-emergencies")
    with at(D(2026, 3, 2)):
        page = article(column(department, ColumnKind.NEWS), statutory_item=chosen)
    assert page.catalogue_entry.statutory_item == chosen


def test_a_document_made_before_a_holiday_is_late_only_after_twenty_working_days(county, department):
    """Made 2026-09-21: the 20th working day is 2026-10-26 (国庆 8 days off, 2 adjusted working days)."""
    policies = column(department, ColumnKind.POLICIES)
    with at(D(2026, 10, 26)):
        on_time = policy(policies, title="按时公开的文件", number="示教发〔2026〕7号", written_date=D(2026, 9, 21))
    with at(D(2026, 10, 27)):
        late = policy(policies, title="逾期公开的文件", number="示教发〔2026〕8号", written_date=D(2026, 9, 21))
    findings = [f for f in report_for(department, D(2026, 11, 25)).findings if f.kind == FindingKind.PUBLISHED_LATE]
    assert [finding.index_number for finding in findings] == [late.catalogue_entry.index_number]
    assert "相隔 21 个工作日" in findings[0].detail
    assert on_time.catalogue_entry.index_number not in {f.index_number for f in findings}


def test_a_recurring_monthly_item_missed_for_one_month_is_due(county, department, monthly_item):
    news = column(department, ColumnKind.NEWS)
    for month in range(1, 11):
        if month == 7:
            continue  # the July figures were never published
        published = D(2026, month + 1, 10)
        with at(published):
            article(news, title=f"2026年{month}月统计月报", statutory_item=monthly_item)
    due = report_for(department, D(2026, 11, 25), lookback_days=300)
    missing = [f for f in due.findings if f.item == monthly_item]
    assert [(f.kind, f.period, f.due_date) for f in missing] == [
        (FindingKind.NOT_PUBLISHED, "2026年7月", D(2026, 8, 20))
    ]


def test_a_yearly_budget_published_after_its_deadline_is_late_and_one_never_published_is_due(county, department):
    finance = column(department, ColumnKind.FINANCE)
    with at(D(2026, 5, 6)):
        article(finance, title="示例县教育局2026年部门预算公开", statutory_item=StatutoryItem.objects.get(code="a20-07-budget"))
    findings = {f.item.code: f for f in report_for(department, D(2026, 11, 25)).findings if f.item}
    assert findings["a20-07-budget"].kind == FindingKind.PUBLISHED_LATE
    assert findings["a20-07-budget"].due_date == D(2026, 4, 20)
    assert findings["a20-07-final-accounts"].kind == FindingKind.NOT_PUBLISHED
    assert findings["a20-07-final-accounts"].due_date == D(2026, 9, 20)


def test_nothing_is_due_before_its_deadline(county, department):
    findings = report_for(department, D(2026, 4, 20), lookback_days=100).findings
    assert "a20-07-budget" not in {f.item.code for f in findings if f.item}
    findings = report_for(department, D(2026, 4, 21), lookback_days=100).findings
    assert "a20-07-budget" in {f.item.code for f in findings if f.item}


def test_a_missing_organisation_fact_is_a_due_item(county, department):
    facts = [f.detail for f in report_for(department, D(2026, 11, 25)).findings if f.kind == FindingKind.FACT_MISSING]
    assert facts == ["未填写机构职能。", "未填写机构设置。", "未填写办公地址。", "未填写办公时间。", "未填写联系方式。", "未填写负责人姓名。"]
    complete_facts(department)
    assert not [f for f in report_for(department, D(2026, 11, 25)).findings if f.kind == FindingKind.FACT_MISSING]


def test_an_item_that_needs_a_column_and_has_none_is_listed(county, department):
    assert FindingKind.NO_COLUMN not in {f.kind for f in report_for(department, D(2026, 11, 25)).findings}
    column(department, ColumnKind.FINANCE).delete()
    no_column = {f.item.code for f in report_for(department, D(2026, 11, 25)).findings if f.kind == FindingKind.NO_COLUMN}
    assert no_column == {"a20-07-budget", "a20-07-final-accounts"}


def test_a_column_mapped_by_hand_gives_an_item_its_place(county, department):
    column(department, ColumnKind.FINANCE).delete()
    other = column(department, ColumnKind.NOTICES)
    other.statutory_items.add(StatutoryItem.objects.get(code="a20-07-budget"))
    other.save_revision().publish()
    no_column = {f.item.code for f in report_for(department, D(2026, 11, 25)).findings if f.kind == FindingKind.NO_COLUMN}
    assert no_column == {"a20-07-final-accounts"}


def test_the_report_costs_the_same_queries_for_two_or_six_organisations(county, department):
    def count():
        with CaptureQueriesContext(connection) as queries:
            due_items(D(2026, 11, 25))
        return len(queries)

    two = count()
    for number in range(4):
        make_organisation(f"示例县测试局乙{number}", f"yi{number}", Organisation.Kind.TOWNSHIP)
    assert count() == two
