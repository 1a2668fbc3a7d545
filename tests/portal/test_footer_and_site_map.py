"""The footer a government website must carry, the HTML site map (网站地图) and robots.txt."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(county_pages):
    return county_pages


@pytest.fixture
def identity(site):
    return factories.portal_identity(
        site_id_code="3301990001", sponsor="示例县人民政府办公室", organiser="示例县大数据发展中心",
        contact_phone="0571-88880000", icp_number="浙ICP备12345678号", police_record_number="浙公网安备 33019902000001号",
    )


def footer_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().split('<footer class="site-footer">')[1].split("</footer>")[0]


def badge_image():
    buffer = BytesIO()
    PILImage.new("RGB", (110, 55), "#c00").save(buffer, "PNG")
    return Image.objects.create(title="党政机关网站标识", file=ImageFile(buffer, name="badge.png"))


def test_footer_links_the_icp_number_to_the_miit_filing_system(client, identity):
    footer = footer_of(client, "/")
    assert '<a class="footer-record" href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号</a>' in footer


def test_footer_shows_the_police_record_with_its_icon_and_a_link_to_its_record(client, identity):
    footer = footer_of(client, "/")
    link = re.search(r'<a class="footer-record police-record" href="([^"]+)"[^>]*><img src="([^"]+)"[^>]*>([^<]+)</a>', footer)
    assert link is not None
    assert link.group(1) == "https://beian.mps.gov.cn/#/query/webSearch?code=33019902000001"
    assert link.group(2).endswith(".svg") and "police-record" in link.group(2)
    assert link.group(3) == "浙公网安备 33019902000001号"


def test_footer_has_the_site_id_code_and_an_error_report_link_built_from_it(client, identity):
    footer = footer_of(client, "/yw/")
    assert "网站标识码：3301990001" in footer
    link = re.search(r'<a class="error-report" href="([^"]+)"[^>]*>我为政府网站找错</a>', footer)
    assert link is not None
    assert link.group(1).startswith("https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3301990001&amp;url=http")
    assert "%2Fyw%2F" in link.group(1)


def test_without_a_site_id_code_there_is_no_error_report_link(client, site):
    assert "我为政府网站找错" not in footer_of(client, "/")


def test_footer_links_the_site_map_and_the_accessibility_statement(client, identity):
    footer = footer_of(client, "/")
    assert '<a href="/wzdt/">网站地图</a>' in footer
    assert '<a href="/accessibility/">无障碍声明</a>' in footer


def test_the_government_badge_slot_shows_the_issued_badge_with_its_link(client, identity):
    assert "党政机关网站标识" not in footer_of(client, "/")
    identity.government_badge = badge_image()
    identity.government_badge_url = "https://bszs.conac.cn/sitename?method=show&id=0000"
    identity.save()
    footer = footer_of(client, "/")
    badge = footer.split('<div class="footer-badge">')[1].split("</div>")[0]
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=0000"' in badge
    assert 'alt="党政机关网站标识"' in badge and "<img" in badge


def test_a_channel_shows_its_own_sponsor_and_phone(client, identity, site):
    footer = footer_of(client, site["education"].home_page.url)
    assert "主办单位：示例县教育局" in footer
    assert "联系电话：0571-12345678" in footer
    assert "0571-88880000" not in footer
    assert "网站标识码：3301990001" in footer  # the channel belongs to the county's website


def test_a_channel_without_a_phone_falls_back_to_the_countys(client, identity, site):
    footer = footer_of(client, site["agriculture"].home_page.url)
    assert "主办单位：示例县农业农村局" in footer
    assert "联系电话：0571-88880000" in footer


def test_portal_pages_name_the_countys_sponsor_and_organiser(client, identity):
    footer = footer_of(client, "/")
    assert "主办单位：示例县人民政府办公室" in footer and "承办单位：示例县大数据发展中心" in footer


def test_site_map_lists_every_site_channel_and_column(client, site):
    response = client.get("/wzdt/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert "<h1>网站地图</h1>" in main
    for organisation in (site["education"], site["agriculture"], site["township"]):
        assert f'href="{organisation.home_page.url}"' in main
        for column in factories.column(organisation).get_siblings().live():
            assert f'href="{column.url}"' in main, column.title
    assert 'href="/departments/"' in main and 'href="/townships/"' in main
    assert 'href="/yw/"' in main
    assert site["article"].title not in main  # content is reached through its column


def test_site_map_leaves_out_unpublished_and_restricted_columns(client, site):
    from wagtail.models import PageViewRestriction

    news = factories.column(site["education"])
    news.unpublish()
    guide_column = factories.column(site["education"], "guides")
    PageViewRestriction.objects.create(page=guide_column, restriction_type=PageViewRestriction.LOGIN)
    main = client.get("/wzdt/").content.decode().split('<main id="main"')[1]
    assert f'href="{news.url}"' not in main
    assert f'href="{guide_column.url}"' not in main


def test_site_map_marks_a_channel_that_is_a_website_of_its_own(client, site):
    education = site["education"]
    education.hostname = "jyj.example.gov.cn"
    education.full_clean()
    from portal.provisioning import provision

    provision(education)
    main = client.get("/wzdt/").content.decode().split('<main id="main"')[1]
    assert "独立网站：jyj.example.gov.cn" in main


def test_robots_txt_points_at_the_xml_sitemap_and_keeps_crawlers_out_of_the_admin(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_accessibility_statement_names_the_tools_and_whom_to_tell(client, identity):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>无障碍声明</h1>" in html
    for tool in ("长者模式", "高对比度", "大鼠标", "阅读线", "朗读"):
        assert tool in html
    assert "0571-88880000" in html
