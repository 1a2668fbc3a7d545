"""Every public and admin page sends a Content-Security-Policy; the public one allows no inline script."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/disclosure/", "/search/?q=教育", "/interaction/", "/disclosure/apply/", "/no-such-page/"])
def test_public_pages_send_an_enforced_policy_without_inline_script(client, county, department, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["style-src"]


def test_the_inline_style_of_the_search_page_carries_the_headers_nonce(client, county):
    response = client.get("/search/?q=教育")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<style nonce="{nonce}">' in response.content.decode()


def test_admin_pages_send_their_own_policy(superuser_client, county):
    response = superuser_client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_other_security_headers_are_kept(client, county):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_development_can_switch_to_report_only(client, county, settings):
    policy = settings.CONTENT_SECURITY_POLICY
    del settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = policy
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
