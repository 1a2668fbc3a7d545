"""The patrol (巡检): every public page and its attachments re-checked with today's lists.

A word added to the list today finds yesterday's pages; a page fixed since the last patrol has its
findings resolved; a page no longer public has its findings resolved too. Run nightly by cron
(``manage.py content_patrol``) and from the admin (内容安全问题 → 立即巡检全站).
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone

from . import external_links
from .models import ContentFinding
from .runner import check_page
from .store import record_page_findings

CHUNK = 500


class _SiteRootCache:
    """Stands in for a request as the object Wagtail caches the site root paths on (one look-up per patrol)."""


@dataclass
class PatrolSummary:
    pages: int = 0
    opened: int = 0
    resolved: int = 0
    seconds: float = 0.0
    per_page_ms: list = field(default_factory=list)


def _organisations_by_home_path():
    Organisation = apps.get_model("departments", "Organisation")
    return {path: organisation for organisation, path in
            ((organisation, organisation.home_page.path) for organisation in
             Organisation.objects.select_related("home_page").filter(home_page__isnull=False))}


def organisation_for(path, by_home_path, steplen=4):
    """The organisation whose home page is the nearest ancestor-or-self of ``path`` (no query)."""
    for end in range(len(path), 0, -steplen):
        organisation = by_home_path.get(path[:end])
        if organisation is not None:
            return organisation
    return None


def public_pages(organisation=None):
    Page = apps.get_model("wagtailcore", "Page")
    pages = Page.objects.live().public().filter(depth__gt=1)
    if organisation is not None and organisation.home_page_id:
        pages = pages.filter(path__startswith=organisation.home_page.path)
    return pages


def run_patrol(organisation=None, *, attachments=True, external=None, now=None, chunk=CHUNK, timed=False):
    """Check every public page (of ``organisation``, or all). Returns a ``PatrolSummary``."""
    Page = apps.get_model("wagtailcore", "Page")
    started = time.perf_counter()
    now = now or timezone.now()
    external = external_links.enabled() if external is None else external
    summary = PatrolSummary()
    by_home_path = _organisations_by_home_path()
    url_cache = _SiteRootCache()
    ids = list(public_pages(organisation).order_by("path").values_list("pk", flat=True))
    for offset in range(0, len(ids), chunk):
        batch = ids[offset:offset + chunk]
        open_findings = defaultdict(list)
        for finding in ContentFinding.objects.open().filter(page_id__in=batch):
            open_findings[finding.page_id].append(finding)
        for page in Page.objects.filter(pk__in=batch).select_related("live_revision").specific():
            page_started = time.perf_counter()
            results = check_page(page, attachments=attachments, external=external)
            opened, resolved = record_page_findings(
                page, results, organisation=organisation_for(page.path, by_home_path), now=now,
                open_findings=open_findings.get(page.pk, []), url=page.get_full_url(request=url_cache) or "",
            )
            summary.pages += 1
            summary.opened += opened
            summary.resolved += resolved
            if timed:
                summary.per_page_ms.append((time.perf_counter() - page_started) * 1000)
    # Findings of pages that are no longer public (unpublished, restricted, deleted) are resolved.
    stale = ContentFinding.objects.open().exclude(page_id__in=public_pages(organisation).values("pk"))
    if organisation is not None:
        stale = stale.filter(organisation=organisation)
    summary.resolved += stale.update(resolved_at=now)
    summary.seconds = time.perf_counter() - started
    return summary


def findings_as_json(findings=None):
    """The open findings as the inspection reads them: ``{"findings": [...]}`` (see docs/content-checks.md)."""
    findings = ContentFinding.objects.open() if findings is None else findings
    rows = []
    for finding in findings.select_related("organisation", "editor").order_by("organisation_id", "page_id", "pk"):
        rows.append({
            "kind": finding.kind,
            "severity": finding.severity,
            "url": finding.url,
            "organisation": finding.organisation.name if finding.organisation else "",
            "organisation_slug": finding.organisation.slug if finding.organisation else "",
            "excerpt": finding.excerpt,
            "message": finding.message,
            "location": finding.location,
            "page_id": finding.page_id,
            "editor": finding.editor.get_username() if finding.editor else "",
            "found_at": timezone.localtime(finding.found_at).isoformat(),
        })
    return {"findings": rows}
