"""Every public page carries the government-website meta tags (政府网站发展指引, 国办发〔2017〕47号):
SiteName, SiteDomain and SiteIDCode - search, the mailboxes and the application pages included, not
only pages of the page tree."""

import re

import pytest
from wagtail.models import Site

from portal.models import SiteIdentity
from tests.interaction.builders import mailbox_of


@pytest.fixture
def identity(department):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.site_name = "示例县人民政府"
    identity.site_id_code = "3301990001"
    identity.save()
    return identity


def meta_tags(response):
    return dict(re.findall(r'<meta name="([A-Za-z]+)" content="([^"]*)">', response.content.decode()))


def public_addresses(department):
    mailbox = mailbox_of(department)
    return [
        "/",
        "/search/",
        "/search/?q=开学",
        "/disclosure/",
        f"/disclosure/{department.slug}/",
        "/interaction/",
        "/interaction/lookup/",
        f"/interaction/mailbox/{mailbox.slug}/",
        f"/interaction/mailbox/{mailbox.slug}/write/",
        f"/interaction/mailbox/{mailbox.slug}/statistics/",
        "/disclosure/apply/",
        "/disclosure/apply/status/",
        f"/disclosure/apply/{department.slug}/",
        "/no-such-page/",
    ]


def test_every_public_page_names_the_site_its_domain_and_its_identification_code(client, identity, department):
    for address in public_addresses(department):
        response = client.get(address, HTTP_HOST="www.example.gov.cn")
        assert response.status_code in (200, 404), address
        tags = meta_tags(response)
        assert tags.get("SiteName") == "示例县人民政府", address
        assert tags.get("SiteDomain") == "www.example.gov.cn", address
        assert tags.get("SiteIDCode") == "3301990001", address


def test_search_keeps_its_noindex_beside_the_government_tags(client, identity):
    tags = meta_tags(client.get("/search/?q=开学"))
    assert tags["robots"] == "noindex"
    assert tags["SiteIDCode"] == "3301990001"
