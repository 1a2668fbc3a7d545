"""站点无法访问 (国办秘函〔2019〕19号): what the probe recorded over the week up to an as-of date.

The inspection monitors for a week with at least 20 visits a day and fails a website when pages do
not load within 15 seconds in 5% or more of the visits. One query for all websites.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .dates import end_boundary, start_of_day
from .models import ProbeResult

WEEK_DAYS = 7
VISITS_PER_DAY = 20
EVIDENCE_LIMIT = 20


@dataclass
class Availability:
    visits: int = 0
    failures: int = 0
    evidence: list = field(default_factory=list)

    @property
    def failure_percent(self):
        return round(100 * self.failures / self.visits, 1) if self.visits else None

    @property
    def enough_visits(self):
        return self.visits >= WEEK_DAYS * VISITS_PER_DAY


def week_of(day):
    return start_of_day(day - datetime.timedelta(days=WEEK_DAYS - 1)), end_boundary(day)


def availability(day, keys):
    """website key → ``Availability`` for the 7 local days ending with ``day`` (two queries)."""
    start, end = week_of(day)
    window = ProbeResult.objects.filter(site_id_code__in=keys, probed_at__gte=start, probed_at__lt=end)
    result = {key: Availability() for key in keys}
    for row in window.values("site_id_code").annotate(visits=Count("pk"), failures=Count("pk", filter=Q(ok=False))).order_by():
        result[row["site_id_code"]].visits = row["visits"]
        result[row["site_id_code"]].failures = row["failures"]
    failed = window.filter(ok=False).order_by("-probed_at").values("site_id_code", "url", "probed_at", "elapsed_ms", "error")
    for row in failed[: EVIDENCE_LIMIT * max(1, len(keys))]:
        evidence = result[row["site_id_code"]].evidence
        if len(evidence) < EVIDENCE_LIMIT:
            evidence.append({"url": row["url"], "probed_at": row["probed_at"].isoformat(timespec="minutes"),
                             "elapsed_ms": row["elapsed_ms"], "error": row["error"]})
    return result
