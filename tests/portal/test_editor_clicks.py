"""The cuts on an editor's way from 添加 to 提交审核 (docs/editors.md); the whole walk is tests/browser/test_editor_clicks.py."""

import re
from pathlib import Path

import pytest
import wagtail
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
CHOOSER = "wagtailadmin/generic/chooser/chooser.html"


@pytest.fixture
def room(department):
    return {
        "column": factories.column(department, ColumnKind.NEWS),
        "editor": factories.user_in(department.editors_group, username="jyj-editor"),
        "approver": factories.user_in(department.approvers_group, username="jyj-approver"),
    }


def add_form(room, who):
    client = Client()
    client.force_login(room[who])
    return client, reverse("wagtailadmin_pages:add", args=["portal", "articlepage", room["column"].pk])


def main_button_and_menu(html):
    """(name of the action footer's main button, names in its menu) from the page editor's HTML."""
    footer = html[html.index('class="dropdown dropup'):] if 'class="dropdown dropup' in html else html
    names = re.findall(r'<button[^>]*name="(action-[a-z-]+)"', footer)
    return names[0], names[1:]


def test_submit_is_the_main_button_for_an_editor_who_cannot_publish(room):
    client, url = add_form(room, "editor")
    html = client.get(url).content.decode()
    main, menu = main_button_and_menu(html)
    assert main == "action-submit"
    assert "action-publish" not in menu


def test_an_approver_keeps_wagtails_order(room):
    client, url = add_form(room, "approver")
    main, menu = main_button_and_menu(client.get(url).content.decode())
    assert main != "action-submit"
    assert "action-publish" in [main, *menu]


def test_a_new_article_opens_with_an_empty_paragraph_that_cannot_be_submitted_empty(room):
    assert [block.block_type for block in ArticlePage().body] == ["paragraph"]
    client, url = add_form(room, "editor")
    response = client.post(url, nested_form_data({
        "title": "空正文", "slug": "", "summary": "", "genre": "", "keywords": "", "display_date": "",
        "body": streamfield([("paragraph", rich_text(""))]), "action-submit": "1",
    }))
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(title="空正文").exists()


def test_the_choosers_template_is_wagtails_own_but_for_the_upload_tab_first():
    ours = (PROJECT / "templates" / CHOOSER).read_text(encoding="utf-8")
    original = (Path(wagtail.__file__).parent / "admin" / "templates" / CHOOSER).read_text(encoding="utf-8")
    assert 'data-w-tabs-active-panel-id-value="tab-upload"' in ours
    without_comment = re.sub(r"\A\{% comment %\}.*?\{% endcomment %\}\n", "", ours, flags=re.S)
    restored = without_comment.replace(
        '{% if view.creation_tab_id == "upload" %} data-w-tabs-active-panel-id-value="tab-upload"{% endif %}', "")
    assert restored == original


def test_the_image_chooser_opens_on_its_upload_tab(room):
    client, _url = add_form(room, "editor")
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert 'data-w-tabs-active-panel-id-value="tab-upload"' in response.json()["html"]
