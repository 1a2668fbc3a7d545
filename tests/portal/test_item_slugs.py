"""New items get short ASCII addresses (t20261130_0031), never percent-encoded Chinese titles."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.column_kinds import ColumnKind
from portal.item_slugs import is_ascii_slug, next_item_slug
from portal.models import ArticlePage, ColumnPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(department):
    return {
        "column": factories.column(department, ColumnKind.NEWS),
        "editor": factories.user_in(department.editors_group, username="jyj-editor"),
    }


def add_article(room, title, slug=""):
    client = Client()
    client.force_login(room["editor"])
    url = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", room["column"].pk])
    return client.post(url, nested_form_data({
        "title": title, "slug": slug, "summary": "", "genre": "", "keywords": "", "display_date": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{title}。正文。</p>"))]),
    }))


def test_an_item_saved_with_an_empty_address_gets_the_date_and_serial_pattern(room):
    response = add_article(room, "全县召开秋冬季安全生产工作会议")
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="全县召开秋冬季安全生产工作会议")
    assert page.slug == "t20261130_0001"
    assert page.url_path.endswith("/t20261130_0001/")


def test_serials_of_one_day_follow_each_other_across_columns(room, department):
    first = factories.article(room["column"], title="第一条")
    second = factories.article(factories.column(department, ColumnKind.NOTICES), title="第二条")
    third = factories.article(room["column"], title="第三条")
    assert [first.slug, second.slug, third.slug] == ["t20261130_0001", "t20261130_0002", "t20261130_0003"]


def test_a_chinese_title_never_becomes_a_percent_encoded_address(client, room):
    page = factories.article(room["column"], title="关于做好2026年冬季供暖工作的通知")
    assert is_ascii_slug(page.slug)
    assert "%" not in page.url and "供暖" not in page.url
    assert client.get(page.url).status_code == 200


def test_an_editor_typed_chinese_address_is_refused_in_chinese(room):
    response = add_article(room, "冬季供暖", slug="冬季供暖")
    assert response.status_code == 200
    assert "网址只能使用英文字母、数字、连字符（-）和下划线（_），不能使用汉字；留空则自动生成。" in response.content.decode()
    assert not ArticlePage.objects.filter(title="冬季供暖").exists()


def test_an_editor_typed_address_that_clashes_is_refused_in_chinese(room):
    factories.article(room["column"], title="已有信息", slug="gongnuan")
    response = add_article(room, "冬季供暖", slug="gongnuan")
    assert response.status_code == 200
    html = response.content.decode()
    assert "网址“gongnuan”已被本栏目中的其他信息使用，请换一个，或留空由系统自动生成。" in html
    assert "already in use" not in html


def test_an_editor_typed_free_ascii_address_is_kept(room):
    assert add_article(room, "冬季供暖", slug="gongnuan-2026").status_code == 302
    assert ArticlePage.objects.get(title="冬季供暖").slug == "gongnuan-2026"


def test_a_taken_serial_is_skipped_automatically(room):
    factories.article(room["column"], title="手工占用", slug="t20261130_0001")
    assert next_item_slug(room["column"]) == "t20261130_0002"
    day = datetime.date(2026, 11, 29)
    assert next_item_slug(room["column"], day=day) == "t20261129_0001"


def test_the_address_of_an_existing_item_does_not_change_when_it_is_edited(room):
    page = factories.article(room["column"], title="原有信息", slug="yuanyou")
    page.title = "原有信息（修订）"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "yuanyou"


def test_columns_keep_their_own_addresses(department):
    assert all(is_ascii_slug(column.slug) for column in ColumnPage.objects.child_of(department.home_page))


def test_a_submission_without_the_related_links_panel_keeps_the_related_links(room, department):
    from portal.models import RelatedItem

    other = factories.article(room["column"], title="相关的信息")
    page = factories.article(room["column"], title="原有信息", slug="yuanyou")
    RelatedItem.objects.create(page=page, target=other, sort_order=0)
    client = Client()
    client.force_login(room["editor"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data({
        "title": "原有信息（修订）", "slug": "yuanyou", "summary": "", "genre": "", "keywords": "", "display_date": "",
        "body": streamfield([("paragraph", rich_text("<p>正文。</p>"))]),
    }))
    assert response.status_code == 302
    revision = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [item.target_id for item in revision.related_items.all()] == [other.pk]


def test_an_empty_address_posted_for_a_saved_item_keeps_its_address(room):
    """The admin's autosave creates the item from the add form, then posts that form's empty 网址 again."""
    page = factories.article(room["column"], title="全县召开秋冬季安全生产工作会议")
    client = Client()
    client.force_login(room["editor"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data({
        "title": page.title, "slug": "", "summary": "", "genre": "", "keywords": "", "display_date": "",
        "body": streamfield([("paragraph", rich_text("<p>正文有改动。</p>"))]),
    }))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.slug == "t20261130_0001"
    assert page.get_latest_revision_as_object().slug == "t20261130_0001"
