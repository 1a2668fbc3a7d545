"""The unit is the website (国办秘函〔2019〕19号): channels' columns summed, vetoes per website, own websites apart."""

import datetime

import time_machine

from audit.evaluation import VetoState
from audit.findings import build_report
from audit.models import VetoRule
from departments.models import Organisation
from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at
from tests.audit.conftest import OPENED, at
from tests.factories import make_organisation

Code = VetoRule.Code


def report(day, feed=None):
    return build_report(day, feed_function=feed or (lambda as_of: {}))


def veto(website, code):
    return next(item for item in website.vetoes if item.code == code)


def test_every_channel_of_the_portal_is_one_website_and_an_organisation_with_its_own_code_is_another(opened_department):
    with time_machine.travel(OPENED, tick=False):
        own = make_organisation("示例县公安局", "gaj", hostname="gaj.example.gov.cn", site_id_code="3301000012")
    data = report(datetime.date(2025, 2, 1)).as_json()
    websites = {site["name"]: site for site in data["websites"]}
    portal = data["websites"][0]
    assert portal["channels"] == ["county", "jyj"]
    assert websites["示例县公安局"]["channels"] == ["gaj"]
    assert websites["示例县公安局"]["site_id_code"] == "3301000012"
    assert websites["示例县公安局"]["hostname"] == "gaj.example.gov.cn"
    assert set(portal) == {"site_id_code", "name", "hostname", "fails_inspection", "score", "vetoes", "deductions", "channels",
                           "participation"}
    assert [organisation["slug"] for organisation in data["organisations"]] == ["county", "jyj", "gaj"]
    assert own.is_own_website


def test_a_website_fails_when_its_channels_together_reach_5_stale_columns_though_none_does_alone(opened_township):
    """3 stale frequent columns at 教育局 and 2 at 城关镇: each channel passes, the portal fails."""
    department = Organisation.objects.get(slug="jyj")
    for kind in (ColumnKind.NEWS, ColumnKind.NOTICES, ColumnKind.POLICIES):
        published_at(at(2025, 1, 3), department, kind)
    for kind in (ColumnKind.NEWS, ColumnKind.NOTICES):
        published_at(at(2025, 1, 3), opened_township, kind)
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    for kind in (ColumnKind.HEADLINES, ColumnKind.NOTICES, ColumnKind.POLICIES):
        published_at(at(2025, 7, 15), county, kind)
    result = report(datetime.date(2025, 7, 20))
    assert not any(v.code == Code.STALE_FREQUENT and v.state == VetoState.FAIL for v in result.find("jyj").vetoes)
    assert not any(v.code == Code.STALE_FREQUENT and v.state == VetoState.FAIL for v in result.find("cgz").vetoes)
    portal = result.websites[0]
    stale = veto(portal, Code.STALE_FREQUENT)
    assert (stale.state, stale.value) == (VetoState.FAIL, 5)
    assert {(item["organisation"], item["column"]) for item in stale.evidence} == {
        ("示例县教育局", "工作动态"), ("示例县教育局", "通知公告"), ("示例县教育局", "政策文件"),
        ("城关镇人民政府", "工作动态"), ("城关镇人民政府", "通知公告"),
    }
    assert portal.fails_inspection
    assert "stale_frequent" in [item["rule"] for item in portal.as_json()["vetoes"]]


def test_a_false_date_at_a_township_fails_the_whole_portal_with_the_entry_as_evidence(opened_township):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    published_at(at(2026, 3, 1), county, ColumnKind.HEADLINES)
    page = published_at(at(2026, 3, 2), opened_township, ColumnKind.NEWS, title="白沙乡召开春耕动员会",
                        display_date=at(2026, 2, 20))
    portal = report(datetime.date(2026, 3, 10)).websites[0]
    false_dates = veto(portal, Code.FALSE_DATES)
    assert false_dates.state == VetoState.FAIL
    [evidence] = false_dates.evidence
    assert evidence["title"] == "白沙乡召开春耕动员会"
    assert (evidence["display_date"], evidence["first_published"]) == ("2026-02-20", "2026-03-02")
    assert evidence["url"].startswith("http://localhost/townships/cgz/gzdt/")
    assert page.live


