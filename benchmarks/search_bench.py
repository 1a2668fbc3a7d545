"""Benchmark of the county search at 100,000 catalogue entries, against PostgreSQL's CJK-bigram full text.

    .venv/bin/python benchmarks/search_bench.py [--entries 100000] [--letters 5000] [--queries 200] [--keep DIR]
                                                [--no-postgres]

Everything happens in a scratch directory (SQLite database, Whoosh index, cache) and a scratch
PostgreSQL database (``search_bench_scratch`` on ``--pg``, default 127.0.0.1:5432 user postgres):
nothing touches the project's own database or index. The corpus is reproducible (fixed seed):
realistic county-government titles and bodies (mean over 1,000 characters) from 50 organisations,
plus ``--letters`` public letters with replies (kind 互动交流, in the same index, so they weigh on build
time, latency and memory; precision and recall are judged over the catalogue entries).
Prints, with the load average:

* full index build time (``rebuild_index``'s builder, all cores),
* publish → searchable: a page published for real, indexed by the real queue and a ``db_worker``
  process at its default polling interval, polled through the search service until it is found,
* query latency (median, p95) of the search page and the JSON API over at least 200 distinct
  queries (1–3 words, compounds, pinyin, questions, some narrowed by a facet), with facets and
  highlighting, each endpoint in its own fresh process from cold, as a newly started web worker would (every
  first read of a term and first verification of a word is timed), and the page process's resident memory
  after start, after opening the index and after the queries (its own heap apart from mapped index files),
* precision and recall on ``JUDGED_WORDS`` (over 50, at least 10 compounds the segmenter's
  dictionary lacks): of the entries whose title, summary, body or identifiers contain the word
  (in match form), the share found; of the entries found, the share that contain it,
* the same for PostgreSQL full-text search over a CJK-bigram ``tsvector`` with a GIN index
  (bigram phrase queries, ranked top 20 with the total count): build time, latency, precision,
  recall, and the ratio of the p95s.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scratch import ROOT, percentile

PG_DATABASE = "search_bench_scratch"

ORGANISATIONS = [
    "县人民政府办公室", "县发展和改革局", "县教育局", "县科学技术局", "县工业和信息化局", "县公安局", "县民政局",
    "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源和规划局", "县生态环境分局", "县住房和城乡建设局",
    "县交通运输局", "县水利局", "县农业农村局", "县商务局", "县文化和旅游局", "县卫生健康局", "县退役军人事务局",
    "县应急管理局", "县审计局", "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局", "县城市管理局",
    "县行政审批服务局", "县乡村振兴局", "县信访局", "县住房公积金管理中心", "县社会保险事业管理中心", "县消防救援大队",
    "县税务局", "县气象局", "县残疾人联合会", "县妇女联合会", "县总工会", "县融媒体中心", "县档案馆",
    "城关镇人民政府", "东河镇人民政府", "西山镇人民政府", "南湖乡人民政府", "北岭乡人民政府", "青石镇人民政府",
    "柳林镇人民政府", "白水乡人民政府", "龙泉街道办事处", "凤凰街道办事处",
]

SUBJECTS = [
    "安全生产", "森林防火", "城乡居民基本医疗保险参保缴费", "住房公积金缴存", "社会保险待遇资格认证", "农村人居环境整治",
    "义务教育招生入学", "高标准农田建设", "乡村振兴", "营商环境优化", "防汛抗旱", "中央环保督察反馈问题整改", "疫苗接种",
    "食品安全监督抽检", "消防安全隐患排查", "城乡最低生活保障", "困难群众临时救助", "退役军人优待抚恤", "老旧小区改造",
    "农村饮水安全", "道路交通安全", "全国文明城市创建", "生活垃圾分类", "河长制", "林长制", "耕地保护", "粮食生产",
    "防范和处置非法集资", "常态化扫黑除恶", "数字政府建设", "政务公开", "残疾人两项补贴", "高龄津贴发放", "职业技能培训",
    "创业担保贷款", "失业保险稳岗返还", "校园安全", "学生资助", "地质灾害防治", "不动产登记", "秸秆禁烧", "大气污染防治",
    "重大项目建设", "招商引资", "优化生育政策", "家庭医生签约服务", "公共法律服务", "矛盾纠纷排查化解", "根治欠薪",
    "预算绩效管理", "政府采购", "国有资产管理", "普惠金融", "冬春火灾防控", "农村危房改造", "电动自行车安全管理",
]
ACTIONS = ["做好", "开展", "进一步加强", "印发", "深入推进", "切实抓好", "组织实施", "全面落实"]
DOC_KINDS = ["通知", "实施方案", "工作方案", "意见", "报告", "通告", "公告", "批复"]
MEETINGS = ["工作会议", "推进会", "专题会议", "培训会", "现场观摩会", "座谈会"]
PLACES = ["城关镇", "东河镇", "西山镇", "南湖乡", "北岭乡", "青石镇", "柳林镇", "白水乡", "龙泉街道", "凤凰街道"]
UNITS = ["户", "人", "家", "处", "个", "亩", "公里", "万元"]
GENRES = ["notice", "opinion", "report", "public_notice", "announcement", "news", "interpretation", "plan", "reply",
          "service_guide", "statistics"]
SENTENCES = [
    "为深入贯彻落实党中央、国务院和省、市关于{s}的决策部署，结合我县实际，制定本方案。",
    "各乡镇、县直各有关单位要高度重视，切实加强组织领导，明确责任分工，确保{s}各项任务落到实处。",
    "截至{m}月底，全县累计完成{s}相关任务{n}{u}，完成年度目标任务的{p}%。",
    "{o}牵头成立工作专班，建立周调度、月通报制度，定期研究解决{s}工作中的重点难点问题。",
    "会议指出，{s}事关人民群众切身利益，事关经济社会发展大局，必须坚持问题导向和目标导向。",
    "会议要求，要压实属地管理责任、部门监管责任和企业主体责任，持续开展隐患排查整治。",
    "{place}通过入户走访、发放宣传资料、设置咨询台等方式，累计宣传群众{n}人次。",
    "对工作推进不力、造成严重后果的单位和个人，将依法依规严肃追责问责。",
    "符合条件的群众可携带身份证、户口簿等材料，到县政务服务中心{w}号窗口办理，也可通过网上办事大厅在线申请。",
    "本通知自印发之日起施行，有效期{y}年。此前有关规定与本通知不一致的，以本通知为准。",
    "咨询电话：0571-8{n:06d}，办公时间为工作日上午8:30至12:00，下午2:30至5:30。",
    "下一步，我县将继续聚焦{s}，补短板、强弱项，推动各项工作提质增效。",
    "{year}年县财政安排{s}专项资金{n}万元，重点支持{place}等乡镇开展试点。",
    "请各单位于{m}月{d}日前将工作开展情况书面报送{o}，电子版同时发送至指定邮箱。",
]
# Words whose precision and recall are measured: each appears inside longer sentences, never alone.
JUDGED_WORDS = [
    "安全生产", "森林防火", "医疗保险", "公积金", "社会保险", "人居环境", "招生", "高标准农田", "乡村振兴", "营商环境",
    "防汛", "环保督察", "疫苗", "抽检", "隐患排查", "最低生活保障", "临时救助", "退役军人", "老旧小区", "饮水安全",
    "交通安全", "文明城市", "垃圾分类", "河长制", "林长制", "耕地", "粮食", "非法集资", "扫黑除恶", "数字政府",
    "政务公开", "残疾人", "高龄津贴", "技能培训", "担保贷款", "稳岗", "校园", "资助", "地质灾害", "不动产",
    "秸秆", "大气污染", "招商引资", "家庭医生", "法律服务", "欠薪", "绩效", "政府采购", "普惠金融", "危房改造",
    # compounds the segmenter's dictionary lacks (checked at start-up), and strings across word boundaries
    "城乡建设", "常态化扫黑", "督察反馈", "两项补贴", "稳岗返还", "生活保障", "问题整改", "隐患排查整治", "电动自行车",
    "冬春火灾", "创建", "县长", "河长", "长制", "网上办事大厅",
]
QUERY_WORDS = [
    "安全生产", "森林防火", "医保", "社保", "公积金", "乡村振兴", "营商环境", "防汛", "疫苗接种", "垃圾分类", "河长制",
    "义务教育", "低保", "临时救助", "退役军人", "老旧小区", "消防", "食品安全", "学生资助", "不动产登记", "技能培训",
    "创业", "贷款", "通知", "实施方案", "会议", "城关镇", "东河镇", "资金", "政务服务中心", "窗口", "申请", "补贴",
    "隐患", "追责", "宣传", "试点", "家庭医生", "欠薪", "采购",
]


def configure(scratch):
    # The page cache stays at its production default: /search/ and /api/search/ are never cached (page_cache.py),
    # so every query is answered by the search; only the menus around the page are cached, as deployed.
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-secret",
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "DATABASE_URL": f"sqlite:///{scratch / 'bench.sqlite3'}",
        "VAR_DIR": str(scratch / "var"),
        "SEARCH_INDEX_PATH": str(scratch / "whoosh"),
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    })
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_corpus(count, rng):
    """Create 50 organisations and ``count`` public catalogue entries directly (no page trees)."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    from departments.credit_codes import make_credit_code
    from departments.models import Organisation
    from disclosure.models import CatalogueEntry, Topic

    organisations = []
    for number, name in enumerate(ORGANISATIONS, start=1):
        kind = Organisation.Kind.TOWNSHIP if name.endswith(("镇人民政府", "乡人民政府", "办事处")) else Organisation.Kind.DEPARTMENT
        organisations.append(Organisation(name=name, short_name=name.replace("县", "")[:8], slug=f"bench{number:02d}",
                                          kind=kind, credit_code=make_credit_code(f"113309{number:011d}")))
    Organisation.objects.bulk_create(organisations)
    organisations = list(Organisation.objects.filter(slug__startswith="bench").order_by("slug"))
    topics = list(Topic.objects.values_list("pk", flat=True))
    start = timezone.make_aware(datetime(2019, 1, 1))
    serials = {}
    batch = []
    for number in range(count):
        organisation = organisations[number % len(organisations)]
        subject = rng.choice(SUBJECTS)
        roll = rng.random()
        year = rng.randint(2019, 2025)
        if roll < 0.45:
            title = f"关于{rng.choice(ACTIONS)}{year}年{subject}工作的{rng.choice(DOC_KINDS)}"
        elif roll < 0.75:
            title = f"{organisation.name}召开{subject}{rng.choice(MEETINGS)}"
        elif roll < 0.9:
            title = f"《{year}年{subject}实施方案》政策解读"
        else:
            title = f"{rng.choice(PLACES)}扎实推进{subject}工作"
        sentences = []
        for _ in range(rng.randint(20, 32)):
            template = rng.choice(SENTENCES)
            sentences.append(template.format(
                s=rng.choice([subject, subject, rng.choice(SUBJECTS)]), o=organisation.name, place=rng.choice(PLACES),
                n=rng.randint(10, 99999), u=rng.choice(UNITS), p=rng.randint(60, 120), m=rng.randint(1, 12),
                d=rng.randint(1, 28), w=rng.randint(1, 40), y=rng.randint(1, 5), year=year))
        body = "".join(sentences)
        display = start + timedelta(days=rng.randint(0, 2500), minutes=rng.randint(0, 1440))
        key = (organisation.pk, display.year)
        serials[key] = serials.get(key, 0) + 1
        batch.append(CatalogueEntry(
            index_number=f"{organisation.credit_code}/{display.year}-{serials[key]:05d}", index_year=display.year,
            index_serial=serials[key], page_key=10_000_000 + number, organisation=organisation,
            index_organisation=organisation, title=title[:255],
            summary=body[:80], body_text=body, url=f"https://example.gov.cn/bench/{number}/",
            genre=rng.choice(GENRES), topic_id=rng.choice(topics) if topics else None,
            document_number=f"示{organisation.short_name[:2]}发〔{display.year}〕{serials[key]}号" if roll < 0.45 else "",
            display_date=display, display_year=timezone.localtime(display).year, first_published_at=display,
            last_updated_at=display, changed_at=display,
        ))
        if len(batch) == 5000:
            CatalogueEntry.objects.bulk_create(batch)
            batch = []
    if batch:
        CatalogueEntry.objects.bulk_create(batch)


