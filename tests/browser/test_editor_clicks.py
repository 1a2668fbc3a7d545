"""A department editor adds an article with a picture and an attachment and submits it, in Chromium.

The walk is ``benchmarks/editor_clicks.py``'s, so the benchmark's figures and this test count the same
things; the ceilings are the figures measured there (docs/front-end.md, “Editors: clicks to publish”).
"""

import pytest

from benchmarks.editor_clicks import walk
from portal.item_slugs import is_ascii_slug

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Measured after the cuts (2026-11-30): 28 clicks by hand before them.
MEASURED_CLICKS = 11
MEASURED_TYPED_FIELDS = 3
MEASURED_SCREENS = 5


def test_an_editor_submits_an_article_with_a_picture_and_an_attachment_in_eleven_clicks(browser, live_server, settings):
    from portal.column_kinds import ColumnKind
    from portal.models import ArticlePage
    from tests import factories

    # The live server's in-memory SQLite locks a table while one request writes; the admin's autosave would
    # write while a chooser reads. The benchmark (a file database) walks with the autosave on.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    factories.county()
    department = factories.make_organisation("示例县教育局", "jyj", short_name="教育局")
    column = factories.column(department, ColumnKind.NEWS)
    editor = factories.user_in(department.editors_group, username="jyj_editor")
    title = "县教育局部署开展校园安全大检查"

    tally, final_url = walk(live_server.url, editor.username, "pw", column.pk, title, browser=browser)

    assert final_url == f"{live_server.url}/admin/pages/{column.pk}/"
    pages = list(ArticlePage.objects.child_of(column).filter(title=title))
    assert len(pages) == 1  # the autosaved draft and the submission are one page
    article = pages[0]
    assert not article.live
    assert article.current_workflow_state is not None and article.current_workflow_state.status == "in_progress"
    assert is_ascii_slug(article.slug)
    body = article.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["paragraph", "image", "attachment"]
    assert body[1].value["image"] is not None and body[1].value["alt_text"] == "检查组在实验小学检查消防设施"
    assert body[2].value["document"] is not None
    assert tally.file_picks == 2
    assert tally.clicks <= MEASURED_CLICKS, tally.steps
    assert tally.typed_fields <= MEASURED_TYPED_FIELDS, tally.steps
    assert tally.screens <= MEASURED_SCREENS, tally.steps
