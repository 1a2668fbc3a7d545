"""The seam to the content patrol (内容巡查, app ``content_checks``), which the audit reads but does not own.

严重错误 (国办秘函〔2019〕19号) covers serious wording errors, personal data or secrets published and
harmful content. When the ``content_checks`` app is installed and has its ``ContentFinding`` model,
the audit counts its *blocking* findings of those kinds that were open at the end of the as-of day;
otherwise the rule is **not evaluated** (neither pass nor fail). The model is read by its string name,
never imported: the patrol sits before the audit in the layers and may land later or not at all.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps

from .dates import end_boundary, local_date

APP_LABEL = "content_checks"
MODEL_NAME = "ContentFinding"
SERIOUS_KINDS = ("personal_data", "sensitive_word", "wording", "typo")
BLOCKING = "block"
EVIDENCE_LIMIT = 50


@dataclass
class ContentFeed:
    evaluated: bool
    by_organisation: dict = field(default_factory=dict)

    def for_organisations(self, organisation_ids):
        """The serious findings of these organisations, newest first (a list of dicts)."""
        found = [finding for organisation_id in organisation_ids for finding in self.by_organisation.get(organisation_id, [])]
        return sorted(found, key=lambda finding: finding["found_at"], reverse=True)


def finding_model():
    """``ContentFinding`` when the patrol is installed, else None."""
    if not apps.is_installed(APP_LABEL):
        return None
    try:
        return apps.get_model(APP_LABEL, MODEL_NAME)
    except LookupError:
        return None


def serious_findings(day: datetime.date) -> ContentFeed:
    """Blocking findings of serious kinds open at the end of ``day``, per organisation (one query).

    Each finding: ``{"kind", "url", "message", "excerpt", "found_at" (local ISO date)}``.
    """
    model = finding_model()
    if model is None:
        return ContentFeed(evaluated=False)
    boundary = end_boundary(day)
    rows = (
        model.objects.filter(severity=BLOCKING, kind__in=SERIOUS_KINDS, found_at__lt=boundary)
        .exclude(resolved_at__lt=boundary)
        .order_by("-found_at")
        .values("organisation_id", "kind", "url", "excerpt", "message", "found_at")
    )
    feed = ContentFeed(evaluated=True)
    for row in rows:
        feed.by_organisation.setdefault(row["organisation_id"], []).append({
            "kind": row["kind"], "url": row["url"] or "", "message": row["message"] or "",
            "excerpt": (row["excerpt"] or "")[:80], "found_at": local_date(row["found_at"]).isoformat(),
        })
    return feed
