"""Benchmarks for citizens writing in: working-day deadlines and the mailbox statistics page.

    .venv/bin/python benchmarks/interaction_bench.py [--letters 50000] [--due-dates 10000] [--requests 200] [--keep DIR]

Runs in a scratch directory (its own SQLite database, locmem cache): nothing touches the
project's database. The calendar is the real one (seeded by migration from chinesecalendar).
Prints:

* the time to compute 10,000 reply/answer due dates with ``interaction.working_days``
  (target ≤ 1 s), cold (first call loads the calendar) and warm;
* the p50/p95 of the public mailbox statistics page over 50,000 letters in one mailbox
  (target p95 ≤ 150 ms), both as served (cached) and with the cache cleared before every
  request (the SQL aggregation alone).

Further sections (e.g. due dates of applications for disclosure) are functions taking the
parsed arguments, listed in ``SECTIONS``.
"""

import argparse
import datetime
import random
import statistics
import tempfile
import time
from pathlib import Path

from scratch import percentile, provision_organisations, setup_django


def bench_due_dates(args):
    from interaction import working_days

    rng = random.Random(7)
    start = datetime.date(2024, 1, 1)
    received = [start + datetime.timedelta(days=rng.randrange(0, 3 * 365 - 40)) for _ in range(args.due_dates)]
    working_days.invalidate()
    began = time.perf_counter()
    cold = [working_days.add_working_days(day, 20) for day in received]
    cold_seconds = time.perf_counter() - began
    began = time.perf_counter()
    for day in received:
        working_days.add_working_days(day, 20)
    warm_seconds = time.perf_counter() - began
    unknown = sum(1 for due in cold if due is None)
    print(f"due dates: {args.due_dates} × add_working_days(received, 20): "
          f"{cold_seconds * 1000:.1f} ms cold (incl. loading the calendar), {warm_seconds * 1000:.1f} ms warm "
          f"[target ≤ 1000 ms]; {unknown} not computable (received late 2026, runs into 2027)")


def make_letters(mailbox, count):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from interaction.deadlines import reply_deadline
    from interaction.models import Letter
    from interaction.working_days import working_days_between

    rng = random.Random(11)
    password = make_password("BENCH123")
    categories = [choice for choice, _label in Letter.Category.choices]
    first = datetime.date(2022, 1, 1)
    span = (datetime.date(2026, 11, 20) - first).days
    batch = []
    for number in range(count):
        received_on = first + datetime.timedelta(days=rng.randrange(span))
        received_at = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(9 + number % 8, number % 60)))
        due_on = reply_deadline(received_on, mailbox.reply_working_days)
        fields = {}
        if rng.random() < 0.85:
            replied_on = received_on + datetime.timedelta(days=rng.randrange(1, 30))
            taken = working_days_between(received_on, replied_on)
            fields = {
                "status": Letter.Status.ANSWERED, "reply": "感谢来信，已转有关股室办理，现答复如下。",
                "replying_organisation_id": mailbox.organisation_id, "replied_on": replied_on,
                "replied_at": received_at + datetime.timedelta(days=(replied_on - received_on).days),
                "working_days_to_reply": taken, "replied_on_time": None if due_on is None else replied_on <= due_on,
            }
        batch.append(Letter(
            mailbox=mailbox, organisation_id=mailbox.organisation_id, tracking_code=f"B{number:011d}",
            query_password=password, name="张三", phone="13800000000", subject=f"关于第{number}号事项的咨询",
            message="请问相关政策如何办理，需要准备哪些材料？", category=categories[number % len(categories)],
            may_publish=number % 3 == 0, received_at=received_at, received_on=received_on,
            received_month=received_on.replace(day=1), due_on=due_on, **fields,
        ))
        if len(batch) == 5000:
            Letter.objects.bulk_create(batch)
            batch = []
    Letter.objects.bulk_create(batch)


def bench_statistics_page(args):
    from django.core.cache import cache
    from django.test import Client

    from departments.credit_codes import make_credit_code
    from departments.models import Organisation
    from interaction.models import Mailbox

    organisation = Organisation.objects.create(
        name="示例县住房和城乡建设局", short_name="住建局", slug="zjj", kind="department",
        credit_code=make_credit_code("11330100000000099"),
    )
    mailbox = Mailbox.objects.get(organisation=organisation, kind=Mailbox.Kind.ORGANISATION)
    began = time.perf_counter()
    make_letters(mailbox, args.letters)
    print(f"letters: {args.letters} created in {time.perf_counter() - began:.1f} s")
    client = Client()
    url = f"/interaction/mailbox/{mailbox.slug}/statistics/"
    assert client.get(url).status_code == 200
    for label, clear in (("served (cached)", False), ("uncached (SQL aggregation every time)", True)):
        samples = []
        for _ in range(args.requests):
            if clear:
                cache.clear()
            began = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
        print(f"statistics page, {label}: p50 {statistics.median(samples):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms "
              f"over {args.requests} requests [target p95 ≤ 150 ms]")


