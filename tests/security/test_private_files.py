"""Private files stay private in every configuration: reply letters, private-collection documents.

The reply letter (答复书) names the applicant; a document in a login-only collection is for staff.
Neither may be downloaded from /media/, under the development server either; reply letters live
outside MEDIA_ROOT under a random name and reach a browser only after a permission check.
"""

import datetime
import importlib
from pathlib import Path
from urllib.parse import quote

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from disclosure.applications import processing
from tests.disclosure.applications.builders import application
from tests.factories import make_organisation, user_in

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def development_urls(settings):
    """The root URLconf as ``runserver`` builds it with DEBUG on."""
    import config.urls

    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def answered(department):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))):
        app = application(department, D(2026, 2, 10), name="王小明")
        processing.confirm_receipt(app, None, D(2026, 2, 10))
        processing.answer(app, None, "disclosed", D(2026, 3, 1),
                          SimpleUploadedFile("王小明的答复书.pdf", b"%PDF-1.4 reply", content_type="application/pdf"))
    app.refresh_from_db()
    return app


def test_a_reply_letter_is_stored_outside_media_root_under_a_random_name(answered):
    path = Path(answered.reply_letter.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "王小明" not in answered.reply_letter.name and "答复书" not in answered.reply_letter.name
    assert path.suffix == ".pdf" and len(path.stem) == 32
    with pytest.raises(ValueError):
        answered.reply_letter.url  # noqa: B018  (the property raises)


def test_the_development_server_serves_no_reply_letter_and_no_document(client, answered, development_urls, county):
    stored = Document.objects.create(title="内部通知", file=ContentFile(b"secret", name="neibu.pdf"))
    assert client.get(f"/media/{stored.file.name}").status_code == 404
    assert client.get(f"/media/{answered.reply_letter.name}").status_code == 404
    assert client.get("/media/applications/replies/").status_code == 404


def test_a_document_of_a_login_only_collection_needs_a_login(client, county, department):
    root = Collection.get_first_root_node()
    private = root.add_child(name="内部资料")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    stored = Document.objects.create(title="内部通知", file=ContentFile(b"secret", name="neibu.pdf"), collection=private)
    anonymous = client.get(stored.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(user_in(department.editors_group))
    allowed = client.get(stored.url)
    assert allowed.status_code == 200 and b"".join(allowed.streaming_content) == b"secret"


def test_only_the_handling_organisation_downloads_the_reply_letter(client, answered, department):
    url = f"/admin/disclosure-applications/{answered.pk}/reply-letter/"
    client.force_login(user_in(department.editors_group))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 reply"
    assert download["Content-Disposition"] == "attachment; filename*=utf-8''" + quote(f"答复书-{answered.tracking_number}.pdf")
    assert "no-store" in download["Cache-Control"]
    other = make_organisation("示例县财政局", "czj")
    client.force_login(user_in(other.editors_group))
    assert client.get(url).status_code == 403


def test_nginx_streams_the_reply_letter_after_the_check(client, answered, department, settings):
    settings.PRIVATE_FILES_SERVE = "x-accel-redirect"
    client.force_login(user_in(department.editors_group))
    response = client.get(f"/admin/disclosure-applications/{answered.pk}/reply-letter/")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/internal/private/" + answered.reply_letter.name
    assert response.content == b""


def test_apache_gets_the_path_for_x_sendfile(client, answered, department, settings):
    settings.PRIVATE_FILES_SERVE = "x-sendfile"
    client.force_login(user_in(department.editors_group))
    response = client.get(f"/admin/disclosure-applications/{answered.pk}/reply-letter/")
    assert response["X-Sendfile"] == str(Path(answered.reply_letter.path).resolve())
