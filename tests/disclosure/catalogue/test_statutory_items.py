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


def test_the_disclosure_column_is_laid_out_as_the_rules_say(client, county, department):
    """国办公开办函〔2019〕61号: 指南 · 制度 · 法定主动公开内容 · 年报 · 依申请公开, in that order."""
    html = client.get(f"/disclosure/{department.slug}/").content.decode()
    positions = [html.index(label) for label in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开")]
    assert positions == sorted(positions)
    assert f'href="/disclosure/{department.slug}/statutory/"' in html
    assert f'href="/disclosure/{department.slug}/rules/"' in html


def test_the_statutory_page_lists_each_item_with_its_latest_entries_and_state(client, county, department):
    finance = column(department, ColumnKind.FINANCE)
    with at(D(2026, 3, 10)):
        article(finance, title="示例县教育局2026年部门预算公开", statutory_item=StatutoryItem.objects.get(code="a20-07-budget"))
    with time_machine.travel(datetime.datetime(2026, 11, 25, 10, tzinfo=SHANGHAI), tick=False):
        response = client.get(f"/disclosure/{department.slug}/statutory/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "示例县教育局2026年部门预算公开" in html
    budget = html[html.index("<h2>财政预算信息</h2>"):]
    assert "已公开" in budget[:400]
    accounts = html[html.index("<h2>财政决算信息</h2>"):]
    assert "应公开未公开" in accounts[:400]
    assert "财政收支、各类专项资金的管理和使用情况" not in html  # a township item


def test_the_rules_page_lists_entries_filed_under_the_rules_item(client, county, department):
    rules = StatutoryItem.objects.get(code="gk-rules")
    with at(D(2026, 3, 10)):
        article(column(department, ColumnKind.NOTICES), title="示例县教育局政府信息公开保密审查制度", statutory_item=rules)
        article(column(department, ColumnKind.NOTICES), title="示例县教育局召开会议")
    html = client.get(f"/disclosure/{department.slug}/rules/").content.decode()
    assert "示例县教育局政府信息公开保密审查制度" in html
    assert "示例县教育局召开会议" not in html


def test_an_unknown_organisation_has_no_statutory_page(client, county):
    assert client.get("/disclosure/nosuch/statutory/").status_code == 404


def test_the_information_office_reads_the_due_items_report_and_others_may_not(client, county, department):
    from django.contrib.auth.models import User

    from departments.roles import ensure_information_office_group
    from tests.factories import user_in

    office = user_in(ensure_information_office_group())
    client.force_login(office)
    with time_machine.travel(datetime.datetime(2026, 11, 25, 10, tzinfo=SHANGHAI), tick=False):
        response = client.get("/admin/audit/due-items/", {"as_of": "2026-11-25"})
        assert response.status_code == 200
        assert department.name in response.content.decode()
        detail = client.get(f"/admin/audit/due-items/{department.slug}/", {"as_of": "2026-11-25"})
        assert detail.status_code == 200
        assert "财政决算信息" in detail.content.decode() and "应公开未公开" in detail.content.decode()
        # The header names the report and the organisation, not only 首页 (Wagtail's default breadcrumbs).
        assert [item["label"] for item in response.context["breadcrumbs_items"]][1:] == ["法定公开事项检查"]
        assert [(item["url"], item["label"]) for item in detail.context["breadcrumbs_items"]][1:] == [
            ("/admin/audit/due-items/", "法定公开事项检查"), ("", department.name)]
        data = client.get("/admin/audit/due-items/", {"as_of": "2026-11-25", "format": "json"}).json()
        education = next(row for row in data["organisations"] if row["slug"] == department.slug)
        portal = data["websites"][0]
        assert set(portal["channels"]) == {county.slug, department.slug}
        assert portal["counts"]["not_published"] == 6  # budget, final accounts and yearly report of each
        assert {"kind": "not_published", "item": "a20-07-final-accounts"}.items() <= next(
            f for f in education["findings"] if f["item"] == "a20-07-final-accounts"
        ).items()
        bad = client.get("/admin/audit/due-items/", {"as_of": "2026-13-01"})
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.content.decode()
    editor = User.objects.create_user("editor-only", password="pw")
    editor.groups.add(department.editors_group)
    client.force_login(editor)
    assert client.get("/admin/audit/due-items/").status_code == 403


def test_due_items_command_prints_json(county, department):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("due_items", "--as-of", "2026-11-25", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["as_of"] == "2026-11-25"
    assert department.slug in {row["slug"] for row in data["organisations"]}