def bench_application_due_dates(args):
    """Due dates of 10,000 stored applications for disclosure (corrections, extensions, consultations)."""
    from django.utils import timezone

    from departments.credit_codes import make_credit_code
    from departments.models import Organisation
    from disclosure.applications.deadlines import Clock, answer_due
    from disclosure.applications.models import Application, ThirdPartyConsultation
    from disclosure.applications.processing import due_dates

    organisation = Organisation.objects.create(
        name="示例县自然资源局", short_name="自然资源局", slug="zrzyj", kind="department",
        credit_code=make_credit_code("11330100000000098"),
    )
    rng = random.Random(13)
    first = datetime.date(2024, 1, 1)
    applications, consultations = [], []
    for number in range(args.due_dates):
        received_on = first + datetime.timedelta(days=rng.randrange(0, 3 * 365 - 60))
        fields = {}
        if number % 5 == 0:
            fields = {"correction_requested_on": received_on + datetime.timedelta(days=3),
                      "corrected_received_on": received_on + datetime.timedelta(days=10)}
        if number % 7 == 0:
            fields.update(extension_days=20, extension_reason="需调取档案", extension_approver="李主任")
        applications.append(Application(
            tracking_number=f"YSQ-B-{number:06d}", organisation=organisation, submitted_at=timezone.now(),
            applicant_type="citizen", name="张三", id_type="resident_id", id_number="11010519491231002X",
            phone="13800000000", address="示例县人民路1号", information_name=f"第{number}号信息",
            provision_form="electronic", delivery_method="email", received_on=received_on, status="processing",
            **fields,
        ))
    Application.objects.bulk_create(applications, batch_size=2000)
    for application in Application.objects.filter(organisation=organisation).only("pk", "received_on")[::10]:
        sent_on = application.received_on + datetime.timedelta(days=5)
        consultations.append(ThirdPartyConsultation(application=application, third_party="某公司", sent_on=sent_on,
                                                    replied_on=sent_on + datetime.timedelta(days=12)))
    ThirdPartyConsultation.objects.bulk_create(consultations, batch_size=2000)

    today = datetime.date(2026, 11, 25)
    began = time.perf_counter()
    rows = list(Application.objects.filter(organisation=organisation)
                .prefetch_related("consultations", "reasons_requests", "fee_notices"))
    clocks = [Clock.of(application) for application in rows]
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    due = [answer_due(clock, today) for clock in clocks]
    computed = time.perf_counter() - began
    began = time.perf_counter()
    bulk = due_dates(Application.objects.filter(organisation=organisation), today)
    bulk_seconds = time.perf_counter() - began
    assert list(bulk.values()) == due or sorted(map(str, bulk.values())) == sorted(map(str, due))
    unknown = sum(1 for day in due if day is None)
    print(f"application due dates: {len(clocks)} applications ({len(consultations)} with a consultation, "
          f"every 5th corrected, every 7th extended): {computed * 1000:.1f} ms to compute; "
          f"{bulk_seconds * 1000:.1f} ms with processing.due_dates() reading them from the database "
          f"(model instances with prefetch instead: {(loaded + computed) * 1000:.1f} ms) [target ≤ 1000 ms]; "
          f"{unknown} not computable")


