"""Fingerprints for tamper detection (网页防篡改): what a public page and a public file looked like when published.

A page's fingerprint is the SHA-256 of its content region (``<main>`` … ``</main>``) after
normalisation: navigation (``<nav>``, ``<aside>``: breadcrumbs, related links, which change when other
pages are published) is left out, the per-request CSP nonce, the CSRF token and the view counter are
blanked and whitespace collapsed, so two renderings of the same published content give the same hash. It is
taken at publish, from the page rendered here for an anonymous visitor (no middleware: no view is
counted, no cache is touched). Files (static files, public documents, images) are fingerprinted by
the SHA-256 of their bytes when uploaded, or for static files when deployed (``tamper_check
--baseline``). Pages of ``TAMPER_CHECK_PAGE_MODELS`` (articles, policies, guides) are fingerprinted by
their whole content region, which shows the page itself.

Column pages and website homes (``TAMPER_CHECK_LISTING_PAGE_MODELS``) list the newest items, so their
content region changes with every publish below or beside them. For them only **what the page's own
editor controls** is fingerprinted: the parts of the template wrapped in ``<!--tamper:own-->`` …
``<!--/tamper:own-->`` (a column's title and 栏目说明, a home's 简介 and service links), taken together.
Publishing an article changes none of these, so it raises no alarm and needs no re-fingerprinting; a
title or text changed directly in the database changes them and is caught. The listings themselves are
read from the catalogue, whose items are each fingerprinted on their own pages.
"""

import hashlib
import logging
import re
from io import StringIO
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

MAIN_REGION = re.compile(r"<main\b[^>]*>(.*)</main>", re.DOTALL | re.IGNORECASE)
OWN_REGION = re.compile(r"<!--tamper:own-->(.*?)<!--/tamper:own-->", re.DOTALL)
OWN_REGION_SEPARATOR = "\n<!--region-->\n"
VOLATILE = [
    # Navigation is about other pages (breadcrumbs, related links, previous/next): it changes when they do.
    (re.compile(r"<nav\b.*?</nav>", re.DOTALL | re.IGNORECASE), ""),
    (re.compile(r"<aside\b.*?</aside>", re.DOTALL | re.IGNORECASE), ""),
    (re.compile(r'\snonce="[^"]*"'), ""),
    (re.compile(r'(name="csrfmiddlewaretoken"\s+value=")[^"]*"'), r'\1"'),
    (re.compile(r'(<span class="view-count">)[^<]*(</span>)'), r"\1\2"),
    (re.compile(r">\s+<"), "><"),
    (re.compile(r"\s+"), " "),
]


class NoContentRegion(ValueError):
    """The HTML has no ``<main>`` element: not a portal page (an error page, a login form, a proxy's page)."""


def content_fingerprint(html, own_only=False):
    """Hex SHA-256 of the normalised ``<main>`` region of ``html`` (str), or with ``own_only`` of the
    ``<!--tamper:own-->`` parts inside it (column and home pages). Raises ``NoContentRegion`` when the
    region (or, with ``own_only``, every marked part) is missing."""
    match = MAIN_REGION.search(html)
    if match is None:
        raise NoContentRegion("no <main> element")
    region = match.group(1)
    if own_only:
        parts = OWN_REGION.findall(region)
        if not parts:
            raise NoContentRegion("no <!--tamper:own--> part")
        region = OWN_REGION_SEPARATOR.join(parts)
    for pattern, replacement in VOLATILE:
        region = pattern.sub(replacement, region)
    return hashlib.sha256(region.strip().encode("utf-8")).hexdigest()


def listing_page_models():
    """Column and home page models (classes), fingerprinted by their own parts (``TAMPER_CHECK_LISTING_PAGE_MODELS``)."""
    return [apps.get_model(label) for label in getattr(settings, "TAMPER_CHECK_LISTING_PAGE_MODELS", [])]


def watched_page_models():
    """Every page model (class) whose public pages are fingerprinted: ``TAMPER_CHECK_PAGE_MODELS`` and the listings."""
    return [apps.get_model(label) for label in settings.TAMPER_CHECK_PAGE_MODELS] + listing_page_models()


def page_fingerprint(page, html):
    """The fingerprint of ``html`` as ``page`` (a specific page) is judged: its own parts for a column or home page,
    its whole content region otherwise. Raises ``NoContentRegion``."""
    return content_fingerprint(html, own_only=isinstance(page, tuple(listing_page_models())))


def is_watched(page):
    from wagtail.models import Page

    specific = page.specific_class
    return (specific is not None and issubclass(specific, tuple(watched_page_models()))
            and page.live and Page.objects.public().filter(pk=page.pk).exists())


