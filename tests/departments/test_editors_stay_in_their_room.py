"""Editors stay in their room: each organisation's editors and approvers act only on its own tree and collection.

Everything here goes through the real admin views with the test client, for two organisations
(a department and a township), both ways.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories

Image = get_image_model()


def article_post(title, slug, **actions):
    return {
        **nested_form_data({
            "title": title,
            "slug": slug,
            "summary": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{title}。正文内容。</p>"))]),
            "display_date": "2026-03-02 09:30",
            "genre": "",
            "keywords": "",
        }),
        **actions,
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["portal", "articlepage", parent.pk])


@pytest.fixture
def rooms(department, township):
    """Two organisations, each with its own editor and approver."""
    return {
        org.slug: {
            "organisation": org,
            "column": factories.column(org, ColumnKind.NEWS),
            "editor": factories.user_in(org.editors_group, username=f"{org.slug}-editor"),
            "approver": factories.user_in(org.approvers_group, username=f"{org.slug}-approver"),
        }
        for org in (department, township)
    }


BOTH_WAYS = [("jyj", "cgz"), ("cgz", "jyj")]


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_an_editor_creates_and_edits_pages_in_their_own_tree(client, rooms, own, other):
    room = rooms[own]
    client.force_login(room["editor"])
    assert client.get(add_url(room["column"])).status_code == 200

    response = client.post(add_url(room["column"]), article_post("本单位工作动态", "own-news"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="own-news")
    assert page.get_parent().pk == room["column"].pk
    assert not page.live, "saving a draft publishes nothing"

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, article_post("本单位工作动态（修改）", "own-news")).status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "本单位工作动态（修改）"


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_an_editor_cannot_publish_submitting_goes_to_the_approvers(client, rooms, own, other):
    room = rooms[own]
    client.force_login(room["editor"])

    client.post(add_url(room["column"]), article_post("试图直接发布", "try-publish", **{"action-publish": "1"}))
    page = ArticlePage.objects.get(slug="try-publish")
    assert not page.live
    assert not CatalogueEntry.objects.filter(page_key=page.pk).exists()

    response = client.post(add_url(room["column"]), article_post("提交审核的稿件", "submitted", **{"action-submit": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="submitted")
    assert not page.live
    workflow_state = page.current_workflow_state
    assert workflow_state is not None and workflow_state.workflow == room["organisation"].workflow
    assert not CatalogueEntry.objects.filter(page_key=page.pk).exists()


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_the_approver_approves_which_publishes_and_registers_the_catalogue_entry(client, rooms, own, other):
    room = rooms[own]
    client.force_login(room["editor"])
    client.post(add_url(room["column"]), article_post("待审核的通知", "awaiting", **{"action-submit": "1"}))
    page = ArticlePage.objects.get(slug="awaiting")
    task_state = page.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    other_approver = rooms[other]["approver"]
    client.force_login(other_approver)
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live, "another organisation's approver cannot approve"

    client.force_login(room["approver"])
    response = client.post(approve, {"comment": "同意发布"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    entry = CatalogueEntry.objects.get(page=page)
    assert entry.organisation == room["organisation"]
    assert entry.status == CatalogueEntry.Status.LIVE
    assert entry.index_number.startswith(room["organisation"].credit_code + "/")


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_an_editor_cannot_add_or_edit_in_another_organisations_tree(client, rooms, own, other):
    theirs = rooms[other]
    their_page = factories.article(theirs["column"], title="他人栏目中的文章")
    client.force_login(rooms[own]["editor"])

    for url in (add_url(theirs["column"]), reverse("wagtailadmin_pages:edit", args=[their_page.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
            messages = [str(message) for message in response.wsgi_request._messages]
            assert messages, "a redirect must say why"

    client.post(add_url(theirs["column"]), article_post("越权添加", "intruder"))
    assert not ArticlePage.objects.filter(slug="intruder").exists()
    client.post(reverse("wagtailadmin_pages:edit", args=[their_page.pk]), article_post("越权修改", their_page.slug))
    their_page.refresh_from_db()
    assert their_page.title == their_page.draft_title == "他人栏目中的文章"


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_the_approver_publishes_in_their_own_tree_but_not_in_the_others(client, rooms, own, other):
    client.force_login(rooms[own]["approver"])
    client.post(add_url(rooms[own]["column"]), article_post("审核人直接发布", "approver-own", **{"action-publish": "1"}))
    assert ArticlePage.objects.get(slug="approver-own").live

    client.post(add_url(rooms[other]["column"]), article_post("审核人越权发布", "approver-other", **{"action-publish": "1"}))
    assert not ArticlePage.objects.filter(slug="approver-other").exists()
    their_page = factories.article(rooms[other]["column"], title="他人已发布文章")
    client.post(reverse("wagtailadmin_pages:edit", args=[their_page.pk]),
                article_post("越权修改并发布", their_page.slug, **{"action-publish": "1"}))
    their_page.refresh_from_db()
    assert their_page.title == "他人已发布文章"


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (31, 95, 168)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("own, other", BOTH_WAYS)
def test_an_editor_uploads_images_only_into_their_own_collection(client, rooms, own, other):
    mine, theirs = rooms[own]["organisation"].collection, rooms[other]["organisation"].collection
    client.force_login(rooms[own]["editor"])

    form = client.get(reverse("wagtailimages:add"))
    assert form.status_code == 200
    fields = form.context["form"].fields
    if "collection" in fields:  # Wagtail drops the field when only one collection is allowed
        assert list(fields["collection"].queryset) == [mine]
    assert theirs.name not in form.content.decode()

    response = client.post(reverse("wagtailimages:add"), {"title": "试图放入他人图库", "file": png(), "collection": theirs.pk})
    assert response.status_code in (200, 302)
    assert not Image.objects.filter(collection=theirs).exists()

    response = client.post(reverse("wagtailimages:add"), {"title": "本单位活动照片", "file": png(), "collection": mine.pk})
    assert response.status_code == 302
    assert Image.objects.get(title="本单位活动照片").collection == mine
    root = Collection.get_first_root_node()
    assert not Image.objects.filter(collection__in=[root, theirs]).exists()

    other_client = Client()
    other_client.force_login(rooms[other]["editor"])
    other_editors_library = other_client.get(reverse("wagtailimages:index"))
    assert other_editors_library.status_code == 200
    assert "本单位活动照片" not in other_editors_library.content.decode()


def test_the_approver_previews_the_submitted_draft_from_the_dashboard_before_approving(client, rooms):
    room = rooms["jyj"]
    client.force_login(room["editor"])
    client.post(add_url(room["column"]), article_post("待预览的稿件", "to-preview", **{"action-submit": "1"}))
    page = ArticlePage.objects.get(slug="to-preview")
    task = page.current_workflow_task_state.task
    preview = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])

    client.force_login(room["approver"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert preview in dashboard, "the 待审核 panel links the draft's preview"
    response = client.get(preview)
    assert response.status_code == 200
    assert "待预览的稿件。正文内容。" in response.content.decode()
    assert not ArticlePage.objects.get(pk=page.pk).live, "previewing publishes nothing"

    client.force_login(rooms["cgz"]["approver"])
    refused = client.get(preview)
    assert refused.status_code == 302, "another organisation's approver sees no preview"
    assert refused["Location"] == reverse("wagtailadmin_home"), "Wagtail's permission denial: back to the dashboard"
