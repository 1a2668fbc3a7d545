"""长者模式 and 字号: switchable from every page without JavaScript, remembered in a cookie."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_switching_elderly_mode_sets_a_cookie_and_returns_to_the_page(client):
    response = client.get("/preferences/", {"elder": "1", "next": "/departments/"})
    assert response.status_code == 302
    assert response["Location"] == "/departments/"
    assert response.cookies["elder_mode"].value == "1"
    assert int(response.cookies["elder_mode"]["max-age"]) >= 30 * 24 * 3600


def test_font_size_switch_sets_its_cookie(client):
    response = client.get("/preferences/", {"font": "large", "next": "/"})
    assert response.cookies["font_size"].value == "large"


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com/x", "javascript:alert(1)", ""])
def test_the_return_address_must_be_local(client, target):
    response = client.get("/preferences/", {"elder": "1", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("query, message", [
    ({"font": "huge"}, "字号只能是大、中、小之一。"),
    ({"elder": "yes"}, "长者模式只能是开启（1）或关闭（0）。"),
    ({}, "请指定要切换的阅读设置。"),
])
def test_unknown_values_are_refused_with_a_chinese_message(client, query, message):
    response = client.get("/preferences/", query)
    assert response.status_code == 400
    assert response.content.decode() == message
    assert not response.cookies.get("elder_mode") and not response.cookies.get("font_size")


def test_pages_render_the_chosen_mode_and_offer_the_switches(client, department):
    article = factories.article(factories.column(department), title="县教育局召开工作会议")
    client.cookies["elder_mode"] = "1"
    client.cookies["font_size"] = "large"
    html = client.get(article.url).content.decode()
    assert '<html lang="zh-CN" class="font-large elder-mode">' in html
    assert "退出长者模式" in html
    assert "/preferences/?elder=0&amp;next=" in html
    assert 'aria-current="true"' in html  # the selected font size is marked


def test_a_forged_cookie_value_does_not_reach_the_markup(client, county):
    client.cookies["font_size"] = '"><script>alert(1)</script>'
    html = client.get("/").content.decode()
    assert 'class="font-medium"' in html
    assert "<script>alert(1)" not in html
