"""Deductions counted from the catalogue: 旧稿新发, 逾期公开 (条例 art. 26), 行政规范性文件 without 政策解读."""

import datetime
import io
import json

import time_machine
from django.core.management import call_command
from openpyxl import load_workbook

from audit.evaluation import ColumnStatus
from audit.findings import build_report
from departments.models import Organisation
from departments.roles import ensure_information_office_group
from portal.column_kinds import ColumnKind
from portal.models import PolicyInterpretationPage
from tests.audit.conftest import at
from tests.factories import article, column, policy, publish, user_in

NOW = at(2026, 3, 10, 12)
BODY = "为进一步做好全县春季农业生产工作，确保粮食安全，现将有关事项通知如下：各乡镇要抓好春耕备耕。"
TITLE = "关于做好2026年春耕生产工作的通知"


def report(day):
    return build_report(day, feed_function=lambda as_of: {})


def deduction(website, rule):
    return next((item for item in website.deductions if item["rule"] == rule), None)


def publish_at(moment, parent, **fields):
    with time_machine.travel(moment, tick=False):
        return article(parent, **fields)


def county():
    return Organisation.objects.get(kind=Organisation.Kind.COUNTY)


def headline(report_, organisation_slug):
    audit = report_.find(organisation_slug)
    return next(item for item in audit.columns if item.kind == ColumnKind.HEADLINES)


def test_a_republished_article_does_not_freshen_its_column_and_is_listed_with_both_urls(opened_department):
    headlines = column(county(), ColumnKind.HEADLINES)
    original = publish_at(at(2026, 1, 5), headlines, title=TITLE, body=BODY)
    copy = publish_at(at(2026, 3, 5), headlines, title=f" {TITLE} ", body=BODY.replace("，", ", "), slug="copy")

    before = report(datetime.date(2026, 3, 4))
    assert deduction(before.websites[0], "republished_article") is None

    result = report(datetime.date(2026, 3, 10))
    fresh = headline(result, "county")
    assert fresh.last_published.date() == datetime.date(2026, 1, 5)
    assert fresh.status == ColumnStatus.STALE
    found = deduction(result.websites[0], "republished_article")
    assert found["count"] == 1 and found["points"] == 2
    assert found["evidence"] == [{
        "title": copy.title, "url": copy.full_url, "column": "要闻动态", "published": "2026-03-05",
        "display_date": "2026-03-05", "original_url": original.full_url, "original_published": "2026-01-05",
    }]


def test_the_same_text_from_another_organisation_or_with_new_words_is_an_update(opened_department):
    publish_at(at(2026, 1, 5), column(county(), ColumnKind.HEADLINES), title=TITLE, body=BODY)
    publish_at(at(2026, 3, 5), column(opened_department, ColumnKind.NEWS), title=TITLE, body=BODY)
    publish_at(at(2026, 3, 6), column(county(), ColumnKind.HEADLINES), title=TITLE, body=BODY + "请各单位于3月底前报送进展。",
               slug="followup")
    result = report(datetime.date(2026, 3, 10))
    assert deduction(result.websites[0], "republished_article") is None
    assert headline(result, "county").last_published.date() == datetime.date(2026, 3, 6)


def test_a_withdrawn_copy_is_no_longer_listed(opened_department):
    headlines = column(county(), ColumnKind.HEADLINES)
    publish_at(at(2026, 1, 5), headlines, title=TITLE, body=BODY)
    copy = publish_at(at(2026, 3, 5), headlines, title=TITLE, body=BODY, slug="copy")
    with time_machine.travel(at(2026, 3, 8), tick=False):
        copy.unpublish()
    assert deduction(report(datetime.date(2026, 3, 7)).websites[0], "republished_article")["count"] == 1
    assert deduction(report(datetime.date(2026, 3, 10)).websites[0], "republished_article") is None


def test_a_document_published_over_20_working_days_after_it_was_made_is_deducted(opened_department):
    """Made 2026-01-05, published 2026-03-02: the Spring Festival holiday is not counted, 36 working days (14 and 28 February are adjusted working days)."""
    with time_machine.travel(at(2026, 3, 2), tick=False):
        late = policy(column(opened_department, ColumnKind.POLICIES), written_date=datetime.date(2026, 1, 5))
    with time_machine.travel(at(2026, 1, 20), tick=False):
        policy(column(opened_department, ColumnKind.POLICIES), title="关于印发示例县春运工作方案的通知", number="示政发〔2026〕1号",
               written_date=datetime.date(2026, 1, 6), slug="on-time")
    result = report(datetime.date(2026, 3, 10))
    found = deduction(result.websites[0], "late_publication")
    assert found["count"] == 1
    assert found["evidence"] == [{
        "title": late.title, "url": late.full_url, "index_number": late.catalogue_entry.index_number,
        "written_date": "2026-01-05", "published": "2026-03-02", "working_days": 36, "limit": 20,
    }]


