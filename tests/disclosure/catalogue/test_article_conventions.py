"""Conventions of a government content page: 上一篇/下一篇, 相关链接, 打印 and the 分享 QR code."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.catalogue.article_conventions import column_neighbours, related_links, share_qr_svg
from portal.models import ArticlePage, RelatedItem
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(county_pages):
    return county_pages


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().split('<main id="main"')[1].split("</main>")[0]


def neighbours_of(html):
    nav = html.split('<nav class="article-neighbours"')[1].split("</nav>")[0]
    previous = re.search(r'class="neighbour-previous">上一篇：(.*?)</p>', nav).group(1)
    following = re.search(r'class="neighbour-next">下一篇：(.*?)</p>', nav).group(1)
    return previous, following


def test_previous_is_the_newer_item_and_next_the_older_one_in_the_same_column(client, site):
    news = site["news_column"]
    titles = [page.title for page in ArticlePage.objects.child_of(news).live().order_by("-display_date")]
    assert titles[0] == "县教育局开展秋季学期校园安全大检查"
    middle = ArticlePage.objects.get(title=titles[1])
    previous, following = neighbours_of(main_of(client, middle.url))
    assert f'rel="prev">{titles[0]}</a>' in previous
    assert f'rel="next">{titles[2]}</a>' in following


def test_the_newest_item_has_no_previous_and_the_oldest_no_next(client, site):
    previous, following = neighbours_of(main_of(client, site["article"].url))
    assert previous == "<span>没有了</span>"
    assert "rel=\"next\"" in following
    oldest = ArticlePage.objects.child_of(site["news_column"]).live().order_by("display_date").first()
    previous, following = neighbours_of(main_of(client, oldest.url))
    assert following == "<span>没有了</span>"


def test_neighbours_stay_inside_the_column(site):
    # The agriculture bureau's article is a day old, between the education items by date, but in another column.
    previous, following = column_neighbours(site["article"])
    assert previous is None
    assert following is not None and "教师培训" in following.title


def test_items_published_at_the_same_moment_still_have_distinct_neighbours(county):
    news = factories.column(factories.make_organisation())
    moment = timezone.now() - timedelta(days=1)
    first, second, third = (factories.article(news, title=f"同一时刻发布的第{n}条", display_date=moment) for n in (1, 2, 3))
    assert column_neighbours(second)[0].title == third.title
    assert column_neighbours(second)[1].title == first.title


def test_a_withdrawn_neighbour_is_skipped(client, site):
    news = site["news_column"]
    ordered = list(ArticlePage.objects.child_of(news).live().order_by("-display_date"))
    ordered[1].unpublish()
    previous, following = column_neighbours(ordered[2])
    assert previous.title == ordered[0].title


def test_related_links_list_the_editors_choices_and_the_policy_interpretation_pair(client, site):
    policy, interpretation, guide = site["policy"], site["interpretation"], site["guide"]
    RelatedItem.objects.create(page=policy, target=guide, sort_order=0)
    main = main_of(client, policy.url)
    related = main.split('<section class="related-links"')[1].split("</section>")[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', related)
    assert links == [(guide.url, guide.title), (interpretation.url, interpretation.title)]
    back = main_of(client, interpretation.url).split('<section class="related-links"')[1].split("</section>")[0]
    assert f'<a href="{policy.url}">{policy.title}</a>' in back


def test_related_links_leave_out_pages_that_are_not_live(site):
    article, guide = site["article"], site["guide"]
    RelatedItem.objects.create(page=article, target=guide, sort_order=0)
    assert [link.title for link in related_links(article)] == [guide.title]
    guide.unpublish()
    assert related_links(article) == []


def test_an_item_without_related_pages_has_no_related_section(client, site):
    assert '<section class="related-links"' not in main_of(client, site["article"].url)


def test_editors_choose_related_items_in_the_page_editor(admin_client, site):
    response = admin_client.get(f"/admin/pages/{site['article'].pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "相关链接" in html and 'name="related_items-TOTAL_FORMS"' in html


def test_the_share_entry_is_a_server_drawn_qr_code_of_the_page_address(client, site):
    main = main_of(client, site["article"].url)
    share = main.split('<details class="share-entry">')[1].split("</details>")[0]
    assert "<summary>分享</summary>" in share
    assert '<svg width="' in share and 'class="share-qr"' in share and "<title>本页网址二维码</title>" in share
    assert f"http://testserver{site['article'].url}" in share
    assert "<script" not in main


def test_the_qr_code_encodes_the_address_it_is_given():
    svg = share_qr_svg("http://www.example.gov.cn/jyj/gzdt/t20261130_0031/")
    longer = share_qr_svg("http://www.example.gov.cn/jyj/gzdt/t20261130_0031/?" + "x" * 200)
    size = int(re.search(r'width="(\d+)"', svg).group(1))
    assert int(re.search(r'width="(\d+)"', longer).group(1)) > size  # more data, more modules


@pytest.mark.parametrize("kind", ["policy", "interpretation", "guide", "article"])
def test_every_content_page_carries_print_share_and_neighbours(client, site, kind):
    main = main_of(client, site[kind].url)
    assert 'data-print' in main and '<details class="share-entry">' in main and 'class="article-neighbours"' in main


def test_print_stylesheet_leaves_out_the_chrome_and_the_page_tools(client, site):
    html = client.get(site["article"].url).content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*print[^"]*\.css" media="print">', html)
    from pathlib import Path

    css = (Path(__file__).resolve().parents[3] / "static/css/print.css").read_text()
    hidden = css.split("{ display: none !important; }")[0]
    for selector in (".main-nav", ".article-tools", ".article-neighbours", ".footer-links"):
        assert selector in hidden


def test_related_items_travel_with_the_revision_and_go_live_when_it_is_published(site):
    article, guide = site["article"], site["guide"]
    article.related_items.add(RelatedItem(target=guide))
    revision = article.save_revision()
    assert not RelatedItem.objects.filter(page=article).exists()  # a draft does not change the live page
    revision.publish()
    assert list(RelatedItem.objects.filter(page=article).values_list("target_id", flat=True)) == [guide.pk]
