"""Benchmark for the information office's audit at county scale.

    .venv/bin/python benchmarks/audit_bench.py [--entries 100000] [--organisations 50] [--columns 600] [--keep DIR]

Builds a scratch SQLite database (nothing touches the project's database): the county and its
departments and townships provisioned for real, extra columns up to ``--columns``, and
``--entries`` catalogue entries spread over three years with ``bulk_create`` (some withdrawn,
about 1 % with a false display date, about 1 % republished copies of an earlier entry (旧稿新发), a fifth
with a 成文日期 up to 45 days before publication (some published late, 条例 art. 26), 1 % marked
行政规范性文件). Two departments get a hostname and a 网站标识码 of their own, so the 50 organisations
make 3 websites. Prints:

* the number of queries for the dashboard, a drill-down, the CSV export and
  ``audit_report --format json`` at half the organisations and at all of them (they must be equal);
* the time to render the dashboard and to run ``audit_report --format json`` (targets ≤ 1 s each),
  best and median of five runs, and the deductions found (copies, late publications) per website.
"""

import argparse
import datetime
import io
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from scratch import provision_organisations, setup_django


def add_columns(organisations, target_total, rng):
    """Extra columns (专题) until the whole installation has ``target_total`` live columns."""
    from django.utils import timezone

    from portal.column_kinds import ColumnKind
    from portal.models import ColumnPage

    missing = target_total - ColumnPage.objects.live().count()
    start = ColumnPage.objects.filter(slug__startswith="zt").count()
    kinds = [ColumnKind.NEWS, ColumnKind.NOTICES, ColumnKind.OTHER, ColumnKind.PERSONNEL]
    opened = timezone.now() - datetime.timedelta(days=4 * 365)
    for index in range(start, start + max(missing, 0)):
        organisation = organisations[index % len(organisations)]
        column = ColumnPage(title=f"专题栏目{index}", slug=f"zt{index}", kind=rng.choice(kinds), show_in_menus=index % 2 == 0,
                            live=True, first_published_at=opened, last_published_at=opened)
        organisation.home_page.add_child(instance=column)
    ColumnPage.objects.update(first_published_at=opened)


def add_entries(organisations, count, serial_start, rng):
    """``count`` entries over the last three years in the given organisations' columns, with bulk_create."""
    from django.utils import timezone

    from disclosure.catalogue.fingerprint import text_fingerprint
    from disclosure.models import CatalogueEntry
    from portal.models import ColumnPage

    columns = []
    for organisation in organisations:
        columns.extend(ColumnPage.objects.descendant_of(organisation.home_page).values("id", "title", "kind").order_by())
        columns = [dict(column, organisation=organisation) for column in columns]
    # Some columns stay empty, as on real sites.
    used = [column for position, column in enumerate(columns) if position % 17 != 5]
    now = timezone.now()
    names = {field.name for field in CatalogueEntry._meta.get_fields()}
    batch = []
    earlier = []  # (organisation, title, body) of entries already made, for republished copies
    for serial in range(serial_start, serial_start + count):
        column = rng.choice(used)
        published = now - datetime.timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
        title, body = f"示例信息{serial}", f"示例信息{serial}的正文：按照县政府工作部署，认真做好相关工作，确保各项任务按期完成。"
        same_org = [item for item in earlier[-200:] if item[0] == column["organisation"]]
        if same_org and rng.random() < 0.01:
            _organisation, title, body = rng.choice(same_org)
        earlier.append((column["organisation"], title, body))
        shown = published - datetime.timedelta(days=rng.choice([3, 10])) if rng.random() < 0.01 else published
        withdrawn = published + datetime.timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.03 else None
        if withdrawn and withdrawn > now:
            withdrawn = None
        entry = CatalogueEntry(
            index_number=f"B{serial:09d}", index_year=timezone.localtime(published).year, index_serial=serial,
            page_key=50_000_000 + serial, organisation=column["organisation"], index_organisation=column["organisation"],
            column_id=column["id"],
            column_title=column["title"], column_kind=column["kind"], title=title, body_text=body,
            url=f"https://example.gov.cn/info/{serial}/", display_date=shown, first_published_at=published,
            last_updated_at=published, status="withdrawn" if withdrawn else "live", withdrawn_at=withdrawn,
        )
        if "fingerprint" in names:
            entry.fingerprint = text_fingerprint(title, body)
        if rng.random() < 0.2:
            entry.written_date = timezone.localtime(published).date() - datetime.timedelta(days=rng.randrange(0, 46))
        entry.is_normative = rng.random() < 0.01
        if "display_year" in names:
            entry.display_year = timezone.localtime(shown).year
        if "changed_at" in names:
            entry.changed_at = withdrawn or published
        batch.append(entry)
        if len(batch) == 5000:
            CatalogueEntry.objects.bulk_create(batch)
            batch = []
    CatalogueEntry.objects.bulk_create(batch)