def test_late_documents_read_in_batches_are_all_listed_newest_first(opened_department, monkeypatch):
    """The late entries' titles and URLs are read in batches: a batch boundary loses or reorders nothing."""
    from disclosure.catalogue import due_items

    monkeypatch.setattr(due_items, "DETAIL_BATCH", 2)
    policies = column(opened_department, ColumnKind.POLICIES)
    late = []
    for day in (2, 3, 4, 5, 6):
        with time_machine.travel(at(2026, 3, day), tick=False):
            late.append(policy(policies, title=f"关于第{day}批春耕物资调度的通知", number=f"示政发〔2026〕{day}号",
                               written_date=datetime.date(2026, 1, 5), slug=f"late-{day}"))
    found = deduction(report(datetime.date(2026, 3, 10)).websites[0], "late_publication")
    assert found["count"] == 5
    assert [item["url"] for item in found["evidence"]] == [page.full_url for page in reversed(late)]
    assert [item["published"] for item in found["evidence"]] == [f"2026-03-0{day}" for day in (6, 5, 4, 3, 2)]


def normative(parent, moment, **fields):
    with time_machine.travel(moment, tick=False):
        return policy(parent, is_normative=True, normative_registration_number="SXDR-2026-0001", **fields)


def interpret(parent, document, moment):
    with time_machine.travel(moment, tick=False):
        page = PolicyInterpretationPage(title=f"《{document.title}》政策解读", policy=document,
                                        body=[("paragraph", "<p>一、起草背景。二、主要内容。</p>")])
        return publish(parent, page)


def test_a_normative_document_without_an_interpretation_is_deducted_after_3_working_days(opened_department):
    documents = column(opened_department, ColumnKind.POLICIES)
    explained = normative(documents, at(2026, 2, 2), title="示例县农村集体资产管理办法", number="示政规〔2026〕1号")
    bare = normative(documents, at(2026, 2, 3), title="示例县城镇老旧小区改造管理办法", number="示政规〔2026〕2号", slug="bare")
    normative(documents, at(2026, 3, 9), title="示例县物业服务管理办法", number="示政规〔2026〕3号", slug="recent")
    interpret(column(opened_department, ColumnKind.INTERPRETATIONS), explained, at(2026, 2, 4))
    found = deduction(report(datetime.date(2026, 3, 10)).websites[0], "policy_without_interpretation")
    assert found["count"] == 1
    assert found["evidence"][0]["url"] == bare.full_url
    assert found["evidence"][0]["document_number"] == "示政规〔2026〕2号"
    # On 3 February neither document has had its 3 working days; on 9 February only the bare one is late.
    assert deduction(report(datetime.date(2026, 2, 3)).websites[0], "policy_without_interpretation") is None
    later = deduction(report(datetime.date(2026, 2, 9)).websites[0], "policy_without_interpretation")
    assert [item["url"] for item in later["evidence"]] == [bare.full_url]


def test_the_deductions_reach_the_json_report_and_the_printable_report(client, opened_department):
    headlines = column(county(), ColumnKind.HEADLINES)
    original = publish_at(at(2026, 1, 5), headlines, title=TITLE, body=BODY)
    copy = publish_at(at(2026, 3, 5), headlines, title=TITLE, body=BODY, slug="copy")
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("audit_report", "--format", "json", "--as-of", "2026-03-10", stdout=out)
        client.force_login(user_in(ensure_information_office_group()))
        html = client.get("/admin/audit/report/?as_of=2026-03-10").content.decode()
        workbook = client.get("/admin/audit/report/xlsx/?as_of=2026-03-10")
    data = json.loads(out.getvalue())
    rules = {item["rule"]: item for item in data["websites"][0]["deductions"]}
    assert rules["republished_article"]["evidence"][0]["original_url"] == original.full_url
    assert "疑似旧稿新发" in html and copy.full_url in html and original.full_url in html
    sheet = load_workbook(io.BytesIO(workbook.content))["问题与证据"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert any(row[2] == "疑似旧稿新发" and original.full_url in row[5] and copy.full_url in row[5] for row in rows)
