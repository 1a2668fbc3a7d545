"""The rules pinned at their edges, with the clock frozen (Asia/Shanghai)."""

import datetime

from audit.evaluation import ColumnStatus, VetoState
from audit.findings import build_report
from audit.models import VetoRule
from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at, withdrawn_at
from tests.audit.conftest import at


def report(day, feed=None):
    return build_report(day, feed_function=feed or (lambda as_of: {}))


def column_status(day, organisation, kind):
    audit = report(day).find(organisation.slug)
    return next(column for column in audit.columns if column.kind == kind)


def test_a_news_column_updated_14_days_ago_is_fine_and_at_15_days_is_stale(opened_department):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    at_14 = column_status(datetime.date(2026, 3, 15), opened_department, ColumnKind.NEWS)
    at_15 = column_status(datetime.date(2026, 3, 16), opened_department, ColumnKind.NEWS)
    assert (at_14.days_since, at_14.status) == (14, ColumnStatus.WARNING)
    assert (at_15.days_since, at_15.status) == (15, ColumnStatus.STALE)
    assert at_14.due_on == datetime.date(2026, 3, 15)


def test_a_news_column_warns_from_day_10_not_before(opened_department):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    assert column_status(datetime.date(2026, 3, 10), opened_department, ColumnKind.NEWS).status == ColumnStatus.OK
    assert column_status(datetime.date(2026, 3, 11), opened_department, ColumnKind.NEWS).status == ColumnStatus.WARNING


def test_a_notice_column_is_fine_for_6_calendar_months_and_stale_the_day_after(opened_department):
    """Updated 2025-09-01: 6 months end on 2026-03-01 (181 days), not after 180 days on 2026-02-28."""
    published_at(at(2025, 9, 1), opened_department, ColumnKind.NOTICES)
    assert column_status(datetime.date(2026, 2, 28), opened_department, ColumnKind.NOTICES).status == ColumnStatus.WARNING
    last_day = column_status(datetime.date(2026, 3, 1), opened_department, ColumnKind.NOTICES)
    assert (last_day.days_since, last_day.status, last_day.due_on) == (181, ColumnStatus.WARNING, datetime.date(2026, 3, 1))
    stale = column_status(datetime.date(2026, 3, 2), opened_department, ColumnKind.NOTICES)
    assert (stale.days_since, stale.status, stale.limit_days, stale.limit_months) == (182, ColumnStatus.STALE, 181, 6)


def test_a_column_last_updated_on_31_may_is_fresh_on_30_november(opened_department):
    """The issue's own example: 2026-05-31 + 6 calendar months is 2026-11-30 (183 days)."""
    published_at(at(2026, 5, 31), opened_department, ColumnKind.POLICIES)
    assert column_status(datetime.date(2026, 11, 30), opened_department, ColumnKind.POLICIES).status != ColumnStatus.STALE
    assert column_status(datetime.date(2026, 12, 1), opened_department, ColumnKind.POLICIES).status == ColumnStatus.STALE


def test_an_item_published_at_half_past_midnight_beijing_time_counts_for_that_day(opened_department):
    published_at(at(2026, 3, 1, 0, 30), opened_department, ColumnKind.NEWS)
    on_the_eve = report(datetime.date(2026, 2, 28)).find(opened_department.slug)
    on_the_day = report(datetime.date(2026, 3, 1)).find(opened_department.slug)
    assert on_the_eve.items_30d == 0
    assert on_the_day.items_30d == 1
    news = next(column for column in on_the_day.columns if column.kind == ColumnKind.NEWS)
    assert news.reference_date == datetime.date(2026, 3, 1)
    assert news.days_since == 0


def test_an_item_withdrawn_after_the_as_of_date_still_counts_on_that_date(opened_department):
    page = published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    withdrawn_at(at(2026, 3, 20), page)
    before = column_status(datetime.date(2026, 3, 10), opened_department, ColumnKind.NEWS)
    on_withdrawal_day = column_status(datetime.date(2026, 3, 20), opened_department, ColumnKind.NEWS)
    assert before.status == ColumnStatus.OK and before.total == 1
    assert on_withdrawal_day.status == ColumnStatus.EMPTY


