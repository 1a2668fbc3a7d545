"""Every public page of 政民互动 and 依申请公开 shows the breadcrumbs (当前位置) and a <title> that matches its <h1>."""

import datetime
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from disclosure.applications.views import RECEIPT_SESSION_KEY
from disclosure.yearly_report.models import YearlyReport
from disclosure.yearly_report.publishing import submit_report
from interaction.handling import reply
from interaction.models import Mailbox
from interaction.submission import submit_letter
from tests.disclosure.applications.builders import CITIZEN, ID_NUMBER, application
from tests.interaction.builders import LETTER, letter, mailbox_of

pytestmark = pytest.mark.django_db

INTERACTION = [("首页", "/"), ("政民互动", "/interaction/")]
APPLICATIONS = [("首页", "/"), ("政府信息公开", "/disclosure/"), ("依申请公开", "/disclosure/apply/")]


class PageOutline(HTMLParser):
    """The breadcrumbs [(text, href or None), …], the <title> and the <h1> of a page."""

    def __init__(self):
        super().__init__()
        self.crumbs, self.current, self.title, self.h1 = [], [], "", ""
        self.breadcrumb_navs = 0
        self._in_crumbs = self._in_item = self._in_title = self._in_h1 = False
        self._href = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("aria-label") == "当前位置":
            self.breadcrumb_navs += 1
            self._in_crumbs = True
        elif self._in_crumbs and tag == "li":
            self._in_item, self._href, self._text = True, None, ""
            if attrs.get("aria-current") == "page":
                self.current.append(len(self.crumbs))
        elif self._in_item and tag == "a":
            self._href = attrs.get("href")
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_crumbs:
            self._in_crumbs = False
        elif tag == "li" and self._in_item:
            self.crumbs.append((self._text.strip(), self._href))
            self._in_item = False
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_item:
            self._text += data
        if self._in_title:
            self.title += data
        if self._in_h1:
            self.h1 += data


def outline(response):
    parser = PageOutline()
    parser.feed(response.content.decode())
    return parser


def assert_trail(response, expected, status=200):
    """``expected``: the linked crumbs as (title, url), then the current page's title alone."""
    assert response.status_code == status
    page = outline(response)
    *linked, current = expected
    assert page.breadcrumb_navs == 1, "one breadcrumb nav labelled 当前位置"
    assert page.crumbs == [*linked, (current, None)]
    assert page.current == [len(page.crumbs) - 1], "the last crumb is the current page"
    heading = " ".join(page.h1.split())
    assert heading and page.title.strip().startswith(heading), (page.title, heading)
    return page


@pytest.fixture
def box(department):
    return mailbox_of(department)


def test_mailbox_directory(client, box):
    page = assert_trail(client.get("/interaction/"), [*INTERACTION[:1], "政民互动"])
    assert page.h1 == "政民互动"
    html = client.get("/interaction/").content.decode()
    for url in (f"/interaction/mailbox/{box.slug}/write/", f"/interaction/mailbox/{box.slug}/statistics/",
                f"/interaction/mailbox/{box.slug}/#public-letters"):
        assert f'href="{url}"' in html


def test_mailbox_page_and_its_public_letter(client, box, department):
    answered = letter(box, datetime.date(2026, 11, 2))
    reply(answered, "路灯已修复。", actor=None)
    mailbox = (*INTERACTION, ("教育局信箱", f"/interaction/mailbox/{box.slug}/"))
    assert_trail(client.get(f"/interaction/mailbox/{box.slug}/"), [*INTERACTION, "教育局信箱"])
    html = client.get(f"/interaction/mailbox/{box.slug}/").content.decode()
    assert LETTER["subject"] in html and department.name in html and "2026-11-02" in html
    assert_trail(client.get(f"/interaction/mailbox/{box.slug}/letters/{answered.pk}/"), [*mailbox, LETTER["subject"]])


def test_write_statistics_and_closed_mailbox(client, box):
    mailbox = (*INTERACTION, ("教育局信箱", f"/interaction/mailbox/{box.slug}/"))
    page = assert_trail(client.get(f"/interaction/mailbox/{box.slug}/write/"), [*mailbox, "写信"])
    assert page.h1 == "给教育局信箱写信"
    assert_trail(client.get(f"/interaction/mailbox/{box.slug}/statistics/"), [*mailbox, "办理情况统计"])
    Mailbox.objects.filter(pk=box.pk).update(active=False)
    assert_trail(client.get(f"/interaction/mailbox/{box.slug}/write/"), [*mailbox, "写信"], status=403)


def test_receipt_and_lookup(client, box):
    receipt = submit_letter(box, dict(LETTER), submission_token="t" * 32)
    mailbox = (*INTERACTION, ("教育局信箱", f"/interaction/mailbox/{box.slug}/"))
    assert_trail(client.get(f"/interaction/submitted/{'t' * 32}/"), [*mailbox, "信件已提交"])
    assert_trail(client.get("/interaction/lookup/"), [*INTERACTION, "查询来信"])
    found = client.post("/interaction/lookup/", {"tracking_code": receipt.tracking_code, "password": receipt.password})
    assert_trail(found, [*INTERACTION, "查询来信"])
    assert LETTER["subject"] in found.content.decode()


def test_rate_limited_pages_follow_their_app(client, department, monkeypatch):
    monkeypatch.setattr("interaction.views.rate_limited", lambda request, scope: True)
    monkeypatch.setattr("disclosure.applications.views.rate_limited", lambda request, scope: True)
    assert_trail(client.post("/interaction/lookup/", {}), [*INTERACTION, "提交过于频繁"], status=429)
    assert_trail(client.post("/disclosure/apply/status/", {}), [*APPLICATIONS, "提交过于频繁"], status=429)


def test_application_pages(client, department):
    form = (*APPLICATIONS, ("向示例县教育局申请", f"/disclosure/apply/{department.slug}/"))
    page = assert_trail(client.get("/disclosure/apply/"), [*APPLICATIONS[:2], "依申请公开"])
    assert f'href="/disclosure/apply/{department.slug}/"' in client.get("/disclosure/apply/").content.decode()
    assert page.h1 == "依申请公开"
    page = assert_trail(client.get(f"/disclosure/apply/{department.slug}/"), [*APPLICATIONS, "向示例县教育局申请"])
    assert page.h1 == "向示例县教育局申请政府信息公开"

    stored = application(department, timezone.localdate())
    session = client.session
    session[RECEIPT_SESSION_KEY] = stored.pk
    session.save()
    assert_trail(client.get(f"/disclosure/apply/{department.slug}/submitted/"), [*form, "申请已提交"])

    assert_trail(client.get("/disclosure/apply/status/"), [*APPLICATIONS, "办理进度查询"])
    found = client.post("/disclosure/apply/status/", {"tracking_number": stored.tracking_number,
                                                      "identity_last4": ID_NUMBER[-4:]})
    assert_trail(found, [*APPLICATIONS, "办理进度查询"])
    assert CITIZEN["information_name"] in found.content.decode()


def test_the_yearly_report_page_has_the_page_tree_breadcrumbs(client, department):
    page = submit_report(YearlyReport.objects.create(organisation=department, year=2026))
    page.current_workflow_task_state.approve(user=None)
    page.refresh_from_db()
    shown = assert_trail(client.get(page.url), [
        ("首页", "/"), *[(crumb.title, crumb.url) for crumb in page.get_ancestors().filter(depth__gt=2)], page.title,
    ])
    assert shown.h1 == page.title