def test_a_letter_open_for_over_3_months_at_a_township_fails_the_portal(opened_township):
    from tests.interaction.builders import letter, mailbox_of

    letter(mailbox_of(opened_township), received=datetime.date(2025, 11, 3))
    result = build_report(datetime.date(2026, 3, 10))
    interaction = veto(result.websites[0], Code.INTERACTION)
    assert interaction.state == VetoState.FAIL
    assert interaction.evidence[0]["received_on"] == "2025-11-03"
    assert "1 条超过 3 个月仍未答复" in interaction.detail


def test_the_home_page_rule_applies_to_the_portal_home_not_to_a_channel(opened_department):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    published_at(at(2026, 3, 1), county, ColumnKind.HEADLINES)
    published_at(at(2025, 10, 1), opened_department, ColumnKind.NEWS)
    result = report(datetime.date(2026, 3, 10))
    assert veto(result.websites[0], Code.DORMANT_HOME).state == VetoState.PASS
    later = report(datetime.date(2026, 3, 20))
    home = veto(later.websites[0], Code.DORMANT_HOME)
    assert (home.state, home.value) == (VetoState.FAIL, 19)
    assert "19 天无新内容" in home.detail


def test_without_the_content_patrol_the_serious_error_rule_is_not_evaluated(opened_department, monkeypatch):
    from django.apps import apps

    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "content_checks" and installed(name))
    portal = report(datetime.date(2026, 3, 10)).websites[0]
    assert veto(portal, Code.CONTENT_ERRORS).state == VetoState.NOT_EVALUATED


def test_a_website_without_any_service_guide_fails_as_not_useful(opened_department):
    portal = report(datetime.date(2026, 3, 10)).websites[0]
    service = veto(portal, Code.SERVICE)
    assert service.state == VetoState.FAIL
    assert service.detail == "网站没有任何办事服务（办事指南）。"


def test_without_probe_records_availability_is_not_evaluated(opened_department):
    portal = report(datetime.date(2026, 3, 10)).websites[0]
    assert veto(portal, Code.UNREACHABLE).state == VetoState.NOT_EVALUATED


def content_finding(organisation, found, resolved=None, severity="block", kind="personal_data"):
    """A finding of the content patrol, made through its model read by name (the audit never imports it)."""
    from django.apps import apps

    model = apps.get_model("content_checks", "ContentFinding")
    return model.objects.create(
        kind=kind, severity=severity, organisation=organisation, url="http://localhost/townships/hkx/gzdt/1/",
        message="公开了身份证号码", excerpt="身份证号 3301**********1234", fingerprint=f"f{found:%Y%m%d}{kind}{severity}",
        found_at=found, last_seen_at=found, resolved_at=resolved,
    )


def test_a_blocking_content_finding_open_on_the_date_fails_the_website(opened_township):
    content_finding(opened_township, at(2026, 3, 2), resolved=at(2026, 3, 12))
    content_finding(opened_township, at(2026, 3, 3), severity="warn")
    content_finding(opened_township, at(2026, 3, 4), kind="broken_link")
    before = veto(report(datetime.date(2026, 3, 1)).websites[0], Code.CONTENT_ERRORS)
    during = veto(report(datetime.date(2026, 3, 10)).websites[0], Code.CONTENT_ERRORS)
    after = veto(report(datetime.date(2026, 3, 12)).websites[0], Code.CONTENT_ERRORS)
    assert (before.state, during.state, after.state) == (VetoState.PASS, VetoState.FAIL, VetoState.PASS)
    assert during.evidence == [{"kind": "personal_data", "url": "http://localhost/townships/hkx/gzdt/1/",
                                "message": "公开了身份证号码", "excerpt": "身份证号 3301**********1234", "found_at": "2026-03-02"}]
