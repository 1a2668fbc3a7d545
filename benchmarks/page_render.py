#!/usr/bin/env python
"""Render the four busiest public pages and print their times and SQL query counts.

    .venv/bin/python benchmarks/page_render.py                 # demo county, then doubled
    .venv/bin/python benchmarks/page_render.py --iterations 50 --scales 1
    .venv/bin/python benchmarks/page_render.py --database-url sqlite:////tmp/bench-{scale}.sqlite3 --skip-seed

For every scale (default 1 and 2) the script builds a scratch database with
``manage.py migrate`` and ``manage.py seed_demo --scale N`` (a temporary SQLite file unless
``--database-url`` is given; ``{scale}`` in the URL is replaced, otherwise ``_xN`` is appended
to the database name for N > 1). It then renders the portal home, a department home, a column
page and an article ``--iterations`` times each with Django's test client, uncached (test
settings: the anonymous page cache and menu cache are off), and prints median and p95
milliseconds and the SQL queries per page. With two scales it also shows whether the query
counts grow with the number of organisations and items (they must not).

Each measurement runs in its own interpreter, because settings (and the database) are read
once per process.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SETTINGS = "config.settings.test"
TARGET_P95_MS = 60
TARGET_QUERIES = 25


def database_url_for(template, scale, scratch_dir):
    if not template:
        return f"sqlite:///{Path(scratch_dir) / f'page_render_x{scale}.sqlite3'}"
    if "{scale}" in template:
        return template.format(scale=scale)
    if scale == 1:
        return template
    base, _sep, query = template.partition("?")
    return f"{base}_x{scale}" + (f"?{query}" if query else "")


def child_env(database_url):
    env = dict(os.environ)
    env.update({"DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT)})
    return env


def build(database_url, scale):
    """A fresh demo county at ``scale`` (seed_demo is idempotent, so an existing one is reused)."""
    env = child_env(database_url)
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)
    started = time.perf_counter()
    for command in (["migrate", "--noinput", "-v", "0"], ["seed_demo", "--scale", str(scale), "-v", "0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True)
    return time.perf_counter() - started


def create_postgres_database(database_url):
    from urllib.parse import urlparse

    import psycopg

    parts = urlparse(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def measure(database_url, iterations, show_queries):
    env = child_env(database_url)
    command = [sys.executable, __file__, "--measure", "--iterations", str(iterations)]
    if show_queries:
        command.append("--show-queries")
    result = subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True)
    if show_queries:
        sys.stderr.write(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- inside the measuring interpreter -------------------------------------------------------

def pages_to_render():
    """The four pages, picked from the demo data the same way at every scale."""
    from departments.models import Organisation
    from portal.column_kinds import ColumnKind
    from portal.models import ArticlePage, ColumnPage

    department = (
        Organisation.objects.active().filter(kind=Organisation.Kind.DEPARTMENT, home_page__live=True)
        .order_by("sort_order", "pk").first()
    )
    if department is None:
        raise SystemExit("No department in this database: run seed_demo first.")
    column = ColumnPage.objects.child_of(department.home_page).live().get(kind=ColumnKind.NEWS)
    # The heavier kind of article (with a cover image: two more queries), picked the same way at every scale.
    articles = ArticlePage.objects.live().order_by("-display_date")
    article = articles.child_of(column).filter(cover_image__isnull=False).first() or articles.filter(
        cover_image__isnull=False
    ).first() or articles.first()
    return [
        ("portal home", "/"),
        ("department home", department.home_page.url),
        ("column page", column.url),
        ("article", article.url),
    ]


def run_measurements(iterations, show_queries):
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from departments.models import Organisation
    from disclosure.models import CatalogueEntry

    client = Client()  # without setup_test_environment(): no template instrumentation in the timings
    results = {
        "organisations": Organisation.objects.exclude(kind=Organisation.Kind.COUNTY).count(),
        "items": CatalogueEntry.objects.public().count(),
        "pages": [],
    }
    for label, url in pages_to_render():
        for _warm_up in range(5):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        query_count = len(captured.captured_queries)
        if show_queries:
            sys.stderr.write(f"\n== {label} {url}: {query_count} queries\n")
            for query in captured.captured_queries:
                sys.stderr.write(f"  {query['sql'][:300]}\n")
        timings = []
        cpu_started = time.process_time()
        for _iteration in range(iterations):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            reset_queries()
        cpu_ms = (time.process_time() - cpu_started) * 1000 / iterations
        timings.sort()
        results["pages"].append({
            "label": label,
            "url": url,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
            "queries": query_count,
            "cpu_ms": round(cpu_ms, 1),
        })
    print(json.dumps(results, ensure_ascii=False))


# --- reporting ------------------------------------------------------------------------------

def report(runs):
    print(f"{'scale':>5}  {'orgs':>4}  {'items':>5}  {'page':<16} {'median ms':>9} {'p95 ms':>7} {'cpu ms':>6} {'queries':>7}  target")
    for scale, result in runs:
        for page in result["pages"]:
            ok = page["p95_ms"] <= TARGET_P95_MS and page["queries"] <= TARGET_QUERIES
            print(
                f"{scale:>5}  {result['organisations']:>4}  {result['items']:>5}  {page['label']:<16} "
                f"{page['median_ms']:>9} {page['p95_ms']:>7} {page['cpu_ms']:>6} {page['queries']:>7}  {'ok' if ok else 'MISSED'}"
            )
    if len(runs) > 1:
        first, last = runs[0][1], runs[-1][1]
        grew = [
            f"{a['label']}: {a['queries']} → {b['queries']}"
            for a, b in zip(first["pages"], last["pages"]) if b["queries"] > a["queries"]
        ]
        print(
            f"\nData ×{runs[-1][0] / runs[0][0]:g}: organisations {first['organisations']} → {last['organisations']}, "
            f"items {first['items']} → {last['items']}."
        )
        print("Query counts grew: " + "; ".join(grew) if grew else "Query counts do not grow with the data.")
    return all(
        page["p95_ms"] <= TARGET_P95_MS and page["queries"] <= TARGET_QUERIES for _scale, run in runs for page in run["pages"]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=200, help="renders per page (default 200)")
    parser.add_argument("--scales", default="1,2", help="seed_demo scales to compare, comma-separated (default 1,2)")
    parser.add_argument("--database-url", default="", help="scratch database; {scale} is replaced (default: temp SQLite)")
    parser.add_argument("--skip-seed", action="store_true", help="measure databases that are already seeded")
    parser.add_argument("--show-queries", action="store_true", help="print every query of one render of each page")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        sys.path.insert(0, str(PROJECT))
        run_measurements(args.iterations, args.show_queries)
        return 0

    runs = []
    with tempfile.TemporaryDirectory(prefix="page-render-") as scratch:
        for scale in [int(value) for value in args.scales.split(",")]:
            url = database_url_for(args.database_url, scale, scratch)
            if not args.skip_seed:
                seconds = build(url, scale)
                print(f"seed_demo --scale {scale}: {seconds:.0f} s", file=sys.stderr)
            runs.append((scale, measure(url, args.iterations, args.show_queries)))
    met = report(runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    print(f"(cpu ms: this process's CPU per render; wall times include waiting for the CPU, load average {load:.1f}.)")
    print(f"\nTargets: p95 ≤ {TARGET_P95_MS} ms and ≤ {TARGET_QUERIES} queries per page: {'met' if met else 'NOT met'}.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
