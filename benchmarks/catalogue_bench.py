"""Benchmark for the disclosure catalogue at county scale.

    .venv/bin/python benchmarks/catalogue_bench.py [--entries 100000] [--organisations 50] [--publishes 50]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_catalogue_bench .venv/bin/python benchmarks/catalogue_bench.py

Without DATABASE_URL it builds a scratch SQLite database in a temporary folder; with a
PostgreSQL DATABASE_URL it uses that database, which must be empty (create it with createdb).
It provisions ``--organisations`` organisations for real, bulk-creates ``--entries`` catalogue
entries across them over three years (2 % withdrawn, 10 % of genre 通知), then prints:

* the time a publish spends registering its entry: median over ``--publishes`` publishes with the
  catalogue handler connected minus the median with it disconnected, and ``register_page`` alone
  (target ≤ 20 ms);
* ``/disclosure/`` with filters, p95 over varied filter combinations (target ≤ 150 ms), both with the
  facet counts computed afresh for every request and in the steady state where they are cached until
  the catalogue next changes;
* ``/api/catalogue/`` page, p95 (target ≤ 100 ms);
* the CSV export's time and peak Python memory (tracemalloc) at ~10k and ~100k rows, which must be flat.

The portal's anonymous page cache is switched off so every request really runs.
"""

import argparse
import datetime
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from scratch import percentile, provision_organisations
from scratch import setup_django as scratch_setup


def setup_django(scratch):
    def quiet_settings(settings):
        # Search indexing runs in the task worker after commit; keep it out of the publish timings.
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        settings.PORTAL_PAGE_CACHE_SECONDS = 0
        settings.ALLOWED_HOSTS = ["*"]

    scratch_setup(scratch, keep_postgres=True, before_setup=quiet_settings, migrate=False)
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql" and "disclosure_catalogueentry" in connection.introspection.table_names():
        sys.exit("The PostgreSQL database given by DATABASE_URL is not empty; create a fresh one for the benchmark.")
    call_command("migrate", verbosity=0, interactive=False)
    return connection.vendor


def bulk_entries(organisations, total, rng):
    """``total`` entries with valid, unique index numbers; counters left where a real publish would continue."""
    from django.utils import timezone

    from disclosure.catalogue.index_numbers import format_index_number
    from disclosure.models import CatalogueEntry, IndexSerial, Topic
    from portal.models import ColumnPage
    from portal.taxonomy import Genre, Validity

    topics = list(Topic.objects.values_list("pk", flat=True))
    other_genres = [value for value in Genre.values if value != Genre.NOTICE]
    columns = {
        organisation.pk: list(ColumnPage.objects.child_of(organisation.home_page).values_list("pk", "title", "kind"))
        for organisation in organisations
    }
    now = timezone.now()
    serials = {}
    batch = []
    for number in range(total):
        organisation = organisations[number % len(organisations)]
        shown = now - datetime.timedelta(days=rng.random() * 3 * 365)
        year = timezone.localtime(shown).year
        serial = serials[(organisation.pk, year)] = serials.get((organisation.pk, year), 0) + 1
        column_id, column_title, column_kind = rng.choice(columns[organisation.pk])
        withdrawn = rng.random() < 0.02
        batch.append(CatalogueEntry(
            index_number=format_index_number(organisation, year, serial), index_year=year, index_serial=serial,
            page_key=10_000_000 + number, organisation=organisation, index_organisation=organisation, site=None, column_id=column_id,
            column_title=column_title, column_kind=column_kind,
            title=f"关于第{number}号事项的{rng.choice(['通知', '公告', '意见', '报告'])}",
            summary="为进一步做好相关工作，现将有关事项通知如下。", body_text="正文" * 50,
            url=f"http://localhost/bench/{number}/", genre=Genre.NOTICE if number % 10 == 0 else rng.choice(other_genres),
            topic_id=rng.choice(topics), document_number=f"示政发〔{year}〕{serial}号" if number % 4 == 0 else "",
            display_date=shown, display_year=year, validity=rng.choice([Validity.VALID] * 8 + [Validity.EXPIRED, Validity.REPEALED]),
            keywords="", first_published_at=shown, last_updated_at=shown,
            status=CatalogueEntry.Status.WITHDRAWN if withdrawn else CatalogueEntry.Status.LIVE,
            withdrawn_at=now if withdrawn else None, withdrawal_reason="页面已撤销发布" if withdrawn else "",
            changed_at=now if withdrawn else shown,
        ))
        if len(batch) == 5000:
            CatalogueEntry.objects.bulk_create(batch)
            batch = []
    CatalogueEntry.objects.bulk_create(batch)
    IndexSerial.objects.bulk_create(
        [IndexSerial(organisation_id=org_id, year=year, last_serial=last) for (org_id, year), last in serials.items()]
    )


