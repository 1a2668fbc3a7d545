"""HTTP load on loopback: gunicorn (2 workers) serving the demo county, driven from a second process.

For the portal home, a department home and an article, cached (anonymous page cache on) and
uncached (PAGE_CACHE_SECONDS=0), it prints requests per second, median and p95 latency.

    .venv/bin/python benchmarks/http_load.py                 # builds a demo database in benchmarks/out/
    .venv/bin/python benchmarks/http_load.py --seconds 10    # shorter runs
    .venv/bin/python benchmarks/http_load.py --reuse         # keep the database built by a previous run

Only 127.0.0.1 is contacted; every loop is bounded by time and by a request cap.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from multiprocessing import Process, Queue
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
MAX_REQUESTS_PER_RUN = 200_000

FIND_URLS = """
import json, django
django.setup()
from portal.models import DepartmentHomePage
from portal.models import ArticlePage
department = DepartmentHomePage.objects.live().order_by("path").first()
article = ArticlePage.objects.live().filter(path__startswith=department.path).order_by("-display_date").first()
print(json.dumps({"portal home": "/", "department home": department.url, "article": article.url}))
"""

BUILD_WITH_FACTORIES = """
import django
django.setup()
from tests.browser.site_data import build_county
build_county()
"""


def server_environment(out, cached):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="benchmark-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=env.get("BENCH_DATABASE_URL", f"sqlite:///{out / 'bench.sqlite3'}"),
        VAR_DIR=str(out / "var"),
        MEDIA_ROOT=str(out / "media"),
        STATIC_ROOT=str(out / "static"),
        PAGE_CACHE_SECONDS="300" if cached else "0",
        LOG_LEVEL="WARNING",
        DEMO_ENABLED="1",  # seed_demo is in the demo app, installed in production only when asked
        PYTHONPATH=str(ROOT),
    )
    env.pop("REDIS_URL", None) if "BENCH_REDIS_URL" not in env else env.update(REDIS_URL=env["BENCH_REDIS_URL"])
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(out, reuse):
    out.mkdir(parents=True, exist_ok=True)
    env = server_environment(out, cached=True)
    database = out / "bench.sqlite3"
    if not (reuse and database.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        print("迁移数据库并生成演示数据……", flush=True)
        manage(env, "migrate", "--noinput")
        if (ROOT / "demo/management/commands/seed_demo.py").exists():
            manage(env, "seed_demo")
        else:
            subprocess.run([PYTHON, "-c", BUILD_WITH_FACTORIES], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    found = subprocess.run([PYTHON, "-c", FIND_URLS], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(found.stdout.strip().splitlines()[-1])


def start_gunicorn(out, port, cached, workers):
    env = server_environment(out, cached)
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning", "--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"],
        cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = fetch(port, "/healthz/")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not start within 60 s")


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"User-Agent": BROWSER_AGENT, "Host": "localhost"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def drive(port, path, seconds, concurrency, results):
    """Runs in its own process: `concurrency` threads request `path` for `seconds`, latencies in ms."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        local, failed = [], 0
        while time.monotonic() < deadline and len(local) < MAX_REQUESTS_PER_RUN:
            started = time.perf_counter()
            try:
                status, _ = fetch(port, path)
                if status != 200:
                    failed += 1
            except OSError:
                failed += 1
            local.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(local)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    results.put({"count": len(latencies), "elapsed": elapsed, "errors": errors[0], "latencies": latencies})


def measure(port, path, seconds, concurrency):
    for _ in range(5):  # warm up: fill the page cache and the workers' imports
        fetch(port, path)
    results = Queue()
    driver = Process(target=drive, args=(port, path, seconds, concurrency, results))
    driver.start()
    outcome = results.get(timeout=seconds + 120)
    driver.join(timeout=30)
    latencies = sorted(outcome["latencies"])
    return {
        "requests": outcome["count"],
        "rps": outcome["count"] / outcome["elapsed"] if outcome["elapsed"] else 0,
        "median": statistics.median(latencies) if latencies else 0,
        "p95": latencies[int(len(latencies) * 0.95) - 1] if latencies else 0,
        "errors": outcome["errors"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30, help="duration of each run (default 30)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads in the driver process (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--reuse", action="store_true", help="reuse the database of a previous run")
    parser.add_argument("--modes", default="cached,uncached", help="which runs: cached, uncached or both (default)")
    args = parser.parse_args()

    urls = prepare(args.out, args.reuse)
    rows = []
    modes = [mode.strip() for mode in args.modes.split(",")]
    for cached in [mode == "cached" for mode in modes if mode in ("cached", "uncached")]:
        server = start_gunicorn(args.out, args.port, cached, args.workers)
        try:
            for name, path in urls.items():
                result = measure(args.port, path, args.seconds, args.concurrency)
                rows.append((name, "cached" if cached else "uncached", result))
                print(f"{name:16} {'cached' if cached else 'uncached':9} {result['rps']:8.1f} req/s  "
                      f"median {result['median']:7.1f} ms  p95 {result['p95']:7.1f} ms  "
                      f"({result['requests']} requests, {result['errors']} errors)", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print()
    print(f"{'page':16} {'mode':9} {'req/s':>8} {'median ms':>10} {'p95 ms':>8}  target")
    for name, mode, result in rows:
        target = "p95 <= 30 ms, >= 300 req/s" if mode == "cached" else "p95 <= 150 ms"
        met = (result["p95"] <= 30 and result["rps"] >= 300) if mode == "cached" else result["p95"] <= 150
        print(f"{name:16} {mode:9} {result['rps']:8.1f} {result['median']:10.1f} {result['p95']:8.1f}  "
              f"{target} {'met' if met and not result['errors'] else 'NOT met'}")


if __name__ == "__main__":
    main()
