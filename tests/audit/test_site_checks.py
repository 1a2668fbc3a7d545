"""The probe and the link checker against a local server of the test's own (never a public address).

站点无法访问 (国办秘函〔2019〕19号): pages not loading within 15 s in 5% or more of a week's visits fail the
website. Broken links, images and attachments are deductions. Timeouts, redirect loops and huge pages are
recorded as failures and the check moves on.
"""

import datetime

import pytest
import time_machine

from audit.evaluation import VetoState
from audit.findings import build_report
from audit.http_fetch import Refused, address_for, fetch
from audit.link_checker import check_website
from audit.models import LinkCheck, ProbeResult, VetoRule
from audit.probes import probe_website
from audit.websites import resolve_websites
from tests.audit.conftest import at
from tests.audit.site_server import SiteServer


@pytest.fixture
def server(settings):
    with SiteServer(slow_seconds=1.5, huge_bytes=2 * 1024 * 1024) as running:
        settings.SITE_CHECK_ADDRESSES = {"*": f"127.0.0.1:{running.port}"}
        settings.SITE_CHECK_LOCAL_ONLY = True
        settings.SITE_PROBE_TIMEOUT_SECONDS = 1.0
        settings.LINK_CHECK_TIMEOUT_SECONDS = 1.0
        settings.LINK_CHECK_MIN_INTERVAL_SECONDS = 0
        settings.LINK_CHECK_EXTERNAL = False
        settings.SITE_CHECK_MAX_BYTES = 1024 * 1024
        yield running


def portal():
    return resolve_websites()[0]


def test_a_host_not_mapped_to_this_machine_is_refused_before_any_request(settings):
    settings.SITE_CHECK_ADDRESSES = {}
    settings.SITE_CHECK_LOCAL_ONLY = True
    with pytest.raises(Refused):
        address_for("www.gov.cn")
    result = fetch("http://www.gov.cn/", timeout=1)
    assert not result.ok and "不发送请求" in result.error


def test_fetch_records_slow_looping_huge_and_missing_pages_as_failures(server):
    base = "http://localhost/"
    assert fetch(base + "ok/", timeout=1).ok
    assert "超时" in fetch(base + "slow/", timeout=0.5).error
    assert fetch(base + "loop/", timeout=1).error == "重定向循环"
    assert "页面过大" in fetch(base + "huge/", timeout=5).error
    missing = fetch(base + "missing/", timeout=1)
    assert (missing.ok, missing.status) == (False, 404)
    assert all(host == "localhost" for _method, host, _path in server.requests)


def test_the_probe_records_each_visit_and_a_slow_home_page_as_failed(opened_township, server):
    first = probe_website(portal(), sample_size=5)
    assert [result.ok for result in first] == [True, True, True]
    assert {result.url for result in first} == {
        "http://localhost/", "http://localhost/departments/jyj/", "http://localhost/townships/cgz/"}
    server.home_delay = 1.5
    [home, *_rest] = probe_website(portal(), sample_size=0)
    assert (home.is_home, home.ok) == (True, False)
    assert "超时" in home.error


def test_five_percent_of_a_weeks_visits_failing_fails_the_website(opened_department):
    key = portal().key
    day = datetime.date(2026, 3, 10)
    visits = [ProbeResult(site_id_code=key, url="http://localhost/", is_home=True, probed_at=at(2026, 3, 4 + n % 7, 9),
                          elapsed_ms=300, status_code=200, ok=True) for n in range(95)]
    visits += [ProbeResult(site_id_code=key, url="http://localhost/", is_home=True, probed_at=at(2026, 3, 9, 9 + n),
                           elapsed_ms=15001, status_code=None, ok=False, error="超时（超过 15 秒）") for n in range(4)]
    visits.append(ProbeResult(site_id_code=key, url="http://localhost/", is_home=True, probed_at=at(2026, 3, 3, 9),
                              elapsed_ms=15001, ok=False, error="超时（超过 15 秒）"))  # outside the week
    ProbeResult.objects.bulk_create(visits)
    veto = lambda report: next(v for v in report.websites[0].vetoes if v.code == VetoRule.Code.UNREACHABLE)
    passing = veto(build_report(day, feed_function=lambda as_of: {}))
    assert (passing.state, passing.value) == (VetoState.WARNING, 4.0)
    ProbeResult.objects.create(site_id_code=key, url="http://localhost/", probed_at=at(2026, 3, 10, 9), ok=False, error="超时")
    failing = veto(build_report(day, feed_function=lambda as_of: {}))
    assert (failing.state, failing.value) == (VetoState.FAIL, 5.0)
    assert "监测 100 次，5 次未能按时打开" in failing.detail
    assert "少于检查要求的每天 20 次" in failing.detail


def test_the_link_checker_records_broken_links_images_and_attachments_and_skips_external_links(opened_department, server):
    with time_machine.travel(at(2026, 3, 10, 9), tick=True):
        run = check_website(portal())
    broken = {(link.target_url, link.kind, link.on_home) for link in LinkCheck.objects.filter(run=run)}
    assert broken == {
        ("http://localhost/missing/", "link", True),
        ("http://localhost/slow/", "link", True),
        ("http://localhost/loop/", "link", True),
        ("http://localhost/huge/", "link", True),
        ("http://localhost/files/guide.pdf", "attachment", True),
        ("http://localhost/img/missing.png", "image", True),
        ("http://localhost/missing-from-deeper/", "link", False),
    }
    assert not any(host != "localhost" for _method, host, _path in server.requests)
    assert run.pages_checked == 3 and run.finished_at is not None
    targets = [path for _method, _host, path in server.requests]
    assert targets.count("/missing/") == 1  # each target once per run, however often it is linked
    report = build_report(datetime.date(2026, 3, 10), feed_function=lambda as_of: {})
    deductions = {item["rule"]: item for item in report.websites[0].deductions}
    assert (deductions["broken_link_home"]["count"], deductions["broken_link_home"]["points"]) == (6, 12)
    assert deductions["broken_link"]["count"] == 1
