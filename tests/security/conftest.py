"""Shared fixtures of the security tests: the CAPTCHA helper, a signed-in superuser, and the live server the tamper
check fetches from."""

import pytest
from django.contrib.auth.models import User

from tests.disclosure.applications.conftest import known_captcha  # noqa: F401  (the fixture, shared)


@pytest.fixture
def superuser_client(client):
    """The test client signed in as a superuser ("root"): every admin listing and filter is open to it."""
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    return client


@pytest.fixture
def served(live_server, settings, tmp_path):
    """The portal on a live server, its sites mapped there, fingerprints on, one static folder of our own.

    Pages already live (the portal home from its migration, the fixtures' sites) are fingerprinted as
    ``tamper_check --baseline`` does once the feature is deployed.
    """
    from security.fingerprints import record_page, watched_page_models

    settings.TAMPER_FINGERPRINTS = True
    settings.SITE_CHECK_ADDRESSES = {"*": live_server.url.split("//", 1)[1].replace("localhost", "127.0.0.1")}
    settings.SITE_CHECK_LOCAL_ONLY = True
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "site.css").write_text("body { color: #222; }\n")
    settings.STATICFILES_DIRS = [static]
    for model in watched_page_models():
        for page in model.objects.live().public():
            record_page(page, revision_id=page.live_revision_id)
    return static


@pytest.fixture
def office(db):
    return User.objects.create_superuser("xxb_admin", "xxb@example.gov.cn", "Pw-1234567890")
