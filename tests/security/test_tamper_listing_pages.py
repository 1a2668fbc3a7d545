"""Tamper detection (网页防篡改) of column pages and website homes: what their editors control is fingerprinted.

A column or home page lists the newest items, so its content region changes whenever anything below it is
published; only its own marked parts (title, 栏目说明, 简介, service links) are fingerprinted. A legitimate
publish raises no alarm; a direct database change to a column or a home page is caught.
"""

import pytest
from wagtail.models import Page

from portal.models import ColumnPage, DepartmentHomePage, PortalHomePage
from security.fingerprints import NoContentRegion, content_fingerprint
from security.models import PageFingerprint
from security.tamper import run_check
from tests.factories import article, column

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def problems(findings):
    return [(finding.name, finding.problem) for finding in findings]


def test_column_and_home_pages_are_fingerprinted_when_published(served, department):
    """Here the department is provisioned after fingerprinting is on: its home and columns are fingerprinted at publish."""
    news = column(department)
    assert PageFingerprint.objects.filter(page=news).exists()
    assert PageFingerprint.objects.filter(page=department.home_page).exists()
    assert PageFingerprint.objects.filter(page=PortalHomePage.objects.get()).exists()


def test_publishing_articles_below_a_column_and_home_raises_no_alarm(department, served, office):
    news = column(department)
    assert run_check() == []
    for title in ("县教育局部署冬季校园安全工作", "全县召开安全生产工作会议", "县教育局开展教师培训"):
        article(news, title=title)
    # The column's list, the department home's panels and the portal home's 部门动态 all changed.
    assert run_check() == []


def test_an_editor_changing_a_column_or_home_through_wagtail_raises_no_alarm(department, served, office):
    news = column(department)
    news = ColumnPage.objects.get(pk=news.pk)
    news.description = "发布本局重要工作动态。"
    news.save_revision().publish()
    home = PortalHomePage.objects.get()
    home.intro = "示例县位于省境东部，总面积1200平方公里。"
    home.save_revision().publish()
    department_home = DepartmentHomePage.objects.get(pk=department.home_page_id)
    department_home.intro = "负责全县教育工作。"
    department_home.save_revision().publish()
    assert run_check() == []


def test_a_column_changed_directly_in_the_database_is_caught(department, served, office):
    news = column(department)
    ColumnPage.objects.filter(pk=news.pk).update(description="本站已被入侵，请访问 evil.example")
    assert problems(run_check()) == [(news.title, "正文与发布时不同：数据库中的内容在发布流程之外被改动。")]


def test_a_column_title_changed_in_the_page_table_is_caught(department, served, office):
    news = column(department)
    Page.objects.filter(pk=news.pk).update(title="赌博广告")
    assert [name for name, _problem in problems(run_check())] == ["赌博广告"]


def test_the_portal_home_changed_directly_in_the_database_is_caught(county, served, office):
    home = PortalHomePage.objects.get()
    PortalHomePage.objects.filter(pk=home.pk).update(intro="本站已被入侵。")
    findings = run_check()
    assert problems(findings) == [(home.title, "正文与发布时不同：数据库中的内容在发布流程之外被改动。")]


def test_a_department_home_changed_directly_in_the_database_is_caught(department, served, office):
    DepartmentHomePage.objects.filter(pk=department.home_page_id).update(intro="本站已被入侵。")
    findings = run_check()
    assert [finding.url for finding in findings] == [department.home_page.get_full_url()]
    assert "数据库中的内容在发布流程之外被改动" in findings[0].problem


def test_the_own_parts_fingerprint_ignores_the_listing_but_not_the_marked_text():
    page = ('<main><div><!--tamper:own--><h1>工作动态</h1><!--/tamper:own--></div>'
            '<ul><li>{item}</li></ul><p><!--tamper:own-->{intro}<!--/tamper:own--></p></main>')
    first = content_fingerprint(page.format(item="第一条", intro="简介"), own_only=True)
    assert first == content_fingerprint(page.format(item="新发布的一条", intro="简介"), own_only=True)
    assert first != content_fingerprint(page.format(item="第一条", intro="简介（被改）"), own_only=True)
    with pytest.raises(NoContentRegion):
        content_fingerprint("<main><h1>没有标记的页面</h1></main>", own_only=True)
