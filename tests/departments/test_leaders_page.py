"""领导信息: each organisation's leaders, and the county government's, on a page of their channel."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from departments.models import Leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(county_pages):
    return county_pages


def photo():
    buffer = BytesIO()
    PILImage.new("RGB", (300, 400), "#345").save(buffer, "PNG")
    return Image.objects.create(title="证件照", file=ImageFile(buffer, name="leader.png"))


def main_of(response):
    assert response.status_code == 200
    return response.content.decode().split('<main id="main"')[1].split("</main>")[0]


def test_an_organisations_leaders_page_shows_photo_position_portfolio_and_cv(client, site):
    education = site["education"]
    leader = education.leaders.get(name="李明")
    leader.photo = photo()
    leader.birth_month = "1975年3月"
    leader.native_place = "浙江示例"
    leader.education = "研究生，教育学硕士"
    leader.cv = "1997.07—2005.03 示例县第一中学教师\n\n2016.03—2021.08 示例县教育局副局长\n"
    leader.save()
    main = main_of(client.get(education.home_page.url + "ldxx/"))
    assert "<h1>示例县教育局领导信息</h1>" in main
    card = main.split('<section class="leader-card"')[1].split("</section>")[0]
    assert '<h2 id="leader-' in card and ">李明</h2>" in card
    assert '<p class="leader-position">局长</p>' in card
    assert re.search(r'<img [^>]*alt="李明"', card)
    for value in ("1975年3月", "浙江示例", "研究生，教育学硕士", "主持局全面工作。"):
        assert value in card
    assert re.findall(r"<li>([^<]+)</li>", card.split('class="leader-cv"')[1]) == [
        "1997.07—2005.03 示例县第一中学教师", "2016.03—2021.08 示例县教育局副局长"]


def test_leaders_are_listed_in_the_editors_order(client, site):
    education = site["education"]
    Leader.objects.filter(organisation=education).update(sort_order=1)
    Leader.objects.create(organisation=education, name="张华", position="党组书记", sort_order=0)
    main = main_of(client.get(education.home_page.url + "ldxx/"))
    assert main.index(">张华</h2>") < main.index(">李明</h2>")


def test_the_county_governments_leaders_page_is_under_the_portal_home(client, site):
    Leader.objects.create(organisation=site["county"], name="陈伟", position="县长", duties="主持县政府全面工作。")
    main = main_of(client.get("/ldxx/"))
    assert "<h1>示例县人民政府领导信息</h1>" in main
    assert ">陈伟</h2>" in main and "主持县政府全面工作。" in main
    assert "李明" not in main  # a department's leaders stay on the department's page


def test_a_leader_without_a_photo_gets_a_placeholder_not_a_broken_image(client, site):
    card = main_of(client.get(site["education"].home_page.url + "ldxx/")).split('<section class="leader-card"')[1]
    assert '<span class="leader-photo-empty" aria-hidden="true">李</span>' in card.split("</section>")[0]


def test_an_organisation_without_leaders_says_so(client, site):
    main = main_of(client.get(site["agriculture"].home_page.url + "ldxx/"))
    assert "暂无领导信息。" in main


def test_the_leaders_page_has_the_channels_header_and_breadcrumbs(client, site):
    html = client.get(site["education"].home_page.url + "ldxx/").content.decode()
    assert '<span class="site-name-main">示例县教育局</span>' in html
    crumbs = html.split('<nav class="breadcrumbs')[1].split("</nav>")[0]
    assert f'<a href="{site["education"].home_page.url}">示例县教育局</a>' in crumbs
    assert '<li aria-current="page">领导信息</li>' in crumbs


def test_links_lead_to_the_leaders_pages(client, site):
    education_home = site["education"].home_page.url
    assert f'href="{education_home}ldxx/"' in client.get(education_home).content.decode()
    assert 'href="/ldxx/"' in main_of(client.get("/"))
    site_map = main_of(client.get("/wzdt/"))
    assert 'href="/ldxx/"' in site_map and f'href="{education_home}ldxx/"' in site_map


def test_an_unknown_sub_path_of_a_channel_home_is_still_a_404(client, site):
    assert client.get(site["education"].home_page.url + "ldxx/nothing/").status_code == 404


def test_editors_enter_the_new_fields_in_the_organisation_form(admin_client, site):
    response = admin_client.get(f"/admin/snippets/departments/organisation/edit/{site['education'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("照片", "出生年月", "籍贯", "学历学位", "简历"):
        assert label in html
