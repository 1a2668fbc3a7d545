"""Atom feeds of new items (county and per organisation) and one sitemap covering every site."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from disclosure.models import CatalogueEntry
from portal.provisioning import provision
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def items(department, township):
    news = factories.article(factories.column(department), title="县教育局召开安全工作会议")
    town = factories.article(factories.column(township), title="城关镇开展防汛演练")
    gone = factories.article(factories.column(township), title="已撤回的旧闻")
    gone.unpublish()
    return {"news": news, "town": town, "gone": gone}


def feed_titles(response):
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def test_the_county_feed_is_atom_with_every_public_item(client, items):
    response = client.get("/disclosure/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert set(feed_titles(response)) == {"县教育局召开安全工作会议", "城关镇开展防汛演练"}
    entry = CatalogueEntry.objects.get(page_key=items["news"].pk)
    assert f"http://testserver{entry.path}" in response.content.decode(), "the asked host, not a stored one"


def test_an_organisation_feed_has_only_its_items(client, items, township):
    assert feed_titles(client.get(f"/disclosure/{township.slug}/feed/")) == ["城关镇开展防汛演练"]
    assert client.get("/disclosure/nobody/feed/").status_code == 404


def sitemap_locations(client):
    cache.clear()
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = []
    for sitemap in index.findall(f"{SITEMAP}sitemap"):
        section = client.get(sitemap.find(f"{SITEMAP}loc").text.replace("http://testserver", ""))
        assert section.status_code == 200
        locations += [url.find(f"{SITEMAP}loc").text for url in ET.fromstring(section.content).findall(f"{SITEMAP}url")]
    return locations


def test_the_sitemap_covers_live_pages_of_every_site(client, items, township):
    township.hostname = "cgz.example.gov.cn"
    provision(township)
    assert Site.objects.filter(hostname="cgz.example.gov.cn").exists()

    locations = sitemap_locations(client)
    cache.clear()  # the extra Site is rolled back with the test; its cached root paths must go too
    news_url = "http://testserver" + Page.objects.get(pk=items["news"].pk).get_url_parts()[2]  # the asked host
    town_url = Page.objects.get(pk=items["town"].pk).get_full_url()
    assert town_url.startswith("http://cgz.example.gov.cn")
    assert news_url in locations and town_url in locations
    assert not any("已撤回" in location or location.endswith(items["gone"].slug + "/") for location in locations)
    assert len(locations) == len(set(locations))
