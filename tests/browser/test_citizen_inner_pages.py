"""The inner pages of 政民互动 and 依申请公开 in a real browser: breadcrumbs, phones, tap targets, elderly mode, axe-core."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.browser.test_citizen_forms import LETTER, captcha_answer, fill, mailbox_url, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Everything a citizen taps on these pages; radio buttons and check boxes are tapped through their labels.
CONTROLS = ", ".join((
    ".main-nav a", ".breadcrumbs a", ".reading-tools a", ".search-box button", ".search-box input", ".pagination a", ".more",
    "main .button", "main button", ".card-actions a", ".directory-card h3 a", ".letter-list .entry-title",
    ".form-field .choice", ".field-checkbox > label", "main select", "main textarea",
    'main input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])',
))
SMALL_CONTROLS = """(selector) => [...document.querySelectorAll(selector)]
    .filter(el => el.offsetParent !== null)
    .filter(el => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
    .map(el => el.outerHTML.slice(0, 80))"""


def inner_pages(site):
    """name -> URL of the pages checked here, with one answered public letter in the education mailbox."""
    from interaction.handling import reply
    from interaction.models import Mailbox
    from tests.interaction.builders import letter

    mailbox = Mailbox.objects.get(organisation=site["education"], kind="organisation")
    answered = letter(mailbox, subject=LETTER["#id_subject"], message=LETTER["#id_message"], name="赵晓明")
    reply(answered, "已协调交警部门在上下学时段安排护学岗，并在学校东侧设置临时停车区。", actor=None)
    mailbox_url = f"/interaction/mailbox/{mailbox.slug}/"
    return {
        "mailboxes": "/interaction/",
        "mailbox": mailbox_url,
        "letter-write": mailbox_url + "write/",
        "letter-lookup": "/interaction/lookup/",
        "mailbox-statistics": mailbox_url + "statistics/",
        "public-letter": f"{mailbox_url}letters/{answered.pk}/",
        "apply-organisations": "/disclosure/apply/",
        "apply-form": f"/disclosure/apply/{site['education'].slug}/",
        "apply-status": "/disclosure/apply/status/",
    }


def fits_the_screen(page, name, label):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {label} width"


def has_breadcrumbs(page, name):
    crumbs = page.get_by_role("navigation", name="当前位置")
    assert crumbs.is_visible(), f"{name}: no breadcrumbs"
    assert crumbs.get_by_role("link", name="首页").is_visible(), name
    current = crumbs.locator('[aria-current="page"]').inner_text()
    return current


def serious_violations(axe, page, name):
    return [
        f"{name}: {violation['id']} ({violation['impact']}) {[node['target'] for node in violation['nodes']][:3]}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_inner_pages_have_breadcrumbs_fit_a_phone_and_have_44px_controls(county_site, open_page, live_server):
    pages = inner_pages(county_site)
    for viewport, label in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page = open_page(viewport)
        for name, url in pages.items():
            response = page.goto(live_server.url + url)
            assert response.status == 200, f"{name}: HTTP {response.status}"
            assert has_breadcrumbs(page, name)
            fits_the_screen(page, name, label)
            screenshot(page, f"{name}-{label}")
            if viewport is PHONE:
                small = page.evaluate(SMALL_CONTROLS, CONTROLS)
                assert not small, f"{name}: controls smaller than 44px on a phone: {small}"


def test_breadcrumbs_lead_back_from_the_letter_form_to_the_directory(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/interaction/")
    page.locator(".directory-card", has_text="教育局信箱").get_by_role("link", name="写信").click()
    assert page.locator("h1").inner_text() == "给教育局信箱写信"
    assert has_breadcrumbs(page, "letter-write") == "写信"
    page.get_by_role("navigation", name="当前位置").get_by_role("link", name="教育局信箱").click()
    assert page.locator("h1").inner_text() == "教育局信箱"
    page.get_by_role("navigation", name="当前位置").get_by_role("link", name="政民互动").click()
    assert page.locator("h1").inner_text() == "政民互动"
    assert page.title().startswith("政民互动")


def test_a_letter_written_on_a_phone_receipt_and_lookup_fit_and_pass_axe(county_site, open_page, live_server):
    axe = Axe()
    problems = []
    page = open_page(PHONE)
    page.goto(live_server.url + mailbox_url(county_site))
    fill(page, LETTER)
    page.check('input[name="category"][value="suggestion"]')
    page.fill("#id_captcha_answer", str(captcha_answer(page)))
    submit(page, "提交信件")
    assert page.locator("h1").inner_text() == "您的信件已提交"
    assert has_breadcrumbs(page, "letter-receipt") == "信件已提交"
    fits_the_screen(page, "letter-receipt", "phone")
    screenshot(page, "letter-receipt-phone")
    problems += serious_violations(axe, page, "letter-receipt")
    code, password = page.locator("dl.receipt dd code").all_inner_texts()

    page.goto(live_server.url + "/interaction/lookup/")
    page.fill("#id_tracking_code", code)
    page.fill("#id_password", password)
    submit(page, "查询")
    assert page.locator("h2").inner_text() == LETTER["#id_subject"]
    fits_the_screen(page, "letter-lookup-result", "phone")
    screenshot(page, "letter-lookup-result-phone")
    problems += serious_violations(axe, page, "letter-lookup-result")
    assert not problems, "\n".join(problems)


def test_elderly_mode_and_the_font_size_switch_work_on_the_inner_pages(county_site, open_page, live_server):
    pages = inner_pages(county_site)
    page = open_page(PHONE, cookies={"elder_mode": "1"})
    for name in ("mailboxes", "mailbox", "mailbox-statistics", "apply-organisations"):
        page.goto(live_server.url + pages[name])
        assert "elder-mode" in page.locator("html").get_attribute("class")
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 20
        fits_the_screen(page, f"{name} (长者模式)", "phone")
        screenshot(page, f"{name}-phone-elderly")

    page = open_page(DESKTOP)
    page.goto(live_server.url + pages["letter-write"])
    h1_before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize)")
    page.locator('[data-pref-font="large"]').click()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize)") > h1_before
    page.goto(live_server.url + pages["apply-form"])
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    assert re.search(r"font-large", page.locator("html").get_attribute("class"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_core_finds_no_serious_or_critical_violations_on_the_inner_pages(
    county_site, open_page, live_server, viewport
):
    axe = Axe()
    page = open_page(viewport)
    problems = []
    for name, url in inner_pages(county_site).items():
        page.goto(live_server.url + url)
        problems += serious_violations(axe, page, name)
    assert not problems, "\n".join(problems)
