"""Publishing and uploading keep the tamper check's fingerprints current (security/fingerprints.py).

A page published through Wagtail (editor, workflow, scheduled publishing) is fingerprinted after its
transaction commits; unpublishing forgets it. A document or image saved through the ORM is
fingerprinted; rows loaded as they are (``raw``: fixtures, a restore) are not a change anyone made.
Fingerprinting never breaks a publish: a failure is logged, and the next check reports the page.
Off when ``TAMPER_FINGERPRINTS`` is false (the test settings, except the tamper tests).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)


def _enabled():
    return getattr(settings, "TAMPER_FINGERPRINTS", True)


def _safely(job, *args):
    def run():
        try:
            job(*args)
        except Exception:  # noqa: BLE001 - the publish or upload has happened; the check will report the gap
            logger.exception("Could not record a tamper-check fingerprint")

    transaction.on_commit(run)


def on_page_published(sender, instance, revision=None, **kwargs):
    from .fingerprints import forget_page, is_watched, record_page

    if not _enabled():
        return

    def record(page_id, revision_id):
        from wagtail.models import Page

        page = Page.objects.get(pk=page_id)
        if is_watched(page):
            record_page(page, revision_id=revision_id)
        else:  # published inside a private section: not served openly
            forget_page(page)

    _safely(record, instance.pk, getattr(revision, "pk", None))


def on_page_unpublished(sender, instance, **kwargs):
    from .fingerprints import forget_page

    if _enabled():
        _safely(forget_page, instance)


def on_document_saved(sender, instance, raw=False, **kwargs):
    from .fingerprints import record_document

    if _enabled() and not raw and instance.file:
        _safely(record_document, instance)


def on_image_saved(sender, instance, raw=False, **kwargs):
    from .fingerprints import record_image

    if _enabled() and not raw and instance.file:
        _safely(record_image, instance)


def on_document_deleted(sender, instance, **kwargs):
    from .fingerprints import forget_file
    from .models import FileFingerprint

    if _enabled():
        _safely(forget_file, FileFingerprint.Kind.DOCUMENT, instance.pk)


def on_image_deleted(sender, instance, **kwargs):
    from .fingerprints import forget_file
    from .models import FileFingerprint

    if _enabled():
        _safely(forget_file, FileFingerprint.Kind.IMAGE, instance.pk)


def register_fingerprint_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.signals import page_published, page_unpublished

    from .fingerprints import watched_page_models

    for model in watched_page_models():
        page_published.connect(on_page_published, sender=model, dispatch_uid=f"tamper-publish-{model.__name__}")
        page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid=f"tamper-unpublish-{model.__name__}")
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="tamper-document-saved")
    post_delete.connect(on_document_deleted, sender=get_document_model(), dispatch_uid="tamper-document-deleted")
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="tamper-image-saved")
    post_delete.connect(on_image_deleted, sender=get_image_model(), dispatch_uid="tamper-image-deleted")
