"""Benchmark for the due-items report (法定主动公开内容) at county scale.

    .venv/bin/python benchmarks/due_items_bench.py [--entries 100000] [--organisations 50] [--keep DIR]

Builds a scratch SQLite database (or PostgreSQL with ``DATABASE_URL``) with the organisations
provisioned for real and ``--entries`` catalogue entries over three years (``audit_bench.add_entries``);
a fifth of them are then filed under statutory items, a third of those with a 成文日期 some days
before publication. Prints the queries of ``due_items`` and of the admin page at half and at all
organisations (they must be equal) and the time of the report (target ≤ 1 s), best and median of five.
"""

import argparse
import datetime
import os
import random
import tempfile
import time
from pathlib import Path

from audit_bench import add_entries, office_client, timed
from scratch import provision_organisations, setup_django


def file_under_items(rng):
    """File a fifth of the entries under items their column kind stands for; give a third of those a 成文日期."""
    from django.utils import timezone

    from disclosure.models import CatalogueEntry, StatutoryItem

    by_kind = {}
    for item in StatutoryItem.objects.all():
        for kind in item.mapped_column_kinds:
            by_kind.setdefault(kind, []).append(item.pk)
    updates = []
    for entry in CatalogueEntry.objects.only("pk", "column_kind", "first_published_at").iterator():
        if rng.random() >= 0.2 or entry.column_kind not in by_kind:
            continue
        entry.statutory_item_id = rng.choice(by_kind[entry.column_kind])
        if rng.random() < 0.33:
            entry.written_date = timezone.localtime(entry.first_published_at).date() - datetime.timedelta(days=rng.randrange(0, 60))
        updates.append(entry)
    CatalogueEntry.objects.bulk_update(updates, ["statutory_item", "written_date"], batch_size=2000)
    return len(updates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--keep", help="build in this directory and keep it")
    args = parser.parse_args()
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="due-items-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20)

    began = time.perf_counter()
    setup_django(scratch, keep_postgres=True)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from disclosure.catalogue.due_items import due_items
    from interaction.working_days import working_days_between

    def queries():
        # The working-day calendar is read once per process, when the first late candidate needs it:
        # read it before counting so both sizes are counted alike.
        working_days_between(today - datetime.timedelta(days=30), today)
        with CaptureQueriesContext(connection) as captured:
            due_items(today)
        with CaptureQueriesContext(connection) as page:
            client.get("/admin/audit/due-items/")
        return len(captured), len(page)

    today = timezone.localdate()
    client = office_client()
    half = args.organisations // 2
    first = provision_organisations(1, half)
    add_entries(first, args.entries // 2, 1, rng)
    at_half = queries()
    second = provision_organisations(half + 1, args.organisations - half)
    add_entries(second, args.entries - args.entries // 2, args.entries // 2 + 1, rng)
    filed = file_under_items(rng)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    at_full = queries()
    print(f"scratch database: {scratch} ({connection.vendor}, built in {time.perf_counter() - began:.0f} s)")
    print(f"organisations: {args.organisations}, entries: {args.entries}, filed under statutory items: {filed}")
    print(f"queries (due_items, admin page): {half} orgs {at_half}, {args.organisations} orgs {at_full}; "
          f"constant: {'yes' if at_half == at_full else 'NO'}")

    report = due_items(today)
    print(f"findings: {sum(len(due.findings) for due in report)} over {len(report)} organisations")
    best, median = timed(lambda: due_items(today))
    print(f"due_items(today): best {best * 1000:.0f} ms, median {median * 1000:.0f} ms (target ≤ 1000 ms)")
    response = client.get("/admin/audit/due-items/")
    assert response.status_code == 200, response.status_code
    best, median = timed(lambda: client.get("/admin/audit/due-items/"))
    print(f"GET /admin/audit/due-items/: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
