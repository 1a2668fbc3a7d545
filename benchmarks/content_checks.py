"""Benchmark for the content checks (内容安全).

    .venv/bin/python benchmarks/content_checks.py [--pages 300] [--entries 100000] [--words 10000] [--typos 2000]

On a scratch SQLite database (see scratch.py) it provisions a small county (organisations with leaders),
loads ``--words`` sensitive words and ``--typos`` typo pairs, and prints:

* checks per page (``runner.check_page``: text fields, StreamField blocks, links, one attachment on
  every tenth page) over ``--pages`` article pages published for real with ~1,000-character bodies
  in the demo county's style: median and p95 in ms. This is what a publish, an approval or the
  editor's page view adds (the target: a save with the checks ≤ 100 ms added at p95);
* the patrol (``patrol.run_patrol``) over ``--entries`` live article pages with ~1,000-character
  bodies (bulk-inserted into the page tree): total time and pages per second (target ≤ 5 minutes
  for 100,000);
* attachment text extraction throughput (PDF, DOCX, XLSX; each in its own time-limited child process):
  files per second and MB per second.

The machine is shared: quote the figures with ``cat /proc/loadavg``.
"""

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from scratch import percentile, provision_organisations
from scratch import setup_django as scratch_setup

SENTENCES = [
    "为深入贯彻落实县委、县政府决策部署，进一步做好全县安全生产工作，现将有关事项通知如下。",
    "各乡镇人民政府、县直各单位要高度重视，切实加强组织领导，压实工作责任。",
    "会议强调，要坚持以人民为中心的发展思想，扎实推进乡村振兴和民生实事项目。",
    "县教育局会同县财政局对2025年度困难学生资助资金发放情况进行了专项检查。",
    "请各单位于每月5日前将上月工作进展情况报送县政府办公室，联系电话0571-88888888。",
    "对工作中发现的问题，要建立台账、限期整改，确保整改到位。",
    "本通知自印发之日起施行，由县发展和改革局负责解释。",
    "县长赵建国出席会议并讲话，副县长钱卫东主持会议。",
]
CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def setup_django(scratch):
    def quiet_settings(settings):
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        settings.PORTAL_PAGE_CACHE_SECONDS = 0
        settings.ALLOWED_HOSTS = ["*"]
        settings.MEDIA_ROOT = str(Path(scratch) / "media")

    scratch_setup(scratch, before_setup=quiet_settings)


def body(rng, length=1000):
    parts = []
    while sum(map(len, parts)) < length:
        parts.append(rng.choice(SENTENCES))
    return "".join(parts)[:length]


def load_lists(rng, words, typos):
    from content_checks import wordlists
    from content_checks.models import FixedFormulation, SensitiveWord, WordCategory

    seen = set()
    batch = []
    while len(batch) < words:
        # Real lists are mostly words a government page never contains: draw from the whole CJK block.
        word = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 5)))
        if word not in seen:
            seen.add(word)
            batch.append(SensitiveWord(word=word, category=rng.choice(WordCategory.values), severity=rng.choice(["block", "warn"])))
    SensitiveWord.objects.bulk_create(batch, batch_size=2000)
    pairs = []
    while len(pairs) < typos:
        correct = "".join(rng.choice(CJK) for _ in range(rng.randint(4, 10)))
        wrong = correct[:-1] + rng.choice(CJK)
        if wrong != correct and wrong not in seen:
            seen.add(wrong)
            pairs.append(FixedFormulation(wrong=wrong, correct=correct))
    FixedFormulation.objects.bulk_create(pairs, batch_size=2000)
    wordlists.lists_changed()


def add_leaders(organisations, rng):
    from departments.models import Leader

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "建国卫东明远志强秀英海燕文华晓峰丽娟"
    for organisation in organisations:
        for position in ("党组书记、局长", "副局长", "副局长"):
            name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2)))
            Leader.objects.create(organisation=organisation, name=name, position=position)