def render_page(page):
    """The HTML (str) ``page`` serves to an anonymous visitor on its own site, rendered in this process."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.handlers.wsgi import WSGIRequest

    page = page.specific
    url = urlsplit(page.get_full_url())
    secure = url.scheme == "https"
    port = url.port or (443 if secure else 80)
    request = WSGIRequest({
        "REQUEST_METHOD": "GET", "PATH_INFO": url.path or "/", "SERVER_NAME": url.hostname, "SERVER_PORT": str(port),
        "HTTP_HOST": url.netloc, "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": StringIO(), "wsgi.errors": StringIO(),
        "wsgi.url_scheme": url.scheme or "http", "wsgi.version": (1, 0), "wsgi.multithread": True,
        "wsgi.multiprocess": True, "wsgi.run_once": False,
    })
    request.user = AnonymousUser()
    response = page.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode(response.charset or "utf-8")


def record_page(page, revision_id=None):
    """Store the fingerprint of ``page`` as published now; returns the ``PageFingerprint``."""
    from .models import PageFingerprint

    fingerprint, _created = PageFingerprint.objects.update_or_create(
        page_id=page.pk,
        defaults={"url": page.specific.get_full_url(), "sha256": page_fingerprint(page.specific, render_page(page)),
                  "revision_id": revision_id, "recorded_at": timezone.now()},
    )
    return fingerprint


def forget_page(page):
    from .models import PageFingerprint

    PageFingerprint.objects.filter(page_id=page.pk).delete()


def site_root_url():
    """The default site's root URL (``http://host[:port]``): static files and documents are checked there."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def _sha256_of(storage, name):
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _store_file(kind, name, url, storage, stored_name):
    from .models import FileFingerprint

    digest, size = _sha256_of(storage, stored_name)
    FileFingerprint.objects.update_or_create(
        kind=kind, name=name,
        defaults={"url": urljoin(site_root_url() + "/", url), "sha256": digest, "size": size,
                  "recorded_at": timezone.now()},
    )


def document_is_public(document):
    return not document.collection.get_view_restrictions().exists()


def record_document(document):
    """Fingerprint a document of a public collection (documents of private collections are not served openly)."""
    from .models import FileFingerprint

    if not document_is_public(document):
        FileFingerprint.objects.filter(kind=FileFingerprint.Kind.DOCUMENT, name=str(document.pk)).delete()
        return
    _store_file(FileFingerprint.Kind.DOCUMENT, str(document.pk), document.url, document.file.storage,
                document.file.name)


def record_image(image):
    from .models import FileFingerprint

    _store_file(FileFingerprint.Kind.IMAGE, str(image.pk), image.file.url, image.file.storage, image.file.name)


def forget_file(kind, pk):
    from .models import FileFingerprint

    FileFingerprint.objects.filter(kind=kind, name=str(pk)).delete()


def record_static_files():
    """Fingerprint the public site's static files (``STATICFILES_DIRS``; the admin's own are not served to
    citizens) as deployed: the collected copy (STATIC_ROOT, hashed name) when there is one, else the
    project's file. Run after each deployment's ``collectstatic``. Returns the count."""
    from django.contrib.staticfiles.finders import FileSystemFinder
    from django.contrib.staticfiles.storage import staticfiles_storage

    from .models import FileFingerprint

    count = 0
    seen = set()
    for finder in [FileSystemFinder()]:
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            if path in seen:
                continue
            seen.add(path)
            source, name = storage, path
            try:
                stored = staticfiles_storage.stored_name(path) if hasattr(staticfiles_storage, "stored_name") else path
                if staticfiles_storage.exists(stored):
                    source, name = staticfiles_storage, stored
            except ValueError:  # not in the manifest: not deployed
                continue
            _store_file(FileFingerprint.Kind.STATIC, path, staticfiles_storage.url(path), source, name)
            count += 1
    return count


def record_baseline():
    """Fingerprint everything public as it is now (after deploying this feature, or after a restore).

    Returns ``{"pages": n, "documents": n, "images": n, "static": n}``."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    counts = {"pages": 0, "documents": 0, "images": 0}
    for model in watched_page_models():
        for page in model.objects.live().public():
            record_page(page, revision_id=page.live_revision_id)
            counts["pages"] += 1
    for document in get_document_model().objects.select_related("collection"):
        if document_is_public(document):
            record_document(document)
            counts["documents"] += 1
    for image in get_image_model().objects.all():
        record_image(image)
        counts["images"] += 1
    counts["static"] = record_static_files()
    return counts
