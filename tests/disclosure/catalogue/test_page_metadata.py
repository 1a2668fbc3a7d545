"""Every public page carries the government-website meta tags; disclosed pages show the metadata block."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from disclosure.models import CatalogueEntry, Topic
from portal.column_kinds import ColumnKind
from portal.models import OrganisationIndexPage, PolicyInterpretationPage, PortalHomePage, SiteIdentity
from tests import factories

SITE_TAGS = {"SiteName", "SiteDomain", "SiteIDCode"}
ARTICLE_TAGS = SITE_TAGS | {"ColumnName", "ColumnType", "ArticleTitle", "PubDate", "ContentSource", "Description", "Url"}


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' root paths; another test's extra Site must not leak into these URLs."""
    cache.clear()
    yield
    cache.clear()


def meta_tags(response):
    html = response.content.decode()
    return dict(re.findall(r'<meta name="([A-Za-z]+)" content="([^"]*)">', html))


@pytest.fixture
def identity(county):
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.site_id_code = "3301990001"
    identity.save()
    return identity


@pytest.fixture
def pages(department, identity):
    topic = Topic.objects.get(name="教育", parent__name="科技、教育")
    policy = factories.policy(
        factories.column(department, ColumnKind.POLICIES),
        written_date=timezone.localdate(),
        topic=topic,
        keywords="开学 安全",
    )
    interpretation = PolicyInterpretationPage(
        title="一图读懂秋季开学通知", policy=policy, body=[("paragraph", "<p>解读正文。</p>")], keywords="解读"
    )
    factories.publish(factories.column(department, ColumnKind.INTERPRETATIONS), interpretation)
    return {
        "article": factories.article(factories.column(department), keywords="安全生产"),
        "policy": policy,
        "interpretation": interpretation,
        "guide": factories.guide(factories.column(department, ColumnKind.GUIDES), keywords="养老保险"),
    }


@pytest.mark.parametrize("kind", ["article", "policy", "interpretation", "guide"])
def test_disclosed_pages_carry_every_article_tag(client, pages, kind):
    page = pages[kind]
    with time_machine.travel(page.first_published_at + datetime.timedelta(minutes=5)):  # viewed a while later
        tags = meta_tags(client.get(page.url))
    assert ARTICLE_TAGS | {"Keywords"} <= set(tags)
    assert tags["SiteIDCode"] == "3301990001"
    assert tags["SiteName"] == "示例县人民政府"
    assert tags["SiteDomain"] == "testserver"
    assert tags["ArticleTitle"] == page.title
    # No date set by the editor: the moment it first went live, not the moment it is viewed.
    assert page.display_date is None
    assert tags["PubDate"] == timezone.localtime(page.first_published_at).strftime("%Y-%m-%d %H:%M")
    assert tags["ContentSource"] == "示例县教育局"
    assert tags["ColumnName"] == page.column.title
    assert tags["Url"].startswith("http://testserver/") and tags["Url"].endswith(page.url)
    assert tags["Keywords"] == page.keywords
    assert tags["Description"]


def test_column_types_follow_the_guideline(client, pages):
    assert meta_tags(client.get(pages["policy"].url))["ColumnType"] == "政策文件"
    assert meta_tags(client.get(pages["interpretation"].url))["ColumnType"] == "政策解读"
    assert meta_tags(client.get(pages["guide"].url))["ColumnType"] == "办事服务"
    assert meta_tags(client.get(pages["article"].url))["ColumnType"] == "工作动态"


def test_listing_and_home_pages_carry_site_and_column_tags(client, pages, department):
    column = factories.column(department, ColumnKind.NOTICES)
    listing = meta_tags(client.get(column.url))
    assert SITE_TAGS | {"ColumnName", "ColumnType", "Url"} <= set(listing)
    assert listing["ColumnName"] == "通知公告"
    assert "ArticleTitle" not in listing

    for home in (PortalHomePage.objects.get(), department.home_page.specific):
        tags = meta_tags(client.get(home.url))
        assert SITE_TAGS | {"ColumnName", "ColumnType", "Url"} <= set(tags)
        assert tags["ColumnType"] == "首页"

    directory = meta_tags(client.get(OrganisationIndexPage.objects.get(kind="department").url))
    assert SITE_TAGS | {"ColumnName", "ColumnType", "Url"} <= set(directory)


def test_catalogue_pages_carry_site_and_column_tags(client, pages, department):
    for url in ("/disclosure/", f"/disclosure/{department.slug}/"):
        tags = meta_tags(client.get(url))
        assert SITE_TAGS | {"ColumnName", "Url"} <= set(tags)
        assert tags["ColumnType"] == "信息公开目录"


@pytest.mark.parametrize("kind", ["article", "policy", "interpretation", "guide"])
def test_disclosed_pages_show_the_metadata_block_at_the_top(client, pages, kind):
    page = pages[kind]
    entry = CatalogueEntry.objects.get(page_key=page.pk)
    html = client.get(page.url).content.decode()
    block = html[html.index('class="metadata-block"'):]
    assert block.index(entry.index_number) < block.index("<h1")
    for label in ("索引号", "发布机构", "主题分类", "体裁", "发布日期", "有效性"):
        assert label in block[: block.index("<h1")]
    assert "示例县教育局" in block[: block.index("<h1")]


def test_a_policy_block_shows_all_eight_fields(client, pages):
    policy = pages["policy"]
    html = client.get(policy.url).content.decode()
    block = html[html.index('class="metadata-block"'): html.index("<h1")]
    for label in ("索引号", "发布机构", "主题分类", "体裁", "文号", "成文日期", "发布日期", "有效性"):
        assert label in block
    assert "示政发〔2025〕12号" in block and "科技、教育\\教育" in block and "有效" in block


def test_a_draft_does_not_change_the_block(client, pages):
    policy = pages["policy"]
    policy.document_number = "草稿文号〔2099〕1号"
    policy.save_revision()
    assert "草稿文号" not in client.get(policy.url).content.decode()
