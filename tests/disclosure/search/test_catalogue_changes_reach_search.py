"""Search is fed from catalogue changes, not from page signals: whatever changes an entry - a
``catalogue_sync`` withdrawal, a privacy change, a bulk change - reaches the index, and the search
page links on the host that served it."""

import io
import re

from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from disclosure.models import CatalogueEntry
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_a_catalogue_sync_withdrawal_leaves_search(department, search_index, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="农村危房改造补助资金公示")
    # The page vanished behind the catalogue's back (a raw delete, no signal): only sync notices.
    Page.objects.filter(pk=page.pk).update(live=False)
    assert titles(find("危房改造")) == ["农村危房改造补助资金公示"]

    with indexed():
        call_command("catalogue_sync", stdout=io.StringIO())

    assert titles(find("危房改造")) == []


def test_a_view_restriction_takes_the_item_out_of_search_and_its_removal_brings_it_back(
    department, search_index, indexed
):
    with indexed():
        page = factories.article(factories.column(department), title="内部财务审计整改报告")
    with indexed():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles(find("财务审计")) == []

    with indexed():
        restriction.delete()
    assert titles(find("财务审计")) == ["内部财务审计整改报告"]


def test_renaming_an_organisation_reaches_search_as_a_bulk_change(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="校园食品安全专项检查通知")
    with indexed():
        department.name = "示例县教育和体育局"
        department.save()
    # The organisation itself (kind 机构, its name in the title) and its entry both follow the rename.
    assert titles(find("教育和体育局")) == ["示例县教育和体育局", "校园食品安全专项检查通知"]


def test_search_results_link_on_the_host_that_served_them(client, department, search_index, indexed):
    with indexed():
        page = factories.article(factories.column(department), title="秋季开学疫情防控指南")
    path = Page.objects.get(pk=page.pk).get_url_parts()[2]

    response = client.get("/search/", {"q": "秋季开学"}, HTTP_HOST="127.0.0.1:8000")
    assert path in re.findall(r'href="([^"]+)"', response.content.decode())
    api = client.get("/api/search/", {"q": "秋季开学"}, HTTP_HOST="127.0.0.1:8000").json()
    assert [result["url"] for result in api["results"]] == [f"http://127.0.0.1:8000{path}"]
    assert CatalogueEntry.objects.get(page_key=page.pk).url.startswith("http://localhost/")
