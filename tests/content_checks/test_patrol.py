"""The patrol (巡检): yesterday's pages re-checked with today's lists; findings stored, listed, resolved."""

import datetime
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from content_checks.models import ContentFinding, FindingKind, Severity
from disclosure.id_numbers import make_id_number
from portal import publication_checks
from tests import factories
from tests.content_checks import builders

pytestmark = pytest.mark.django_db

ID_NUMBER = make_id_number("33010619850312123")
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


@pytest.fixture
def before_this_feature(monkeypatch):
    """Publishing as it was before the checks existed (no registered pre-publication checks)."""
    monkeypatch.setattr(publication_checks, "_checks", [])


def patrol_json(*args):
    out = io.StringIO()
    call_command("content_patrol", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_a_leak_published_before_this_feature_is_reported_by_the_first_patrol(department, before_this_feature):
    editor = factories.user_in(department.approvers_group, username="jyj-approver")
    page = factories.article(factories.column(department), title="2025年资助名单", body=f"王小明 {ID_NUMBER} 资助2000元")
    page.save_revision(user=editor).publish(user=editor)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 2, 0, tzinfo=SHANGHAI), tick=False):
        findings = patrol_json()["findings"]
    assert len(findings) == 1
    row = findings[0]
    assert {key: row[key] for key in ("kind", "severity", "organisation")} == {
        "kind": "personal_data", "severity": "block", "organisation": department.name}
    assert row["url"].endswith(page.url_path.split("/", 2)[-1]) or row["url"]
    assert ID_NUMBER not in json.dumps(findings) and "**********" in row["excerpt"]
    assert row["found_at"] == "2026-03-02T02:00:00+08:00"
    stored = ContentFinding.objects.get()
    assert (stored.page_id, stored.organisation, stored.editor) == (page.pk, department, editor)


def test_a_word_added_today_finds_yesterdays_page_and_a_fix_resolves_it(department):
    page = factories.article(factories.column(department), title="通知", body="这里写着示例禁词。")
    assert ContentFinding.objects.count() == 0
    builders.word("示例禁词", severity="warn")
    with time_machine.travel(datetime.datetime(2026, 3, 2, 2, 0, tzinfo=SHANGHAI), tick=False):
        call_command("content_patrol", stdout=io.StringIO())
    finding = ContentFinding.objects.get()
    assert (finding.kind, finding.severity, finding.rule) == (FindingKind.SENSITIVE_WORD, Severity.WARN, "示例禁词")
    # The next patrol keeps the same finding open (first found stays the first date).
    with time_machine.travel(datetime.datetime(2026, 3, 3, 2, 0, tzinfo=SHANGHAI), tick=False):
        call_command("content_patrol", stdout=io.StringIO())
    assert ContentFinding.objects.get().found_at == finding.found_at
    # Fixed and republished: resolved (after publishing, and by the patrol at the latest).
    page.body = [("paragraph", "<p>这里写着规范的话。</p>")]
    with time_machine.travel(datetime.datetime(2026, 3, 4, 10, 0, tzinfo=SHANGHAI), tick=False):
        page.save_revision().publish()
        call_command("content_patrol", stdout=io.StringIO())
    finding.refresh_from_db()
    assert finding.resolved_at is not None
    assert list(ContentFinding.objects.open_as_of(datetime.date(2026, 3, 3))) == [finding]
    assert list(ContentFinding.objects.open_as_of(datetime.date(2026, 3, 4))) == []


def test_unpublishing_a_page_resolves_its_findings(department, django_capture_on_commit_callbacks):
    builders.word("示例禁词", severity="warn")
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.article(factories.column(department), title="通知", body="示例禁词")
    assert ContentFinding.objects.open().count() == 1  # stored right after publishing
    page.unpublish()
    assert ContentFinding.objects.open().count() == 0


def test_the_office_sees_every_finding_and_an_organisation_only_its_own(client, department, township):
    builders.word("示例禁词", severity="warn")
    factories.article(factories.column(department), title="教育局通知", body="示例禁词")
    factories.article(factories.column(township), title="城关镇通知", body="示例禁词")
    call_command("content_patrol", stdout=io.StringIO())
    from departments.roles import ensure_information_office_group

    office = factories.user_in(ensure_information_office_group(), username="office")
    editor = factories.user_in(department.editors_group, username="jyj-editor")
    url = reverse("content_checks:findings")
    client.force_login(office)
    html = client.get(url).content.decode()
    assert "教育局通知" in html and "城关镇通知" in html and "立即巡检全站" in html
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert "教育局通知" in html and "城关镇通知" not in html and "立即巡检全站" not in html
    assert client.post(reverse("content_checks:run_patrol")).status_code in (302, 403)
    assert ContentFinding.objects.count() == 2


def test_the_office_runs_the_patrol_from_the_admin(client, department):
    from departments.roles import ensure_information_office_group

    factories.article(factories.column(department), title="通知", body="示例禁词")
    builders.word("示例禁词", severity="warn")
    client.force_login(factories.user_in(ensure_information_office_group(), username="office"))
    response = client.post(reverse("content_checks:run_patrol"), follow=True)
    assert "已安排全站巡检" in response.content.decode()
    assert ContentFinding.objects.open().count() == 1


def test_patrol_of_an_unknown_organisation_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有英文标识"):
        call_command("content_patrol", "--organisation", "nope")
