"""Public monthly statistics per mailbox: received, answered, answered on time, average working days.

Letters are grouped by the month they were received, aggregated in SQL over a stored month column (one
query, answered from a covering index), and cached; a new letter or reply invalidates the mailbox's entry.
"""

import time

from django.core.cache import cache
from django.db.models import Avg, Count, F, Q

from .models import Letter

CACHE_SECONDS = 600


def _version_key(mailbox_id):
    return f"interaction:stats-version:{mailbox_id}"


def invalidate_statistics(mailbox_id):
    cache.delete(_version_key(mailbox_id))


def compute_monthly_statistics(mailbox_id):
    """Rows ``{"month", "received", "answered", "on_time", "average_working_days"}``, newest month first."""
    rows = (
        Letter.objects.filter(mailbox_id=mailbox_id)
        .values(month=F("received_month"))
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=Q(status=Letter.Status.ANSWERED)),
            on_time=Count("id", filter=Q(replied_on_time=True)),
            average_working_days=Avg("working_days_to_reply"),
        )
        .order_by("-month")
    )
    return [
        {**row, "average_working_days": None if row["average_working_days"] is None else round(float(row["average_working_days"]), 1)}
        for row in rows
    ]


def statistics_version(mailbox_id):
    """Changes whenever the mailbox's letters change; part of every cache key (rows and rendered table)."""
    version = cache.get(_version_key(mailbox_id))
    if version is None:
        version = str(time.time_ns())
        cache.set(_version_key(mailbox_id), version, None)
    return version


def monthly_statistics(mailbox_id):
    """Cached ``compute_monthly_statistics``."""
    version = statistics_version(mailbox_id)
    key = f"interaction:stats:{mailbox_id}:{version}"
    rows = cache.get(key)
    if rows is None:
        rows = compute_monthly_statistics(mailbox_id)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def totals(rows):
    received = sum(row["received"] for row in rows)
    answered = sum(row["answered"] for row in rows)
    on_time = sum(row["on_time"] for row in rows)
    return {"received": received, "answered": answered, "on_time": on_time}
