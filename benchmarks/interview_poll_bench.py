"""Benchmark: an online interview's live poll endpoint, as polled by 200 clients every 5 s (40 polls/s).

    .venv/bin/python benchmarks/interview_poll_bench.py [--entries 60] [--requests 2000] [--keep DIR]

Runs in a scratch directory (its own SQLite database; the production file cache, or locmem), in process through Django's test client
(the full middleware stack, no network); nothing touches the project's database. One live interview with
``--entries`` record entries. Measured per request, wall time and CPU time (``time.process_time``):

- 304: ``If-None-Match`` with the last ETag, the record unchanged (what almost every poll is);
- 200 new: ``after=<last-1>``, one new entry to send (the version is cached);
- 200 cold: the cached version forgotten first (the first poll after staff post an entry);
- 200 full: ``after=0``, the whole record (a client that just opened the page without JavaScript state).

Prints p50/p95 and the mean CPU ms of each, the requests/s one process sustains for each (1 / mean wall
time), and what 200 clients every 5 s cost: 40 polls/s × CPU per poll, for a live interview in which staff
post an entry every 30 s (so about one poll in six per client is a 200 cold/new, the rest 304).
"""

import argparse
import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

from scratch import percentile, provision_organisations, setup_django

CLIENTS = 200
POLL_SECONDS = 5
ENTRY_SECONDS = 30


def build_interview(entries):
    from django.utils import timezone

    from interaction.interviews.record import append_entry
    from interaction.models import InterviewGuest, InterviewPage, InterviewRecordEntry
    from portal.column_kinds import ColumnKind
    from portal.models import ColumnPage

    column = ColumnPage.objects.filter(kind__in=[ColumnKind.NEWS, ColumnKind.HEADLINES]).order_by("-depth").first()
    now = timezone.now()
    page = InterviewPage(title="“优化营商环境”在线访谈", intro="<p>基准测试</p>", starts_at=now - datetime.timedelta(minutes=30),
                         ends_at=now + datetime.timedelta(hours=3),
                         guests=[InterviewGuest(name="王建国", title="县发展和改革局局长", sort_order=0)])
    column.add_child(instance=page)
    page.save_revision().publish()
    guest = page.guests.first()
    for number in range(entries):
        kind = InterviewRecordEntry.Kind.QUESTION if number % 2 == 0 else InterviewRecordEntry.Kind.ANSWER
        append_entry(InterviewRecordEntry(interview=page, kind=kind, guest=guest if number % 2 else None,
                                          text=f"第{number + 1}段：企业开办全流程一个工作日办结，网上申请、一次提交。" * 3))
    return page


def measure(call, requests):
    walls, cpus = [], []
    for _request in range(requests):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def line(label, walls, cpus):
    mean_wall = statistics.fmean(walls)
    print(f"{label:<34} p50 {statistics.median(walls) * 1000:6.2f} ms  p95 {percentile(walls, 0.95) * 1000:6.2f} ms  "
          f"CPU {statistics.fmean(cpus) * 1000:6.2f} ms/poll  → {1 / mean_wall:7.0f} requests/s in one process")
    return statistics.fmean(cpus)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=60)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cache", choices=["file", "locmem"], default="file",
                        help="file: the production default (config/settings/base.py); locmem: as the tests")
    parser.add_argument("--keep", help="use (and keep) this scratch directory")
    args = parser.parse_args()
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="interview-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)

    def quiet(settings):
        settings.ALLOWED_HOSTS = ["*"]
        if args.cache == "file":
            settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                           "LOCATION": str(scratch / "cache"), "TIMEOUT": 600,
                                           "OPTIONS": {"MAX_ENTRIES": 20000}}}

    setup_django(scratch, before_setup=quiet)
    provision_organisations(1, 1)
    from django.db import connection
    from django.test import Client

    from interaction.interviews.live import forget

    page = build_interview(args.entries)
    client = Client()
    url = f"/interaction/interviews/{page.pk}/live.json"
    last = page.record_entries.count()
    first = client.get(f"{url}?after={last}")
    assert first.status_code == 200
    etag = first["ETag"]
    assert client.get(f"{url}?after={last}", HTTP_IF_NONE_MATCH=etag).status_code == 304

    def unchanged():
        assert client.get(f"{url}?after={last}", HTTP_IF_NONE_MATCH=etag).status_code == 304

    def one_new():
        assert client.get(f"{url}?after={last - 1}").status_code == 200

    def cold():
        forget(page.pk)
        assert client.get(f"{url}?after={last - 1}").status_code == 200

    def full():
        response = client.get(f"{url}?after=0")
        assert response.status_code == 200 and len(response.json()["entries"]) == last

    load_before = os.getloadavg()
    print(f"database: {connection.vendor}; cache: {args.cache}; record entries: {last}; requests per kind: {args.requests}")
    cpu_304 = line("304 unchanged (If-None-Match)", *measure(unchanged, args.requests))
    cpu_new = line("200 one new entry (version cached)", *measure(one_new, args.requests))
    cpu_cold = line("200 one new entry (version cold)", *measure(cold, args.requests))
    line(f"200 full record ({last} entries)", *measure(full, max(1, args.requests // 4)))
    load_after = os.getloadavg()

    polls_per_second = CLIENTS / POLL_SECONDS
    share_changed = POLL_SECONDS / ENTRY_SECONDS
    # After an entry: the first poll recomputes the version (cold), the other clients' first polls are "new".
    mixed_cpu = (1 - share_changed) * cpu_304 + share_changed * cpu_new + cpu_cold / (ENTRY_SECONDS * polls_per_second)
    print(f"{CLIENTS} clients every {POLL_SECONDS} s = {polls_per_second:.0f} polls/s; an entry every {ENTRY_SECONDS} s "
          f"→ {share_changed:.0%} of polls are 200")
    print(f"  CPU: {mixed_cpu * 1000:.2f} ms per poll on average = {polls_per_second * mixed_cpu * 1000:.0f} ms CPU "
          f"per second ({polls_per_second * mixed_cpu:.1%} of one core); all-304: "
          f"{polls_per_second * cpu_304 * 1000:.0f} ms/s, all-200: {polls_per_second * cpu_new * 1000:.0f} ms/s")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min; {os.cpu_count()} CPUs; "
          "shared machine)")
    if not args.keep:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
