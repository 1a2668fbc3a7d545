"""A citizen fills in the public forms in a real browser: a letter to a mailbox and an application for disclosure."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NUMERALS = "零一二三四五六七八九"
LETTER = {
    "#id_name": "赵晓明",
    "#id_phone": "13800001234",
    "#id_email": "zhaoxm@example.com",
    "#id_subject": "实验小学门口上下学时段交通拥堵",
    "#id_message": "每天下午放学时学校门口车辆乱停，孩子过马路很危险，建议安排护学岗并设置临时停车区。",
}
APPLICATION = {
    "#id_name": "赵晓明",
    "#id_phone": "13800001234",
    "#id_email": "zhaoxm@example.com",
    "#id_address": "示例县城关镇人民路1号",
    "#id_postcode": "311899",
    "#id_information_name": "2025年城关镇农村公路建设项目资金使用情况",
}


def chinese_number(text):
    """二 → 2, 十 → 10, 十九 → 19 (the CAPTCHA's numbers are 1–19)."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return NUMERALS.index(text)
    return (NUMERALS.index(tens) if tens else 1) * 10 + (NUMERALS.index(ones) if ones else 0)


def captcha_answer(page):
    """Read “验证问题：十二加七等于多少？” from the label and work it out, as a citizen would."""
    label = page.locator('label[for="id_captcha_answer"]').inner_text()
    first, operator, second = re.search(r"验证问题：(\S+?)([加减])(\S+?)等于多少", label).groups()
    a, b = chinese_number(first), chinese_number(second)
    return a + b if operator == "加" else a - b


def mailbox_url(site):
    from interaction.models import Mailbox

    slug = Mailbox.objects.get(organisation=site["education"], kind="organisation").slug
    return f"/interaction/mailbox/{slug}/write/"


def apply_url(site):
    return f"/disclosure/apply/{site['education'].slug}/"


def fill(page, values):
    for selector, value in values.items():
        page.fill(selector, value)


def submit(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def field_of(page, selector):
    """The .form-field block around an input: its label, help text and errors."""
    return page.locator(".form-field", has=page.locator(selector))


def test_a_citizen_writes_to_a_department_and_looks_the_letter_up(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + mailbox_url(county_site))
    fill(page, LETTER)
    page.check('input[name="category"][value="suggestion"]')
    page.fill("#id_captcha_answer", str(captcha_answer(page)))
    submit(page, "提交信件")

    assert page.locator("h1").inner_text() == "您的信件已提交"
    code, password = page.locator("dl.receipt dd code").all_inner_texts()
    assert re.fullmatch(r"[2-9A-Z]{12}", code) and re.fullmatch(r"[2-9A-Z]{8}", password)

    page.goto(live_server.url + "/interaction/lookup/")
    page.fill("#id_tracking_code", code)
    page.fill("#id_password", password)
    submit(page, "查询")
    assert page.locator("h2").inner_text() == LETTER["#id_subject"]
    assert "待处理" in page.locator(".article-meta").inner_text()


def test_a_wrong_captcha_answer_is_explained_next_to_the_field_and_keeps_the_letter(county_site, open_page, live_server):
    page = open_page(DESKTOP)
    page.goto(live_server.url + mailbox_url(county_site))
    fill(page, LETTER)
    page.check('input[name="category"][value="help"]')
    page.fill("#id_captcha_answer", str(captcha_answer(page) + 1))
    submit(page, "提交信件")

    error = field_of(page, "#id_captcha_answer").locator("#id_captcha_answer_error")
    assert "验证问题回答错误" in error.inner_text()
    assert "id_captcha_answer_error" in page.get_attribute("#id_captcha_answer", "aria-describedby")
    assert page.input_value("#id_captcha_answer") == ""  # a new question to answer
    for selector, value in LETTER.items():
        assert page.input_value(selector) == value, selector
    assert page.is_checked('input[name="category"][value="help"]')


def test_the_application_form_shows_the_chosen_applicants_fields_and_keeps_input_on_error(
    county_site, open_page, live_server
):
    from disclosure.id_numbers import make_id_number
    from disclosure.models import Application

    page = open_page(DESKTOP)
    page.goto(live_server.url + apply_url(county_site))
    citizen, organisation = page.locator("#citizen-fields"), page.locator("#organisation-fields")
    assert citizen.is_visible() and organisation.is_visible()  # no type chosen yet

    page.check('input[name="applicant_type"][value="organisation"]')
    assert organisation.is_visible() and citizen.is_hidden()
    page.fill("#id_credit_code", "ABC")  # typed, then the applicant changes their mind
    page.check('input[name="applicant_type"][value="citizen"]')
    assert citizen.is_visible() and organisation.is_hidden()
    assert organisation.get_attribute("hidden") is not None  # hidden fields cannot take focus

    valid = make_id_number("33019919800101123")
    wrong = valid[:-1] + ("1" if valid[-1] != "1" else "2")
    fill(page, APPLICATION)
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", wrong)
    page.check('input[name="provision_form"][value="electronic"]')
    page.check('input[name="delivery_method"][value="email"]')
    page.fill("#id_captcha_answer", str(captcha_answer(page)))
    submit(page, "提交申请")

    error = field_of(page, "#id_id_number").locator("#id_id_number_error")
    assert "校验位错误" in error.inner_text()
    assert "id_id_number_error" in page.get_attribute("#id_id_number", "aria-describedby")
    for selector, value in APPLICATION.items():
        assert page.input_value(selector) == value, selector
    assert page.is_checked('input[name="applicant_type"][value="citizen"]') and organisation.is_hidden()

    page.fill("#id_id_number", valid)
    page.fill("#id_captcha_answer", str(captcha_answer(page)))
    submit(page, "提交申请")
    assert re.fullmatch(r"YSQ-\d{4}-\d{6}-[A-Z2-9]{6}", page.locator(".tracking-number").inner_text())
    stored = Application.objects.get()
    assert stored.id_number == valid and stored.credit_code == ""


def test_the_forms_fit_a_phone_without_horizontal_scrolling(county_site, open_page, live_server):
    page = open_page(PHONE)
    for name, url in (("letter-form", mailbox_url(county_site)), ("application-form", apply_url(county_site))):
        page.goto(live_server.url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px on a phone"
        screenshot(page, f"{name}-phone")