def test_a_column_with_nothing_published_is_empty_since_it_opened(opened_department):
    day = datetime.date(2025, 2, 1)
    audit = report(day).find(opened_department.slug)
    guides = next(column for column in audit.columns if column.kind == ColumnKind.GUIDES)
    assert guides.status == ColumnStatus.EMPTY
    assert guides.days_since == 30
    assert audit.empty_columns == 9
    empty_veto = next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.EMPTY_COLUMNS)
    assert empty_veto.state == VetoState.FAIL
    assert audit.fails_inspection


def test_a_column_opened_after_the_as_of_date_is_not_audited(opened_department):
    audit = report(datetime.date(2025, 1, 1)).find(opened_department.slug)
    assert audit is None or audit.columns == []


def test_a_false_display_date_does_not_make_a_column_fresh(opened_department):
    published_at(at(2026, 1, 5), opened_department, ColumnKind.NEWS)
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS, title="补发的会议消息", display_date=at(2026, 2, 20))
    audit = report(datetime.date(2026, 3, 2)).find(opened_department.slug)
    news = next(column for column in audit.columns if column.kind == ColumnKind.NEWS)
    assert news.reference_date == datetime.date(2026, 1, 5)
    assert news.status == ColumnStatus.STALE
    assert audit.false_dates == 1
    assert any(v["rule"] == "false_date" and v["column"] == "工作动态" for v in audit.violations())


def test_a_display_date_within_a_day_of_publication_is_honest(opened_department):
    published_at(at(2026, 3, 1, 9), opened_department, ColumnKind.NEWS, display_date=at(2026, 2, 28, 9))
    audit = report(datetime.date(2026, 3, 2)).find(opened_department.slug)
    assert audit.false_dates == 0


def test_the_home_page_is_dormant_after_14_days_without_anything_new(opened_department):
    """The rule judges the website's home: the county portal's, whose columns are the county government's."""
    from departments.models import Organisation

    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    published_at(at(2026, 3, 1), county, ColumnKind.HEADLINES)
    def home(day):
        audit = report(day).find(county.slug)
        return next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.DORMANT_HOME)
    assert home(datetime.date(2026, 3, 15)).state == VetoState.WARNING
    dormant = home(datetime.date(2026, 3, 16))
    assert (dormant.state, dormant.value) == (VetoState.FAIL, 15)


def test_a_department_channel_is_not_failed_for_its_own_dormant_page(opened_department):
    """自然资源和规划局's page is a channel of the portal, not a website home: 首页不更新 does not apply to it."""
    published_at(at(2026, 1, 5), opened_department, ColumnKind.NEWS)
    audit = report(datetime.date(2026, 3, 16)).find(opened_department.slug)
    home = next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.DORMANT_HOME)
    assert home.state == VetoState.NOT_APPLICABLE
    assert not any(v["rule"] == "dormant_home" for v in audit.violations())


def test_five_stale_frequent_columns_fail_inspection_and_three_warn(opened_department):
    import time_machine

    from portal.models import ColumnPage
    from tests.audit.conftest import OPENED
    from tests.factories import article, publish

    for kind in (ColumnKind.NEWS, ColumnKind.NOTICES, ColumnKind.POLICIES):
        published_at(at(2025, 1, 3), opened_department, kind)
    with time_machine.travel(OPENED, tick=False):
        for number in range(2):
            publish(opened_department.home_page, ColumnPage(title=f"专题动态{number}", slug=f"ztdt{number}", kind=ColumnKind.NEWS))
    with time_machine.travel(at(2025, 1, 3), tick=False):
        for page in ColumnPage.objects.filter(slug__startswith="ztdt"):
            article(page)
    audit = report(datetime.date(2025, 7, 20)).find(opened_department.slug)
    frequent = next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.STALE_FREQUENT)
    assert (frequent.value, frequent.state) == (5, VetoState.FAIL)
    assert {"rule": "veto_stale_frequent", "column": None, "last_published": None, "days_since": None, "limit_days": None} in audit.violations()
    three_weeks = report(datetime.date(2025, 1, 25)).find(opened_department.slug)
    frequent = next(veto for veto in three_weeks.vetoes if veto.code == VetoRule.Code.STALE_FREQUENT)
    assert (frequent.value, frequent.state) == (3, VetoState.WARNING)