def measure_publishing(organisation, count):
    """Median publish time with and without the catalogue handler, and register_page alone."""
    from wagtail.signals import page_published

    from disclosure.catalogue import registration
    from disclosure.catalogue.signal_handlers import on_page_published
    from portal.column_kinds import ColumnKind
    from portal.models import ArticlePage, ColumnPage

    column = ColumnPage.objects.child_of(organisation.home_page).get(kind=ColumnKind.NEWS)

    def draft(title):
        page = ArticlePage(title=title, body=[("paragraph", "<p>会议强调，要压实安全生产责任。</p>" * 20)], live=False)
        ColumnPage.objects.get(pk=column.pk).add_child(instance=page)
        return page

    uid = "catalogue-publish-ArticlePage"
    with_handler, without_handler, register_alone = [], [], []
    for number in range(count):
        page = draft(f"测速发布{number}")
        started = time.perf_counter()
        page.save_revision().publish()
        with_handler.append(time.perf_counter() - started)

        page = draft(f"对照发布{number}")
        page_published.disconnect(sender=ArticlePage, dispatch_uid=uid)
        try:
            started = time.perf_counter()
            page.save_revision().publish()
            without_handler.append(time.perf_counter() - started)
        finally:
            page_published.connect(on_page_published, sender=ArticlePage, dispatch_uid=uid)
        page = ArticlePage.objects.get(pk=page.pk)
        started = time.perf_counter()
        registration.register_page(page)
        register_alone.append(time.perf_counter() - started)
    return statistics.median(with_handler), statistics.median(without_handler), statistics.median(register_alone)


def measure_requests(client, queries, repeat, cold=False):
    """Timings of ``repeat`` rounds over ``queries``; ``cold`` clears the cache (facet counts) before each."""
    from django.core.cache import cache

    timings = []
    for _round in range(repeat):
        for path, params in queries:
            if cold:
                cache.clear()
            started = time.perf_counter()
            response = client.get(path, params)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, params, response.status_code)
    return timings


def browse_queries(organisations, rng):
    from disclosure.models import Topic

    top_topic = Topic.objects.filter(parent=None).first().pk
    year = datetime.date.today().year
    orgs = [organisation.slug for organisation in organisations]
    return [
        ("/disclosure/", {}),
        ("/disclosure/", {"org": rng.choice(orgs)}),
        ("/disclosure/", {"org": rng.choice(orgs), "year": str(year - 1)}),
        ("/disclosure/", {"genre": "notice", "year": str(year)}),
        ("/disclosure/", {"topic": str(top_topic)}),
        ("/disclosure/", {"validity": "repealed", "page": "3"}),
        ("/disclosure/", {"page": "200"}),
        (f"/disclosure/{rng.choice(orgs)}/", {"genre": "notice"}),
    ]


def api_queries(organisations, rng):
    since = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=30)).isoformat()
    orgs = [organisation.slug for organisation in organisations]
    return [
        ("/api/catalogue/", {}),
        ("/api/catalogue/", {"page": "40"}),
        ("/api/catalogue/", {"org": rng.choice(orgs)}),
        ("/api/catalogue/", {"genre": "notice", "year": str(datetime.date.today().year)}),
        ("/api/catalogue/", {"since": since}),
        ("/api/catalogue/", {"since": since, "page": "2"}),
    ]


def measure_export(client, params, trace):
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    started = time.perf_counter()
    response = client.get("/disclosure/export.csv", params)
    size = rows = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return rows - 1, size, elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--publishes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=8, help="rounds over the request mix")
    args = parser.parse_args()
    rng = random.Random(20251125)

    with tempfile.TemporaryDirectory(prefix="catalogue-bench-") as scratch:
        vendor = setup_django(Path(scratch))
        from django.test import Client

        print(f"database: {vendor}")
        started = time.perf_counter()
        organisations = provision_organisations(1, args.organisations)
        bulk_entries(organisations, args.entries, rng)
        print(f"setup: {len(organisations)} organisations, {args.entries} entries in {time.perf_counter() - started:.1f} s")

        with_handler, without_handler, alone = measure_publishing(organisations[1], args.publishes)
        print(f"publish median: {with_handler * 1000:.1f} ms with the catalogue handler, "
              f"{without_handler * 1000:.1f} ms without -> registration adds {(with_handler - without_handler) * 1000:.1f} ms "
              f"(register_page alone: {alone * 1000:.1f} ms; target <= 20 ms)")

        client = Client()
        client.get("/disclosure/")  # warm caches (site root paths, templates)
        measure_export(client, {"year": "1990"}, trace=False)  # and the export's imports
        queries = browse_queries(organisations, rng)
        cold = measure_requests(client, queries, max(1, args.repeat // 2), cold=True)
        print(f"/disclosure/ with filters, facet counts not cached (first request after a publish): "
              f"p95 {percentile(cold, 0.95) * 1000:.0f} ms, median {statistics.median(cold) * 1000:.0f} ms over {len(cold)} requests")
        browse = measure_requests(client, queries, args.repeat)
        print(f"/disclosure/ with filters, steady state (counts cached until the catalogue changes): "
              f"p95 {percentile(browse, 0.95) * 1000:.0f} ms, median {statistics.median(browse) * 1000:.0f} ms "
              f"over {len(browse)} requests (target p95 <= 150 ms)")
        api = measure_requests(client, api_queries(organisations, rng), args.repeat)
        print(f"/api/catalogue/: p95 {percentile(api, 0.95) * 1000:.0f} ms, median {statistics.median(api) * 1000:.0f} ms "
              f"over {len(api)} requests (target p95 <= 100 ms)")

        for label, params in (("~10k", {"genre": "notice"}), ("~100k", {})):
            rows, size, elapsed, _ = measure_export(client, params, trace=False)
            _rows, _size, _elapsed, peak = measure_export(client, params, trace=True)
            print(f"CSV export {label}: {rows} rows, {size / 1e6:.1f} MB in {elapsed:.2f} s; "
                  f"peak traced memory {peak / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
