"""辅助工具 (工信部 2021 适老化): 高对比度, 大鼠标, 阅读线 switched by plain links and remembered; 朗读 from a static file."""

from pathlib import Path

import pytest

from portal.reading_preferences import ReadingPreferences

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name, cookie, css", [
    ("contrast", "high_contrast", "high-contrast"), ("cursor", "big_cursor", "big-cursor"), ("guide", "reading_guide", "reading-guide"),
])
def test_each_tool_is_switched_by_a_plain_link_and_remembered_for_a_year(client, county, name, cookie, css):
    response = client.get("/preferences/", {name: "1", "next": "/wzdt/"})
    assert response.status_code == 302 and response["Location"] == "/wzdt/"
    assert response.cookies[cookie].value == "1"
    assert int(response.cookies[cookie]["max-age"]) >= 365 * 24 * 3600
    page = client.get("/wzdt/").content.decode()
    assert f'<html lang="zh-CN" class="font-medium {css}">' in page
    off = client.get("/preferences/", {name: "0", "next": "/wzdt/"})
    assert off.cookies[cookie].value == "0"
    assert css not in client.get("/wzdt/").content.decode().split("<head>")[0]


def test_an_unknown_value_is_refused_in_chinese(client):
    response = client.get("/preferences/", {"contrast": "max"})
    assert response.status_code == 400
    assert response.content.decode() == "辅助工具只能是开启（1）或关闭（0）。"
    assert not response.cookies.get("high_contrast")


def test_the_header_offers_the_tools_as_links_that_work_without_javascript(client, county):
    html = client.get("/wzdt/").content.decode()
    tools = html.split('<details class="assist-tools">')[1].split("</details>")[0]
    assert '<summary class="tool">辅助工具</summary>' in tools
    for name, label in (("contrast", "高对比度"), ("cursor", "大鼠标"), ("guide", "阅读线")):
        assert f'href="/preferences/?{name}=1&amp;next=%2Fwzdt%2F">{label}</a>' in tools
    assert 'data-read-aloud' in tools and " hidden>" in tools  # shown by the script only where speech exists
    client.cookies["high_contrast"] = "1"
    tools = client.get("/wzdt/").content.decode().split('<details class="assist-tools">')[1].split("</details>")[0]
    assert 'href="/preferences/?contrast=0&amp;next=%2Fwzdt%2F">高对比度<span class="visually-hidden">（已开启，点击关闭）</span>' in tools


def test_pages_in_different_modes_are_cached_apart(settings, client, county):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    plain = client.get("/wzdt/").content.decode()
    client.cookies["high_contrast"] = "1"
    contrast = client.get("/wzdt/").content.decode()
    assert "high-contrast" not in plain.split("<head>")[0] and "high-contrast" in contrast.split("<head>")[0]
    assert ReadingPreferences(contrast=True).cache_suffix != ReadingPreferences().cache_suffix


def test_read_aloud_uses_the_browsers_speech_synthesis_from_a_static_file():
    script = (ROOT / "static/js/portal.js").read_text()
    assert '"speechSynthesis" in window' in script and "new SpeechSynthesisUtterance" in script
    assert "http" not in script.split("朗读正文")[1].split("打印本页")[0]  # no external service


def test_the_large_pointer_and_the_contrast_scheme_are_in_the_stylesheet():
    css = (ROOT / "static/css/portal.css").read_text()
    assert 'html.big-cursor, html.big-cursor * { cursor: url("../img/cursor-large.svg")' in css
    assert (ROOT / "static/img/cursor-large.svg").exists() and (ROOT / "static/img/cursor-large-pointer.svg").exists()
    assert "html.high-contrast {" in css and ".reading-guide-line {" in css
