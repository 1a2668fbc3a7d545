"""One palette per website (issue: one main colour per website, at most three colours).

Channels of the county portal are drawn in the portal's palette (设置 → 网站标识 → 网站配色); only an
organisation that is its own website (own hostname and 网站标识码) has a main colour of its own.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from departments.colours import TEXT_CONTRAST, WHITE, contrast_ratio, darkened_until
from departments.models import Organisation
from portal.models import SiteIdentity
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity(county):
    return factories.portal_identity(site_id_code="3301000001", main_colour="#1d4e89", secondary_colour="#8a1c1c",
                                     accent_colour="#f2c94c")


def page_html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def palette_style(response):
    """The nonce'd ``<style>`` of the page head, checked against the response's Content-Security-Policy."""
    html = response.content.decode()
    match = re.search(r'<style nonce="([^"]+)">(:root\{[^<]*\})</style>', html)
    assert match is not None
    assert f"'nonce-{match.group(1)}'" in response["Content-Security-Policy"]
    return match.group(2)


def test_a_channel_is_drawn_in_the_county_palette_not_in_a_colour_of_its_own(client, identity):
    channel = factories.make_organisation("示例县教育局", "jyj")
    Organisation.objects.filter(pk=channel.pk).update(banner_colour="#2e7d32")  # a colour kept from before
    article = factories.article(factories.column(channel))
    for url in (channel.home_page.url, article.url):
        response = page_html(client, url)
        style = palette_style(response)
        assert style.startswith(":root{--brand:#1d4e89;--brand-dark:#173e6d;--banner:#1d4e89;--link:#8a1c1c;")
        assert "--gold:#f2c94c;" in style
        assert "#2e7d32" not in response.content.decode()
        assert '<meta name="theme-color" content="#1d4e89">' in response.content.decode()


def test_the_portal_home_follows_the_palette_of_the_identity_settings(client, identity):
    style = palette_style(page_html(client, "/"))
    assert "--brand:#1d4e89;" in style and "--link:#8a1c1c;" in style and "--gold:#f2c94c;" in style


def test_a_colour_written_past_the_form_never_reaches_the_pages_style(client, identity):
    SiteIdentity.objects.filter(pk=identity.pk).update(main_colour="red;}", accent_colour="")
    style = palette_style(page_html(client, "/"))
    assert style.startswith(":root{--brand:#b31b1b;")  # the default main colour
    assert "--link:#8a1c1c;" in style and "--gold:#f5d27a;" in style
    assert "red;}" not in style


def test_an_organisation_that_is_its_own_website_is_drawn_in_its_own_main_colour(client, identity):
    own = factories.make_organisation("示例县融媒体中心", "rmt", hostname="rmt.example.gov.cn", site_id_code="3301000099",
                                      banner_colour="#0f7b6c")
    path_on_the_portal = "/" + own.home_page.url_path.removeprefix(identity.site.root_page.url_path)
    for url, host in ((path_on_the_portal, "testserver"), ("/", "rmt.example.gov.cn")):
        style = palette_style(page_html(client, url, HTTP_HOST=host))
        assert "--brand:#0f7b6c;" in style and "--banner:#0f7b6c;" in style
        assert "--link:#8a1c1c;" in style and "--gold:#f2c94c;" in style  # the portal's other two colours


def test_a_light_colour_saved_before_validation_is_darkened_until_white_text_is_readable(client, identity):
    own = factories.make_organisation("示例县融媒体中心", "rmt", hostname="rmt.example.gov.cn", site_id_code="3301000099")
    Organisation.objects.filter(pk=own.pk).update(banner_colour="#f4c542")
    style = palette_style(page_html(client, "/", HTTP_HOST="rmt.example.gov.cn"))
    readable = darkened_until("#f4c542", WHITE, TEXT_CONTRAST)
    assert readable != "#f4c542" and contrast_ratio(readable, WHITE) >= TEXT_CONTRAST
    assert f"--banner:{readable};" in style


def test_an_own_websites_colour_written_past_the_form_falls_back_to_the_portals_main_colour(client, identity):
    own = factories.make_organisation("示例县融媒体中心", "rmt", hostname="rmt.example.gov.cn", site_id_code="3301000099")
    Organisation.objects.filter(pk=own.pk).update(banner_colour="red;}")
    response = page_html(client, "/", HTTP_HOST="rmt.example.gov.cn")
    assert palette_style(response).startswith(":root{--brand:#1d4e89;")
    assert "red;}" not in response.content.decode()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("main_colour", "#b31b1", "颜色请填写 # 加 6 位十六进制数字"),
    ("main_colour", "red", "颜色请填写 # 加 6 位十六进制数字"),
    ("main_colour", "#f4c542", "主色 #f4c542 上的白色文字对比度只有"),
    ("secondary_colour", "#7fb2e5", "辅助色用于链接文字，#7fb2e5 在页面底色上的对比度只有"),
    ("accent_colour", "#2a5a95", "点缀色 #2a5a95 与主色 #1d4e89 的对比度只有"),
])
def test_the_palette_setting_refuses_unreadable_or_malformed_colours_in_chinese(identity, field, value, message):
    setattr(identity, field, value)
    with pytest.raises(ValidationError) as refused:
        identity.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_a_refused_main_colour_comes_with_a_readable_suggestion(identity):
    identity.main_colour = "#f4c542"
    with pytest.raises(ValidationError) as refused:
        identity.full_clean()
    suggestion = re.search(r"例如 (#[0-9a-f]{6})", refused.value.message_dict["main_colour"][0]).group(1)
    assert contrast_ratio(suggestion, WHITE) >= TEXT_CONTRAST
    identity.main_colour = suggestion
    identity.full_clean()


def test_the_palette_is_set_on_the_portals_identity_only(identity):
    own = factories.make_organisation("示例县融媒体中心", "rmt", hostname="rmt.example.gov.cn", site_id_code="3301000099")
    own_identity = SiteIdentity.for_site(Site.objects.get(root_page=own.home_page))
    own_identity.full_clean()  # the defaults pass
    own_identity.main_colour = "#0f7b6c"
    with pytest.raises(ValidationError) as refused:
        own_identity.full_clean()
    assert "网站配色只在县政府门户网站（默认站点）的网站标识中设置" in " ".join(refused.value.message_dict["main_colour"])


def test_the_settings_screen_shows_a_refused_palette_in_chinese(admin_client, identity):
    url = reverse("wagtailsettings:edit", args=["portal", "siteidentity", identity.site_id])
    form = admin_client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update({"main_colour": "#f4c542"})
    response = admin_client.post(url, {key: value for key, value in data.items() if key in form.fields})
    assert response.status_code == 200
    assert "上的白色文字对比度只有" in response.content.decode()
    identity.refresh_from_db()
    assert identity.main_colour == "#1d4e89"
