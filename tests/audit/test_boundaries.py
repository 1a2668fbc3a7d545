"""The rules pinned at their edges, with the clock frozen (Asia/Shanghai)."""

import datetime

from audit.evaluation import ColumnStatus, VetoState
from audit.models import VetoRule
from audit.report import build_report
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


def test_a_notice_column_updated_exactly_180_days_ago_is_fine_and_181_is_stale(opened_department):
    published_at(at(2025, 9, 1), opened_department, ColumnKind.NOTICES)
    day_180 = datetime.date(2025, 9, 1) + datetime.timedelta(days=180)
    assert day_180 == datetime.date(2026, 2, 28)
    assert column_status(day_180, opened_department, ColumnKind.NOTICES).status == ColumnStatus.WARNING
    stale = column_status(day_180 + datetime.timedelta(days=1), opened_department, ColumnKind.NOTICES)
    assert (stale.days_since, stale.status, stale.limit_days) == (181, ColumnStatus.STALE, 180)


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
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    def home(day):
        audit = report(day).find(opened_department.slug)
        return next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.DORMANT_HOME)
    assert home(datetime.date(2026, 3, 15)).state == VetoState.WARNING
    dormant = home(datetime.date(2026, 3, 16))
    assert (dormant.state, dormant.value) == (VetoState.FAIL, 15)


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
