"""External links written in pages: checked only where the setting enables it, against a local server of the
test's own (never a public address); a link that does not answer is a warning, never a crash."""

import pytest

from content_checks.models import FindingKind, Severity
from content_checks.runner import check_page
from portal.models import ArticlePage
from tests.audit.site_server import SiteServer

pytestmark = pytest.mark.django_db


def page_linking(base, *paths):
    links = "".join(f'<a href="{base}{path}">链接{number}</a> ' for number, path in enumerate(paths))
    return ArticlePage(title="相关链接", body=[("paragraph", f"<p>{links}</p>")])


def broken_urls(results):
    return sorted(result.key.removeprefix("url:") for result in results if result.kind == FindingKind.BROKEN_LINK)


def test_links_that_do_not_answer_warn_and_the_working_one_does_not(settings):
    settings.CONTENT_CHECKS_EXTERNAL_LINKS = True
    settings.CONTENT_CHECKS_LINK_TIMEOUT = 0.5
    with SiteServer(slow_seconds=3) as server:
        base = f"http://127.0.0.1:{server.port}"
        results = check_page(page_linking(base, "/ok/", "/missing/", "/slow/", "/loop/"), attachments=False,
                             external=True)
    assert broken_urls(results) == [f"{base}/loop/", f"{base}/missing/", f"{base}/slow/"]
    assert {result.severity for result in results} == {Severity.WARN}
    missing = next(result for result in results if result.key == f"url:{base}/missing/")
    assert "返回错误 404" in missing.message


def test_nothing_is_requested_while_the_setting_is_off(settings):
    settings.CONTENT_CHECKS_EXTERNAL_LINKS = False
    with SiteServer() as server:
        results = check_page(page_linking(f"http://127.0.0.1:{server.port}", "/missing/"), attachments=False,
                             external=True)
    assert broken_urls(results) == [] and server.requests == []


def test_the_editor_never_waits_for_external_links(settings):
    """Saving in the editor checks without ``external``: no request even with the setting on."""
    settings.CONTENT_CHECKS_EXTERNAL_LINKS = True
    with SiteServer() as server:
        results = check_page(page_linking(f"http://127.0.0.1:{server.port}", "/missing/"), attachments=False)
    assert broken_urls(results) == [] and server.requests == []
