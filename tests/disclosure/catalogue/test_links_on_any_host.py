"""Links are right on whatever host serves them.

Same-site links are relative (as Wagtail's ``get_url(request)`` does); links to another Site use that
Site's current hostname, port and scheme. Creating, changing or deleting a Site - through organisation
provisioning too, and the default Site's port - keeps every entry of the affected tree correct.
"""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from disclosure.models import CatalogueEntry
from portal.provisioning import provision
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
DEV_HOST = "127.0.0.1:8000"


@pytest.fixture(autouse=True)
def forget_site_root_paths():
    """Sites are rolled back with each test; Wagtail's cached root paths must go with them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def items(county, department):
    portal_news = factories.article(factories.column(county, "headlines"), title="县政府召开常务会议")
    department_news = factories.article(factories.column(department), title="教育局部署秋季开学工作")
    return {"portal": portal_news, "department": department_news}


def entry_of(page):
    return CatalogueEntry.objects.get(page_key=page.pk)


def path_of(page):
    return Page.objects.get(pk=page.pk).get_url_parts()[2]


def hrefs(response):
    return set(__import__("re").findall(r'href="([^"]+)"', response.content.decode()))


def test_a_newcomer_on_127_0_0_1_8000_gets_links_that_work_on_that_host(client, items):
    """The default Site says localhost:80; a visitor on 127.0.0.1:8000 must never be sent to port 80."""
    home = client.get("/", HTTP_HOST=DEV_HOST)
    links = hrefs(home)
    assert path_of(items["portal"]) in links
    assert path_of(items["department"]) in links
    assert not any(link.startswith("http://localhost") for link in links)

    catalogue = hrefs(client.get("/disclosure/", HTTP_HOST=DEV_HOST))
    assert path_of(items["department"]) in catalogue

    feed = ET.fromstring(client.get("/disclosure/feed/", HTTP_HOST=DEV_HOST).content)
    assert f"http://{DEV_HOST}{path_of(items['department'])}" in {
        link.get("href") for link in feed.iter(f"{ATOM}link")
    }
    api = client.get("/api/catalogue/", HTTP_HOST=DEV_HOST).json()
    assert {result["url"] for result in api["results"]} == {
        f"http://{DEV_HOST}{path_of(items['portal'])}", f"http://{DEV_HOST}{path_of(items['department'])}"
    }
    number = entry_of(items["department"]).index_number
    assert client.get(f"/disclosure/item/{number}/", HTTP_HOST=DEV_HOST)["Location"] == path_of(items["department"])


def test_changing_the_default_sites_port_rewrites_the_stored_addresses(items):
    site = Site.objects.get(is_default_site=True)
    site.port = 8000
    site.save()

    for page in items.values():
        assert entry_of(page).url == f"http://localhost:8000{path_of(page)}"


def test_a_department_given_its_own_domain_is_linked_there_from_the_portal_and_relatively_at_home(
    client, items, department
):
    department.hostname = "jyj.example.gov.cn"
    provision(department)

    entry = entry_of(items["department"])
    own_site = Site.objects.get(hostname="jyj.example.gov.cn")
    assert entry.site == own_site
    assert entry.path == path_of(items["department"])
    assert not entry.path.startswith("/departments/")
    assert entry.url == f"http://jyj.example.gov.cn{entry.path}"

    on_portal = hrefs(client.get("/disclosure/", HTTP_HOST=DEV_HOST))
    assert f"http://jyj.example.gov.cn{entry.path}" in on_portal
    on_department = hrefs(client.get("/disclosure/", HTTP_HOST="jyj.example.gov.cn"))
    assert entry.path in on_department
    assert path_of(items["portal"]) not in on_department, "the portal's items are on the portal's host"
    assert f"http://localhost{path_of(items['portal'])}" in on_department


def test_a_sites_new_hostname_and_its_removal_follow_through_to_the_entries(items, department):
    department.hostname = "jyj.example.gov.cn"
    provision(department)
    site = Site.objects.get(hostname="jyj.example.gov.cn")
    site.hostname = "jyj.county.gov.cn"
    site.port = 443
    site.save()
    assert entry_of(items["department"]).url.startswith("https://jyj.county.gov.cn/")

    department.hostname = ""
    provision(department)

    entry = entry_of(items["department"])
    assert entry.site == Site.objects.get(is_default_site=True)
    assert entry.url == f"http://localhost/departments/{department.slug}/" + entry.url.split(f"/{department.slug}/")[1]
    assert entry.path.startswith(f"/departments/{department.slug}/")
