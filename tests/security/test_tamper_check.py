"""Tamper detection (网页防篡改): pages and files served by a live server are compared with publish-time fingerprints.

Django's live server (a real HTTP server on 127.0.0.1) serves the portal; ``SITE_CHECK_ADDRESSES`` sends
the sites' hostnames there, as production sends them to the web server. Fingerprints are written when
publishing commits, so these tests commit (``transaction=True``).
"""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from portal.models import ArticlePage
from security.fingerprints import content_fingerprint
from security.models import FileFingerprint, PageFingerprint, SecurityEvent
from security.tamper import run_check
from tests.factories import article, column

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def upload(name, data):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def test_a_published_page_is_fingerprinted_from_its_content_region(department, served):
    page = article(column(department), title="全县召开安全生产工作会议")
    fingerprint = PageFingerprint.objects.get(page=page)
    assert fingerprint.url == page.get_full_url()
    assert len(fingerprint.sha256) == 64


def test_normal_publishing_and_uploading_are_not_flagged(department, served, office):
    page = article(column(department), title="全县召开安全生产工作会议")
    upload("通知附件.pdf", b"%PDF-1.4 attachment")
    call_command("tamper_check", "--baseline", stdout=io.StringIO())
    assert run_check() == []
    # An editor changes the page and publishes again: the new content is explained by the publish.
    page = ArticlePage.objects.get(pk=page.pk)
    page.body = [("paragraph", "<p>会议要求各乡镇于12月底前完成隐患排查。</p>")]
    page.save_revision().publish()
    out = io.StringIO()
    call_command("tamper_check", "--fail-on-finding", stdout=out)
    assert "发现 0 处" in out.getvalue()
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.TAMPER).exists()
    assert mail.outbox == []


def test_publishing_elsewhere_does_not_flag_a_page_whose_breadcrumbs_changed(department, served, office):
    news = column(department)
    article(news, title="全县召开安全生产工作会议")
    news.title = "工作动态（新）"
    news.save_revision().publish()
    article(news, title="县教育局部署秋季开学工作")
    assert run_check() == []


def test_a_page_changed_directly_in_the_database_is_caught_and_the_office_alerted(department, served, office, client):
    page = article(column(department), title="全县召开安全生产工作会议")
    ArticlePage.objects.filter(pk=page.pk).update(body=[{"type": "paragraph", "value": "<p>本站已被入侵。</p>"}])

    with pytest.raises(CommandError, match="发现 1 处"):
        call_command("tamper_check", "--fail-on-finding", stdout=io.StringIO())

    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.TAMPER)
    assert "全县召开安全生产工作会议" in event.detail
    assert "数据库中的内容在发布流程之外被改动" in event.detail
    assert [message.to for message in mail.outbox] == [["xxb@example.gov.cn"]]
    assert "全县召开安全生产工作会议" in mail.outbox[0].body
    client.force_login(office)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "网页防篡改告警" in dashboard.content.decode()
    assert "数据库中的内容在发布流程之外被改动" in dashboard.content.decode()


def test_a_page_put_online_without_publishing_is_caught(department, served, office):
    page = article(column(department), title="全县召开安全生产工作会议")
    PageFingerprint.objects.filter(page=page).delete()  # as if live=True had been set in the database
    findings = run_check()
    assert [finding.name for finding in findings] == ["全县召开安全生产工作会议"]
    assert "没有发布时的指纹" in findings[0].problem


def test_a_document_replaced_on_disk_is_caught(department, served, office):
    document = upload("通知附件.pdf", b"%PDF-1.4 attachment")
    assert FileFingerprint.objects.filter(kind="document", name=str(document.pk)).exists()
    Path(document.file.path).write_bytes(b"%PDF-1.4 forged attachment")
    findings = run_check()
    assert [(finding.kind, finding.name) for finding in findings] == [("document", f"附件 {document.pk}")]
    assert "校验和不同" in findings[0].problem


def test_a_static_file_replaced_on_disk_is_caught(served, office, county):
    call_command("tamper_check", "--baseline", stdout=io.StringIO())
    assert FileFingerprint.objects.filter(kind="static", name="css/site.css").exists()
    assert run_check() == []
    (served / "css" / "site.css").write_text("body { background: url(https://evil.example/x.png); }\n")
    findings = run_check()
    assert [(finding.kind, finding.name) for finding in findings] == [("static", "css/site.css")]


def test_the_fingerprint_ignores_what_changes_per_request_but_not_the_content():
    page = ('<html><main id="main"><style nonce="{n}">p{{}}</style><p>正文</p>'
            '<span class="view-count">{v}</span>\n  <input name="csrfmiddlewaretoken" value="{t}"></main></html>')
    first = content_fingerprint(page.format(n="abc", v=3, t="tok1"))
    assert first == content_fingerprint(page.format(n="xyz", v=400, t="tok2"))
    with_nav = page.replace("<p>正文</p>", '<nav class="breadcrumbs"><a href="/">首页</a></nav><p>正文</p>')
    assert first == content_fingerprint(with_nav.format(n="abc", v=3, t="tok1"))
    assert first != content_fingerprint(page.format(n="abc", v=3, t="tok1").replace("正文", "正文！"))
