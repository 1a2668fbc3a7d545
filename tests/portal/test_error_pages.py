"""Citizens never see Django's English error pages."""

from django.test import Client


def test_a_rejected_form_post_without_csrf_token_gets_a_chinese_page(db):
    response = Client(enforce_csrf_checks=True).post("/interaction/lookup/", {"code": "x"})
    assert response.status_code == 403
    assert "表单已过期" in response.content.decode()


def test_bad_request_page_is_chinese(db, settings):
    from django.template import loader

    html = loader.get_template("400.html").render()
    assert "请求无法处理" in html and 'lang="zh-CN"' in html


def test_error_pages_name_the_configured_portal_not_the_demo_county(settings):
    from django.template import loader

    settings.WAGTAIL_SITE_NAME = "青溪县人民政府"
    for name in ("400.html", "403.html", "403_csrf.html", "500.html"):
        html = loader.get_template(name).render()
        assert "青溪县人民政府" in html and "示例县" not in html, name
