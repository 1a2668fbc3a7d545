"""Storing a page's findings: new ones opened, the same ones kept (with their first ``found_at``), gone ones resolved.

Used by the patrol and after each publication. A finding is matched across checks by its fingerprint
(``Result.fingerprint``): page, document, kind, location, rule and the matched text's key.
"""

from django.db import transaction
from django.utils import timezone

from .models import ContentFinding


def responsible_editor_id(page):
    """Who last published the page (else who last edited it): the responsible editor (责任编辑)."""
    revision = getattr(page, "live_revision", None) or getattr(page, "latest_revision", None)
    return getattr(revision, "user_id", None)


@transaction.atomic
def record_page_findings(page, results, organisation=None, now=None, url=None, open_findings=None):
    """Make the open findings of ``page`` equal ``results``. Returns ``(opened, resolved)`` counts.

    ``open_findings``: the page's open findings if the caller loaded them already (the patrol does, per chunk).
    """
    now = now or timezone.now()
    if organisation is None:
        organisation = getattr(page, "organisation", None)
    url = (page.get_full_url() or "") if url is None else url
    editor_id = responsible_editor_id(page)
    if open_findings is None:
        open_findings = ContentFinding.objects.open().filter(page_id=page.pk)
    open_by_fingerprint = {finding.fingerprint: finding for finding in open_findings}
    seen = set()
    new = []
    for result in results:
        fingerprint = result.fingerprint(page.pk)
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        if fingerprint in open_by_fingerprint:
            continue
        new.append(ContentFinding(
            kind=result.kind, severity=result.severity, page_id=page.pk,
            organisation_id=getattr(organisation, "pk", None), editor_id=editor_id, document_id=result.document_id,
            url=url[:500], location=result.location[:200], position=result.position, rule=result.rule[:200],
            message=result.message[:300], excerpt=result.excerpt[:300], fingerprint=fingerprint,
            found_at=now, last_seen_at=now,
        ))
    ContentFinding.objects.bulk_create(new)
    kept = [finding.pk for fingerprint, finding in open_by_fingerprint.items() if fingerprint in seen]
    if kept:
        ContentFinding.objects.filter(pk__in=kept).update(last_seen_at=now, editor_id=editor_id, url=url[:500])
    gone = [finding.pk for fingerprint, finding in open_by_fingerprint.items() if fingerprint not in seen]
    if gone:
        ContentFinding.objects.filter(pk__in=gone).update(resolved_at=now)
    return len(new), len(gone)


def resolve_pages(page_ids, now=None):
    """Resolve every open finding of pages that are no longer public (withdrawn, unpublished, deleted)."""
    return ContentFinding.objects.open().filter(page_id__in=list(page_ids)).update(resolved_at=now or timezone.now())
