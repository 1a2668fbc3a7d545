"""Private files: stored outside MEDIA_ROOT under meaningless names, served only by permission-checking views.

Reply letters (答复书) and any other file a citizen's case produces name and identify people, and
GB/T 22239-2019 8.1.4.8 / 个人信息保护法 art. 51 ask that they be reachable only by those who handle
the case. So they

* live in ``PRIVATE_MEDIA_ROOT`` (default ``var/private``), outside ``MEDIA_ROOT``, in a storage that
  has no URL at all - neither the web server nor ``runserver`` ever serves it;
* are stored as ``<kind>/<year>/<random hex><extension>``: no applicant's name in a path or a log;
* reach a browser only through a view that has checked permission, via ``private_file_response``,
  which either streams the file from Django or, with ``PRIVATE_FILES_SERVE`` set to
  ``x-accel-redirect`` (nginx) or ``x-sendfile`` (Apache), hands the streaming to the web server.

Documents of Wagtail collections with a view restriction are served by Wagtail's own serve view
(which checks the restriction) through the same two web-server options (``SENDFILE_BACKEND``).
"""

import mimetypes
import os
import secrets
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible

SERVE_DJANGO = "django"
SERVE_X_ACCEL = "x-accel-redirect"
SERVE_X_SENDFILE = "x-sendfile"


class PrivateStorage(FileSystemStorage):
    """``PRIVATE_MEDIA_ROOT`` on disk, with no public URL (``url()`` raises)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", str(settings.PRIVATE_MEDIA_ROOT))
        super().__init__(**kwargs)
        self.base_url = None

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checking view.")


def private_storage():
    """The storage for private ``FileField``s (a callable, so settings are read when it is used)."""
    return PrivateStorage()


@deconstructible
class RandomName:
    """``upload_to`` giving ``<prefix>/<year>/<32 hex chars><original extension>``: nothing of the uploaded name."""

    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, instance, filename):
        extension = os.path.splitext(filename or "")[1].lower()[:10]
        if not extension.isascii() or not extension[1:].isalnum():
            extension = ""
        return f"{self.prefix}/{timezone.localdate():%Y}/{secrets.token_hex(16)}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.prefix == self.prefix


def serve_method():
    return getattr(settings, "PRIVATE_FILES_SERVE", SERVE_DJANGO)


def _content_disposition(download_name):
    fallback = download_name.encode("ascii", "ignore").decode() or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(download_name)}"


def web_server_response(path, download_name=None, content_type=None):
    """A response asking the web server to stream ``path`` (an absolute file path), or ``None`` for Django.

    ``x-accel-redirect`` maps ``PRIVATE_MEDIA_ROOT`` to ``PRIVATE_FILES_INTERNAL_URL`` and ``MEDIA_ROOT``
    to ``MEDIA_INTERNAL_URL`` (nginx ``internal`` locations); ``x-sendfile`` passes the path itself.
    """
    method = serve_method()
    if method == SERVE_DJANGO:
        return None
    path = Path(path).resolve()
    content_type = content_type or mimetypes.guess_type(str(path))[0] or "application/octet-stream"
    response = HttpResponse(content_type=content_type)
    if method == SERVE_X_SENDFILE:
        response["X-Sendfile"] = str(path)
    elif method == SERVE_X_ACCEL:
        roots = (
            (Path(settings.PRIVATE_MEDIA_ROOT).resolve(), settings.PRIVATE_FILES_INTERNAL_URL),
            (Path(settings.MEDIA_ROOT).resolve(), settings.MEDIA_INTERNAL_URL),
        )
        for root, internal_url in roots:
            if path.is_relative_to(root):
                response["X-Accel-Redirect"] = internal_url.rstrip("/") + "/" + quote(str(path.relative_to(root)))
                break
        else:
            raise ValueError(f"{path} is under neither PRIVATE_MEDIA_ROOT nor MEDIA_ROOT")
    else:
        raise ValueError(f"Unknown PRIVATE_FILES_SERVE {method!r}")
    if download_name:
        response["Content-Disposition"] = _content_disposition(download_name)
    return response


def private_file_response(field_file, download_name):
    """Send a private file to a user a view has already checked; never cached by browsers or proxies."""
    response = web_server_response(field_file.path, download_name)
    if response is None:
        response = FileResponse(field_file.open("rb"), as_attachment=True, filename=download_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def sendfile(request, filename, mimetype=None, **kwargs):
    """A ``SENDFILE_BACKEND`` for Wagtail's document serve view (wagtail.utils.sendfile sets the other headers)."""
    response = web_server_response(filename, None, mimetype)
    if response is None:
        from wagtail.utils.sendfile_streaming_backend import sendfile as streaming

        return streaming(request, filename, mimetype=mimetype, **kwargs)
    return response