def bench_open_applications_with_pauses(args):
    """Due dates of 10,000 open applications with overlapping consultations, art. 35 pauses and fee pauses."""
    from django.utils import timezone

    from disclosure.applications.models import Application, FeeNotice, ReasonsRequest, ThirdPartyConsultation
    from disclosure.applications.processing import current_dues

    organisation = provision_organisations(900, 1)[-1]
    rng = random.Random(17)
    first = datetime.date(2026, 1, 5)
    applications = []
    for number in range(args.due_dates):
        received_on = first + datetime.timedelta(days=rng.randrange(0, 300))
        applications.append(Application(
            tracking_number=f"YSQ-P-{number:06d}", organisation=organisation, submitted_at=timezone.now(),
            applicant_type="citizen", name="张三", id_type="resident_id", id_number="11010519491231002X",
            phone="13800000000", address="示例县人民路1号", information_name=f"第{number}号信息",
            provision_form="electronic", delivery_method="email", received_on=received_on, status="processing",
            extension_days=20 if number % 7 == 0 else 0,
        ))
    Application.objects.bulk_create(applications, batch_size=2000)
    stored = list(Application.objects.filter(organisation=organisation).only("pk", "received_on"))
    consultations, reasons, fees = [], [], []
    for index, application in enumerate(stored):
        sent_on = application.received_on + datetime.timedelta(days=3)
        if index % 2 == 0:  # every other one: a third party and an organ, overlapping, one never answering
            consultations.append(ThirdPartyConsultation(application=application, third_party="某公司", sent_on=sent_on,
                                                        replied_on=sent_on + datetime.timedelta(days=9)))
            consultations.append(ThirdPartyConsultation(application=application, third_party="县财政局",
                                                        party_kind="organ", sent_on=sent_on + datetime.timedelta(days=2)))
        if index % 5 == 0:
            reasons.append(ReasonsRequest(application=application, asked_on=sent_on, question="请说明用途",
                                          answered_on=sent_on + datetime.timedelta(days=6)))
        if index % 3 == 0:
            fees.append(FeeNotice(application=application, basis="per_volume", quantity=60, amount=300,
                                  notified_on=sent_on + datetime.timedelta(days=1), pay_by=sent_on + datetime.timedelta(days=30),
                                  paid_on=sent_on + datetime.timedelta(days=8) if index % 6 == 0 else None))
    ThirdPartyConsultation.objects.bulk_create(consultations, batch_size=2000)
    ReasonsRequest.objects.bulk_create(reasons, batch_size=2000)
    FeeNotice.objects.bulk_create(fees, batch_size=2000)
    today = datetime.date(2026, 11, 25)
    queryset = Application.objects.filter(organisation=organisation)
    current_dues(queryset.filter(pk__in=[stored[0].pk]), today)  # load the calendar first
    timings = []
    for _repeat in range(3):
        began = time.perf_counter()
        dues = current_dues(queryset, today)
        timings.append(time.perf_counter() - began)
    provisional = sum(1 for due in dues.values() if due.provisional)
    waiting = sum(1 for due in dues.values() if due.on is None)
    print(f"open applications with pauses: {len(dues)} applications ({len(consultations)} consultations, "
          f"{len(reasons)} reasons requests, {len(fees)} fee notices): processing.current_dues() "
          f"median {statistics.median(timings) * 1000:.0f} ms of 3 runs (incl. the 4 queries) [target ≤ 1000 ms]; "
          f"{waiting} waiting for the applicant, {provisional} provisional (into 2027)")


def bench_yearly_report(args):
    """Table 3 for 50 organisations and the county-wide sum over 5,000 applications, plus table 2 from the catalogue."""
    from django.utils import timezone

    from disclosure.applications.choices import Outcome
    from disclosure.applications.models import Application
    from disclosure.yearly_report.table2 import derive_table2
    from disclosure.yearly_report.table3 import compute_table3

    organisations = provision_organisations(1000, 50)
    rng = random.Random(19)
    outcomes = list(Outcome.values)
    rows = []
    for number in range(5000):
        received_on = datetime.date(2025, 11, 1) + datetime.timedelta(days=rng.randrange(0, 420))
        answered = rng.random() < 0.8
        answered_on = received_on + datetime.timedelta(days=rng.randrange(5, 40)) if answered else None
        citizen = number % 3 != 0
        rows.append(Application(
            tracking_number=f"YSQ-R-{number:06d}", organisation=organisations[number % 50], submitted_at=timezone.now(),
            applicant_type="citizen" if citizen else "organisation", name="申请人", phone="13800000000",
            id_type="resident_id" if citizen else "", id_number="11010519491231002X" if citizen else "",
            credit_code="" if citizen else "91330100MA2B00001X",
            organisation_category="" if citizen else ["business", "research", "public_welfare", "legal_service", "other"][number % 5],
            address="示例县", information_name=f"信息{number}", provision_form="electronic", delivery_method="email",
            received_on=received_on, answered_on=answered_on, outcome=rng.choice(outcomes) if answered else "",
            status="answered" if answered else "processing",
        ))
    Application.objects.bulk_create(rows, batch_size=2000)
    timings = []
    for _repeat in range(3):
        began = time.perf_counter()
        for organisation in organisations:
            table = compute_table3(2026, organisation)
            assert not table.check()
            derive_table2(2026, organisation)
        county = compute_table3(2026)
        timings.append(time.perf_counter() - began)
    print(f"yearly report: table 3 + table 2 for 50 organisations and the county-wide table 3 over 5000 applications: "
          f"median {statistics.median(timings) * 1000:.0f} ms of 3 runs [target ≤ 2000 ms]; "
          f"county-wide 一+二 = {county.value('new') + county.value('carried_over')}")


SECTIONS = [bench_due_dates, bench_application_due_dates, bench_open_applications_with_pauses, bench_yearly_report,
            bench_statistics_page]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=50_000)
    parser.add_argument("--due-dates", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", help="use (and keep) this scratch directory")
    args = parser.parse_args()
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="interaction-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    setup_django(scratch)
    for section in SECTIONS:
        section(args)
    if not args.keep:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
