"""The latest link check of each website as it stood on an as-of date (two queries)."""

from .dates import end_boundary
from .models import LinkCheck, LinkCheckRun


def latest_runs(day, keys):
    """website key → {"started_at", "pages_checked", "links_checked", "broken": [...]} for the newest run
    finished by the end of ``day``; websites never checked are absent."""
    runs = {}
    for run in LinkCheckRun.objects.filter(site_id_code__in=keys, finished_at__lt=end_boundary(day)).order_by("-started_at"):
        runs.setdefault(run.site_id_code, run)
    if not runs:
        return {}
    result = {
        key: {"started_at": run.started_at.isoformat(timespec="minutes"), "pages_checked": run.pages_checked,
              "links_checked": run.links_checked, "broken": []}
        for key, run in runs.items()
    }
    by_run = {run.pk: key for key, run in runs.items()}
    rows = (
        LinkCheck.objects.filter(run_id__in=list(by_run))
        .order_by("-on_home", "source_url", "target_url")
        .values("run_id", "source_url", "target_url", "kind", "status_code", "error", "on_home", "external", "editor",
                "organisation__name", "column__title")
    )
    for row in rows:
        result[by_run[row["run_id"]]]["broken"].append({
            "page": row["source_url"], "target": row["target_url"], "kind": row["kind"], "status": row["status_code"],
            "error": row["error"], "on_home": row["on_home"], "external": row["external"], "editor": row["editor"],
            "organisation": row["organisation__name"] or "", "column": row["column__title"] or "",
        })
    return result