def attachment(rng, number):
    import docx
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = docx.Document()
    for _ in range(20):
        document.add_paragraph(body(rng, 200))
    out = io.BytesIO()
    document.save(out)
    doc = Document(title=f"附件{number}")
    doc.file.save(f"attachment{number}.docx", ContentFile(out.getvalue()), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def measure_checks(organisations, pages, rng):
    from content_checks.runner import check_page
    from portal.column_kinds import ColumnKind
    from portal.models import ArticlePage, ColumnPage

    times = []
    for number in range(pages):
        organisation = organisations[number % len(organisations)]
        column = ColumnPage.objects.child_of(organisation.home_page).get(kind=ColumnKind.NOTICES)
        blocks = [("paragraph", f"<p>{body(rng, 500)}</p>"), ("paragraph", f"<p>{body(rng, 500)}</p>")]
        if number % 10 == 0:
            blocks.append(("attachment", {"document": attachment(rng, number), "title": ""}))
        page = ArticlePage(title=f"全县工作动态第{number}期", body=blocks)
        column.add_child(instance=page)
        page.save_revision().publish()
        page = ArticlePage.objects.get(pk=page.pk)
        started = time.perf_counter()
        check_page(page)
        times.append((time.perf_counter() - started) * 1000)
    # The first check of an attachment reads the file; later ones use the kept text. Report both.
    return times


def bulk_pages(organisations, total, rng):
    """``total`` live article pages with ~1,000-character bodies, inserted straight into the tree."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from portal.column_kinds import ColumnKind
    from portal.models import ArticlePage, ColumnPage

    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    columns = [ColumnPage.objects.child_of(org.home_page).get(kind=ColumnKind.NOTICES) for org in organisations]
    table = ArticlePage._meta.db_table
    fields = [field for field in ArticlePage._meta.local_concrete_fields]
    names = [field.column for field in fields]
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
    now = timezone.now()
    per_column = total // len(columns) + 1
    made = 0
    for column in columns:
        count = min(per_column, total - made)
        if count <= 0:
            break
        start = column.numchild
        with transaction.atomic():
            for offset in range(0, count, 2000):
                pages = []
                for index in range(start + offset + 1, start + min(offset + 2000, count) + 1):
                    slug = f"bulk-{column.pk}-{index}"
                    pages.append(Page(
                        title=f"关于第{index}号事项的通知", draft_title=f"关于第{index}号事项的通知", slug=slug,
                        content_type=content_type, path=Page._get_path(column.path, column.depth + 1, index),
                        depth=column.depth + 1, numchild=0, url_path=f"{column.url_path}{slug}/", live=True,
                        has_unpublished_changes=False, first_published_at=now, last_published_at=now,
                        locale=locale, translation_key=uuid.uuid4(),
                    ))
                Page.objects.bulk_create(pages)
                rows = []
                for page in pages:
                    values = {
                        "page_ptr_id": page.pk, "summary": "", "display_date": now, "topic_id": None, "genre": "",
                        "keywords": "", "source": "", "author": "", "cover_image_id": None,
                        "body": json.dumps([{"type": "paragraph", "value": f"<p>{body(rng)}</p>", "id": str(uuid.uuid4())}],
                                           ensure_ascii=False),
                    }
                    rows.append([column_value(field, values) for field in fields])
                with connection.cursor() as cursor:
                    cursor.executemany(sql, rows)
            Page.objects.filter(pk=column.pk).update(numchild=start + count)
        made += count
    return made


def column_value(field, values):
    """The value to insert for one ArticlePage column: the one given, else the field's own default
    (so a field added to ArticlePage later does not break the benchmark)."""
    from django.db import connection

    if field.column == "display_date":
        return connection.ops.adapt_datetimefield_value(values["display_date"])
    if field.column in values:
        return values[field.column]
    return field.get_db_prep_save(field.get_default(), connection)


def measure_extraction(scratch, rng):
    import docx
    import openpyxl
    from pypdf import PdfWriter

    from content_checks.attachments import extract_text

    folder = Path(scratch) / "files"
    folder.mkdir(exist_ok=True)
    files = []
    for number in range(20):
        document = docx.Document()
        for _ in range(200):
            document.add_paragraph(body(rng, 300))
        path = folder / f"d{number}.docx"
        document.save(path)
        files.append((path, "docx"))
        workbook = openpyxl.Workbook()
        for row in range(2000):
            workbook.active.append([f"姓名{row}", body(rng, 30), row])
        path = folder / f"x{number}.xlsx"
        workbook.save(path)
        files.append((path, "xlsx"))
        writer = PdfWriter()
        for _ in range(20):
            writer.add_blank_page(595, 842)
        path = folder / f"p{number}.pdf"
        with open(path, "wb") as handle:
            writer.write(handle)
        files.append((path, "pdf"))
    results = {}
    for extension in ("docx", "xlsx", "pdf"):
        chosen = [path for path, ext in files if ext == extension]
        size = sum(os.path.getsize(path) for path in chosen)
        started = time.perf_counter()
        chars = sum(len(extract_text(str(path), extension)) for path in chosen)
        seconds = time.perf_counter() - started
        results[extension] = (len(chosen) / seconds, size / seconds / 1048576, chars)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--typos", type=int, default=2_000)
    parser.add_argument("--organisations", type=int, default=12)
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory(prefix="content-checks-bench-") as scratch:
        setup_django(scratch)
        import logging

        logging.disable(logging.WARNING)
        organisations = provision_organisations(1, args.organisations)
        add_leaders(organisations, rng)
        started = time.perf_counter()
        load_lists(rng, args.words, args.typos)
        from content_checks import wording, wordlists

        wordlists.automaton()
        wording.current_directory()
        print(f"lists: {args.words} sensitive words + {args.typos} typo pairs loaded and compiled in "
              f"{time.perf_counter() - started:.1f} s")

        times = measure_checks(organisations, args.pages, rng)
        print(f"check_page over {len(times)} published pages (~1,000 characters, 1 in 10 with a DOCX attachment): "
              f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms")

        started = time.perf_counter()
        made = bulk_pages(organisations, args.entries, rng)
        print(f"inserted {made} live article pages in {time.perf_counter() - started:.0f} s")
        from content_checks.patrol import run_patrol

        summary = run_patrol()
        print(f"patrol: {summary.pages} pages in {summary.seconds:.0f} s ({summary.pages / summary.seconds:.0f} pages/s); "
              f"{summary.opened} findings opened")

        for extension, (files_per_s, mb_per_s, chars) in measure_extraction(scratch, rng).items():
            print(f"extraction {extension}: {files_per_s:.1f} files/s, {mb_per_s:.2f} MB/s ({chars} characters in 20 files)")
        print("load average:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    sys.exit(main())