LETTER_OPENINGS = ["关于{place}{s}的咨询", "{place}{s}问题反映", "建议加快{place}{s}进度", "{place}{s}政策求助"]


def make_letters(count, rng):
    """``count`` answered letters published with consent, one mailbox per organisation (no page trees)."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    from departments.models import Organisation
    from interaction.models import Letter, Mailbox

    organisations = list(Organisation.objects.filter(slug__startswith="bench").order_by("slug"))
    for organisation in organisations:
        Mailbox.objects.get_or_create(organisation=organisation, kind=Mailbox.Kind.ORGANISATION,
                                      defaults={"slug": f"{organisation.slug}-xx", "name": f"{organisation.name}信箱"})
    boxes = {box.organisation_id: box for box in Mailbox.objects.filter(organisation__in=organisations)}
    start = timezone.make_aware(datetime(2021, 1, 1))
    batch = []
    for number in range(count):
        organisation = organisations[number % len(organisations)]
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        received = start + timedelta(days=rng.randint(0, 2000), minutes=rng.randint(0, 1440))
        replied = received + timedelta(days=rng.randint(1, 15))
        message = "".join(rng.choice(SENTENCES).format(
            s=subject, o=organisation.name, place=place, n=rng.randint(10, 999), u=rng.choice(UNITS),
            p=rng.randint(60, 120), m=rng.randint(1, 12), d=rng.randint(1, 28), w=rng.randint(1, 40),
            y=rng.randint(1, 5), year=received.year) for _ in range(rng.randint(3, 6)))
        batch.append(Letter(
            mailbox=boxes[organisation.pk], organisation=organisation, replying_organisation=organisation,
            tracking_code=f"B{number:09d}", query_password="!", name="张三", phone=f"139{number:08d}",
            subject=rng.choice(LETTER_OPENINGS).format(place=place, s=subject)[:100],
            message=f"{message}联系电话139{number:08d}。", category=Letter.Category.ENQUIRY, may_publish=True,
            received_at=received, received_on=received.date(), received_month=received.date().replace(day=1),
            status=Letter.Status.ANSWERED, reply=f"您反映的{place}{subject}问题已转相关股室办理，将于{rng.randint(1, 12)}月底前答复。",
            replied_at=replied, replied_on=replied.date(),
        ))
        if len(batch) == 5000:
            Letter.objects.bulk_create(batch)
            batch = []
    if batch:
        Letter.objects.bulk_create(batch)


def measure_publish_to_searchable(scratch):
    """Publish a real page; a db_worker process indexes it; poll the search until it is found."""
    from django_tasks_db.models import DBTaskResult

    from departments.models import Organisation
    from disclosure.search.params import read_params
    from disclosure.search.service import search
    from tests import factories

    department = Organisation.objects.filter(slug="benchdept").first() or factories.make_organisation(
        "示例县基准测试局", "benchdept")
    env = dict(os.environ)
    worker = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "db_worker",
                               "--no-startup-delay", "--no-reload"], env=env, cwd=ROOT,
                              stdout=open(scratch / "worker.log", "w"), stderr=subprocess.STDOUT)
    try:
        # A deployed worker is already running: wait until this one has started (Django's start-up takes
        # seconds) and has finished what provisioning queued (Wagtail's own tasks) before the clock runs.
        deadline = time.perf_counter() + 300
        while "Starting worker" not in (scratch / "worker.log").read_text() and time.perf_counter() < deadline:
            time.sleep(0.2)
        while DBTaskResult.objects.ready().exists() and time.perf_counter() < deadline:
            time.sleep(0.5)
        # A deployed web worker has the index open already: open it here too, so the clock measures the
        # publish, the queue, the worker's write and the view noticing the new segment, not a cold start.
        search(read_params({"q": "预热"}), log=False)
        marker = f"琥珀色信号灯测试{int(time.time())}"
        started = time.perf_counter()
        factories.article(factories.column(department), title=f"关于{marker}的通知", body="基准测试正文。")
        while time.perf_counter() - started < 60:
            outcome = search(read_params({"q": marker}), log=False)
            if outcome.total and not outcome.used_fallback:
                return time.perf_counter() - started
            time.sleep(0.05)
        return float("nan")
    finally:
        worker.terminate()
        try:
            worker.wait(120)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


PINYIN_QUERIES = ["shebao", "she bao", "yibao", "gongjijin", "anquan shengchan", "xiangcun zhenxing", "fangxun",
                  "yimiao", "laojiu xiaoqu", "jiating yisheng"]
QUESTION_QUERIES = ["怎么办理不动产登记", "低保怎么申请", "如何申请临时救助", "公积金怎么提取", "去哪里办理社保",
                    "高龄津贴如何发放", "怎样申请创业担保贷款", "家庭医生怎么签约", "欠薪怎么投诉", "哪里可以接种疫苗"]


def distinct_queries(count, rng):
    """``count`` distinct query texts: 1–3 words (judged words included), pinyin and questions."""
    words = sorted(set(QUERY_WORDS) | set(JUDGED_WORDS))
    texts = list(dict.fromkeys([*PINYIN_QUERIES, *QUESTION_QUERIES]))
    seen = set(texts)
    while len(texts) < count:
        text = " ".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3])))
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts[:count]


def measure_queries(count, rng, name):
    """Time ``count`` distinct queries on one endpoint (``name``: "page" or "api") in this process, from cold."""
    from django.test import Client

    from departments.models import Organisation

    slugs = list(Organisation.objects.filter(slug__startswith="bench").values_list("slug", flat=True))
    queries = []
    for text in distinct_queries(count, rng):
        params = {"q": text}
        roll = rng.random()
        if roll < 0.15:
            params["org"] = rng.choice(slugs)
        elif roll < 0.25:
            params["year"] = str(rng.randint(2019, 2025))
        elif roll < 0.3:
            params["sort"] = "date"
        queries.append(params)
    client = Client()
    memory = {"started": memory_mb()}
    client.get("/search/", {"q": "预热"})
    client.get("/api/search/", {"q": "预热"})
    memory["index open"] = memory_mb()
    url = {"page": "/search/", "api": "/api/search/"}[name]
    times, cpu_times = [], []
    for params in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    # The index, the SQLite database and the view all run in this process: its CPU time is the cost
    # of a query without the waits for a core that other work on a loaded machine adds.
    timings = {name: times, f"{name} (CPU time of this process)": cpu_times}
    memory["after the queries"] = memory_mb()
    return queries, timings, memory


def client_facet_kinds(queries):
    """Sum of each kind's facet count over the queries' API answers (every kind is really found and counted)."""
    from collections import Counter

    from django.test import Client

    client, total = Client(), Counter()
    for params in queries[:50]:
        for item in client.get("/api/search/", params).json()["facets"]["kind"]:
            total[item["value"]] += item["count"]
    return dict(total)


def memory_mb():
    """This process's resident memory in MB: ``rss`` in all, ``anon`` its own (heap), ``file`` pages of mapped
    files (the index), which every process reading the same files shares through the page cache."""
    wanted = {"VmRSS:": "rss", "RssAnon:": "anon", "RssFile:": "file"}
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            name = wanted.get(line.split(":")[0] + ":")
            if name:
                found[name] = int(line.split()[1]) / 1024
    return found


def query_worker(scratch, count):
    """Run the queries against the page and against the API, each in a fresh process from cold, as a web worker
    would (not in this one, which built the corpus and holds its garbage; and neither endpoint is timed on
    caches the other one warmed): ``(queries, timings, memory)``, memory of the page's process read after start,
    after opening the index (the warm-up query) and after the queries."""
    timings, memory = {}, {}
    for name in ("page", "api"):
        result = subprocess.run([sys.executable, __file__, "--keep", str(scratch), "--query-worker", str(count),
                                 "--endpoint", name], env=dict(os.environ), cwd=ROOT, capture_output=True, text=True,
                                timeout=3600)
        lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
        if result.returncode != 0 or not lines:
            raise RuntimeError(f"query worker failed:\n{result.stderr[-3000:]}")
        found = json.loads(lines[-1][len("RESULT "):])
        timings.update(found["timings"])
        memory = memory or found["memory"]
    return found["queries"], timings, memory


def judged_texts():
    """Entry pk → its searchable text in match form (title, summary, body, keywords, numbers, organisation)."""
    from disclosure.search.documents import catalogue_index
    from disclosure.search.segmenter import match_form

    index = catalogue_index()
    return {entry.pk: match_form(index.prepare_text(entry))
            for entry in index.index_queryset().iterator(chunk_size=2000)}


def precision_recall(rows):
    """``rows``: (word, expected set, found set) → (precision, recall, worst precision row, worst recall row)."""
    expected = sum(len(want) for _word, want, _got in rows)
    found = sum(len(got) for _word, _want, got in rows)
    correct = sum(len(want & got) for _word, want, got in rows)
    worst_precision = min(rows, key=lambda row: len(row[1] & row[2]) / len(row[2]) if row[2] else 1)
    worst_recall = min(rows, key=lambda row: len(row[1] & row[2]) / len(row[1]) if row[1] else 1)
    return correct / max(1, found), correct / max(1, expected), worst_precision, worst_recall


def measure_precision_recall(texts):
    from disclosure.search import query as query_building
    from disclosure.search import whoosh_engine
    from disclosure.search.bitmaps import members
    from disclosure.search.segmenter import match_form

    view = whoosh_engine.current_view()
    rows = []
    for word in JUDGED_WORDS:
        form = match_form(word)
        expected = {pk for pk, text in texts.items() if form in text}
        parsed = query_building.parse(word)
        parsed.expansions = {key: [key] for key in parsed.words}  # the word itself, not its synonyms
        docs, _exact, _relaxed, _counts = whoosh_engine.match(view, parsed)
        found = view.keys(members(docs).tolist())
        rows.append((word, expected, {pk for model, pk in found if model == "disclosure.catalogueentry"}))
    return rows


def bigram_text(form):
    """Match form as space-separated character bigrams, runs apart (``_`` between runs keeps phrases inside one)."""
    import re

    runs = re.findall(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+", form)
    return " _ ".join(" ".join(run[i:i + 2] for i in range(len(run) - 1)) or run for run in runs)


def bigram_query(words):
    """A tsquery text: every word as the phrase of its bigrams, all words AND."""
    phrases = []
    for word in words:
        grams = [word[i:i + 2] for i in range(len(word) - 1)] or [word]
        phrases.append("(" + " <-> ".join(f"'{gram}'" for gram in grams) + ")")
    return " & ".join(phrases)


def postgres_comparison(dsn, texts, queries, judged_rows):
    """Build a bigram tsvector + GIN table over ``texts``; answer the queries and the judged words."""
    import psycopg

    from disclosure.models import CatalogueEntry
    from disclosure.search.query import parse

    admin = psycopg.connect(f"{dsn}/postgres", autocommit=True)
    admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
    admin.execute(f"CREATE DATABASE {PG_DATABASE}")
    admin.close()
    dates = dict(CatalogueEntry.objects.values_list("pk", "display_date"))
    with psycopg.connect(f"{dsn}/{PG_DATABASE}", autocommit=True) as conn:
        started = time.perf_counter()
        conn.execute("CREATE TABLE entry (id bigint PRIMARY KEY, published_at timestamptz, grams text, tsv tsvector)")
        with conn.cursor().copy("COPY entry (id, published_at, grams) FROM STDIN") as copy:
            for pk, text in texts.items():
                copy.write_row((pk, dates[pk], bigram_text(text)))
        conn.execute("UPDATE entry SET tsv = to_tsvector('simple', grams)")
        conn.execute("ALTER TABLE entry DROP COLUMN grams")
        conn.execute("CREATE INDEX entry_tsv ON entry USING gin (tsv)")
        conn.execute("VACUUM ANALYZE entry")
        build = time.perf_counter() - started
        times = []
        for params in queries:
            words = [word for word in parse(params["q"]).words]
            query = bigram_query(words)
            started = time.perf_counter()
            conn.execute("SELECT count(*) FROM entry WHERE tsv @@ to_tsquery('simple', %s)", [query]).fetchone()
            conn.execute("SELECT id FROM entry WHERE tsv @@ to_tsquery('simple', %s) "
                         "ORDER BY ts_rank(tsv, to_tsquery('simple', %s)) DESC, published_at DESC LIMIT 20",
                         [query, query]).fetchall()
            times.append((time.perf_counter() - started) * 1000)
        rows = []
        for word, expected, _found in judged_rows:
            from disclosure.search.segmenter import match_form

            found = {pk for (pk,) in conn.execute("SELECT id FROM entry WHERE tsv @@ to_tsquery('simple', %s)",
                                                  [bigram_query([match_form(word)])])}
            rows.append((word, expected, found))
    return build, times, rows


def check_compounds():
    """The judged compounds the dictionary lacks (so they are matched by verification, not one term)."""
    from disclosure.search.segmenter import word_terms

    return [word for word in JUDGED_WORDS if not word_terms(word)[1]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--letters", type=int, default=5000, help="public letters with replies in the same index")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--procs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", help="use (and keep) this scratch directory instead of a temporary one")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432", help="PostgreSQL server for the comparison")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL comparison")
    parser.add_argument("--reuse-index", action="store_true",
                        help="with --keep: measure on the index already built there instead of rebuilding it")
    parser.add_argument("--query-worker", type=int, metavar="N",
                        help="(internal) with --keep: run N queries on the kept index and print RESULT and JSON")
    parser.add_argument("--endpoint", choices=("page", "api"), default="page", help="(internal) with --query-worker")
    args = parser.parse_args()
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="search-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    configure(scratch)
    if args.query_worker:
        queries, timings, memory = measure_queries(args.query_worker, random.Random(7), args.endpoint)
        print("RESULT " + json.dumps({"queries": queries, "timings": timings, "memory": memory}))
        return
    from django.core.management import call_command

    from disclosure.models import CatalogueEntry
    from disclosure.search import bulk

    rng = random.Random(20250101)
    print(f"scratch directory: {scratch}; load average now {open('/proc/loadavg').read().strip()} on "
          f"{os.cpu_count()} cores (shared with other work)", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)
    if not CatalogueEntry.objects.exists():
        started = time.perf_counter()
        make_corpus(args.entries, rng)
        print(f"corpus: {args.entries} entries in {time.perf_counter() - started:.1f} s", flush=True)
        make_letters(args.letters, rng)
        print(f"letters: {args.letters} public letters with replies", flush=True)
    lengths = [len(body) for body in CatalogueEntry.objects.values_list("body_text", flat=True)[:5000]]
    print(f"average body length (first 5,000): {statistics.mean(lengths):.0f} characters", flush=True)
    compounds = check_compounds()
    print(f"judged words: {len(JUDGED_WORDS)}, of which {len(compounds)} not one dictionary term "
          f"(verified): {', '.join(compounds)}", flush=True)

    if args.reuse_index and args.keep and (scratch / "whoosh").is_dir():
        print(f"FULL INDEX BUILD: skipped, measuring on the index kept in {scratch / 'whoosh'}", flush=True)
    else:
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        count, seconds = bulk.rebuild(procs=args.procs)
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
        print(f"load average after build: {open('/proc/loadavg').read().strip()}")
        print(f"FULL INDEX BUILD: {count} documents (entries and public letters) in {seconds:.1f} s "
              f"({count / seconds:.0f} documents/s, {args.procs} processes; CPU time of the worker processes "
              f"{worker_cpu:.0f} s, the largest worker's peak resident memory {cpu_after.ru_maxrss / 1024:.0f} MB)",
              flush=True)

    seconds = measure_publish_to_searchable(scratch)
    print(f"PUBLISH → SEARCHABLE: {seconds:.2f} s (real publish, queue, db_worker at its default interval, search)",
          flush=True)

    queries, timings, memory = query_worker(scratch, args.queries)
    for name, times in timings.items():
        print(f"QUERY LATENCY {name}: median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
              f"max {max(times):.1f} ms over {len(times)} distinct queries (facets and highlighting on; from cold, "
              "in a fresh process)", flush=True)
    kinds = client_facet_kinds(queries)
    print(f"KINDS over the first {min(50, len(queries))} queries (sum of the 类别 facet counts): {kinds}", flush=True)
    for moment, figures in memory.items():
        print(f"RESIDENT MEMORY of the page's searching process, {moment}: {figures['rss']:.0f} MB "
              f"(own {figures['anon']:.0f} MB, mapped index and program files {figures['file']:.0f} MB)", flush=True)
    print(f"load average {open('/proc/loadavg').read().strip()}", flush=True)

    texts = judged_texts()
    rows = measure_precision_recall(texts)
    precision, recall, worst_p, worst_r = precision_recall(rows)
    print(f"PRECISION over {len(rows)} words: {precision:.2%}; lowest {worst_p[0]} "
          f"{len(worst_p[1] & worst_p[2])}/{len(worst_p[2])}", flush=True)
    print(f"RECALL over {len(rows)} words: {recall:.2%}; lowest {worst_r[0]} "
          f"{len(worst_r[1] & worst_r[2])}/{len(worst_r[1])}", flush=True)
    compound_rows = [row for row in rows if row[0] in compounds]
    if compound_rows:
        c_precision, c_recall, _p, _r = precision_recall(compound_rows)
        print(f"  of which {len(compound_rows)} verified compounds: precision {c_precision:.2%}, recall {c_recall:.2%}")

    if not args.no_postgres:
        build, pg_times, pg_rows = postgres_comparison(args.pg, texts, queries, rows)
        pg_precision, pg_recall, pg_worst_p, pg_worst_r = precision_recall(pg_rows)
        api_p95 = percentile(timings["api"], 0.95)  # wall time, as PostgreSQL's is
        pg_p95 = percentile(pg_times, 0.95)
        print(f"POSTGRESQL CJK-bigram tsvector + GIN: build {build:.1f} s; the same {len(pg_times)} queries "
              f"(count + top 20 by ts_rank): median {statistics.median(pg_times):.1f} ms, p95 {pg_p95:.1f} ms; "
              f"precision {pg_precision:.2%}, recall {pg_recall:.2%} (lowest precision {pg_worst_p[0]}); "
              f"p95 ratio PostgreSQL / our API = {pg_p95 / api_p95:.2f}", flush=True)


if __name__ == "__main__":
    main()
