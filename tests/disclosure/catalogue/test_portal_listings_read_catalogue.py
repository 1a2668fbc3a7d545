"""The portal's cross-site listings (部门动态, 乡镇动态) read catalogue entries, not the page tree."""

from django.core.cache import cache
from wagtail.models import Page

from disclosure.catalogue.registration import WithdrawalReason, withdraw_page
from disclosure.models import CatalogueEntry
from portal.models import PortalHomePage
from tests import factories


def home_html(client):
    cache.clear()  # the anonymous page cache must not hide what the catalogue says
    return client.get(PortalHomePage.objects.get().url).content.decode()


def department_news_section(html):
    start = html.index("部门动态")
    return html[start: html.index("乡镇动态", start)]


def test_a_withdrawn_entry_leaves_the_portal_home_although_its_page_is_still_live(client, department):
    page = factories.article(factories.column(department), title="教育局召开家长座谈会")
    assert "教育局召开家长座谈会" in department_news_section(home_html(client))

    withdraw_page(page.pk, WithdrawalReason.UNPUBLISHED)

    assert Page.objects.get(pk=page.pk).live  # the page object is untouched ...
    assert "教育局召开家长座谈会" not in home_html(client)  # ... but the portal follows the catalogue
    assert not [e for e in CatalogueEntry.objects.latest_by_kind_of_organisation("department", 10) if e.title == page.title]


def test_the_portal_shows_the_catalogue_title_not_the_page_title(client, department, township):
    page = factories.article(factories.column(township), title="城关镇开展防汛演练")
    CatalogueEntry.objects.filter(page_key=page.pk).update(title="城关镇开展防汛应急演练（目录标题）")

    html = home_html(client)
    assert "城关镇开展防汛应急演练（目录标题）" in html
    assert [entry.title for entry in CatalogueEntry.objects.latest_by_kind_of_organisation("township", 10)] == [
        "城关镇开展防汛应急演练（目录标题）"
    ]