def own_websites(organisations, count=2):
    """The first ``count`` departments get a hostname and a 标识码 of their own: websites of their own."""
    from departments.models import Organisation

    departments = [o for o in organisations if o.kind == Organisation.Kind.DEPARTMENT][:count]
    for number, organisation in enumerate(departments, start=1):
        Organisation.objects.filter(pk=organisation.pk).update(
            hostname=f"dept{number}.example.gov.cn", site_id_code=f"33010000{number:02d}")


def deduction_counts():
    """{website name: {rule: count}} from the audit of today."""
    from audit.findings import build_report

    report = build_report()
    return {website.name: {item["rule"]: item["count"] for item in website.deductions} for website in report.websites}


def office_client():
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.filter(username="bench-office").first() or User.objects.create_superuser("bench-office", "", "pw")
    client = Client()
    client.force_login(user)
    return client


def query_counts(client, slug):
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(function):
        with CaptureQueriesContext(connection) as captured:
            function()
        return len(captured)

    return {
        "dashboard": count(lambda: client.get("/admin/audit/")),
        "drill-down": count(lambda: client.get(f"/admin/audit/organisation/{slug}/")),
        "CSV export": count(lambda: client.get("/admin/audit/export/csv/")),
        "audit_report --format json": count(lambda: call_command("audit_report", "--format", "json", stdout=io.StringIO())),
    }


def timed(function, runs=5):
    """(best, median) wall seconds and the best CPU seconds of this process over ``runs`` calls.

    The database is SQLite in this process, so CPU time is the whole cost without the waits for a core
    that a loaded machine adds; on an idle machine the two agree.
    """
    walls, cpus = [], []
    for _run in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return min(walls), statistics.median(walls), min(cpus)


def show(label, function, target=""):
    best, median, cpu = timed(function)
    print(f"{label}: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms, CPU best {cpu * 1000:.0f} ms{target}")


def build(args, rng):
    """Provision half the organisations and their entries, count queries, then the other half and count again."""
    from django.db import connection

    half = args.organisations // 2
    first = provision_organisations(1, half)
    add_columns(first, args.columns * half // args.organisations, rng)
    add_entries(first, args.entries // 2, 1, rng)
    own_websites(first)
    client = office_client()
    at_half = query_counts(client, "org1")
    second = provision_organisations(half + 1, args.organisations - half)
    add_columns(first + second, args.columns, rng)
    add_entries(second, args.entries - args.entries // 2, args.entries // 2 + 1, rng)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return client, at_half, query_counts(client, "org1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--columns", type=int, default=600)
    parser.add_argument("--keep", help="build in this directory and keep it; a directory already holding --entries entries is reused")
    args = parser.parse_args()
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="audit-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)

    began = time.perf_counter()
    setup_django(scratch)
    from django.core.management import call_command

    from disclosure.models import CatalogueEntry

    if args.keep and CatalogueEntry.objects.count() >= args.entries:
        print(f"reusing the database kept in {scratch} (query counts at half size not measured)")
        client = office_client()
        at_half = at_full = query_counts(client, "org1")
    else:
        client, at_half, at_full = build(args, rng)
    setup_seconds = time.perf_counter() - began

    from audit.findings import build_report
    from departments.models import Organisation
    from portal.models import ColumnPage

    print(f"scratch database: {scratch} (built in {setup_seconds:.0f} s)")
    print(f"organisations: {Organisation.objects.count()}, live columns: {ColumnPage.objects.live().count()}, "
          f"catalogue entries: {CatalogueEntry.objects.count()}")
    print(f"\nqueries            {args.organisations // 2:>4} orgs  {args.organisations:>4} orgs")
    for name in at_half:
        print(f"  {name:<28} {at_half[name]:>4}  {at_full[name]:>4}")
    print("  constant: " + ("yes" if at_half == at_full else "NO"))

    response = client.get("/admin/audit/")
    assert response.status_code == 200, response.status_code
    print()
    show("dashboard render (GET /admin/audit/)", lambda: client.get("/admin/audit/"), " (target ≤ 1000 ms)")
    show("drill-down render (with 24-month chart)", lambda: client.get("/admin/audit/organisation/org1/"))
    show("audit_report --format json", lambda: call_command("audit_report", "--format", "json", stdout=io.StringIO()),
         " (target ≤ 1000 ms)")

    from audit.websites import resolve_websites

    print(f"\nwebsites: {len(resolve_websites())}")
    for name, counts in deduction_counts().items():
        print(f"  {name}: {counts}")
    show("build_report (all websites, with 旧稿新发 / 逾期公开 / 未解读)", build_report)

    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
