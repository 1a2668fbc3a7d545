"""Benchmark: a survey's public results page over 10,000 responses, uncached (target ≤ 150 ms).

    .venv/bin/python benchmarks/survey_results_bench.py [--responses 10000] [--requests 50] [--keep DIR]

Runs in a scratch directory (its own SQLite database, locmem cache); nothing touches the project's
database. One survey with five questions (three single choice with 4–6 options, one multiple choice
with 8 options, one free text); every response answers all of them (about 8 answer rows per response).
The results page is never cached (``never_cache``), so every request runs the aggregation. Prints the
sizes, p50/p95 of ``GET /interaction/surveys/<id>/`` through the test client, the aggregation alone,
and the load average before and after.
"""

import argparse
import datetime
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from scratch import percentile, provision_organisations, setup_django


def build_survey(responses, rng):
    from django.utils import timezone

    from departments.models import Organisation
    from interaction.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

    organisation = Organisation.objects.exclude(kind=Organisation.Kind.COUNTY).first()
    now = timezone.now()
    survey = Survey.objects.create(
        organisation=organisation, title="全县政务服务满意度调查", intro="基准测试", live=True,
        opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=1), publish_results=True,
    )
    questions = [
        SurveyQuestion.objects.create(survey=survey, sort_order=0, text="您对办事效率是否满意？", kind="single",
                                      choices_text="非常满意\n满意\n一般\n不满意"),
        SurveyQuestion.objects.create(survey=survey, sort_order=1, text="您通常通过什么渠道办事？", kind="single",
                                      choices_text="窗口\n网上\n手机\n自助终端\n委托他人"),
        SurveyQuestion.objects.create(survey=survey, sort_order=2, text="您的年龄段", kind="single",
                                      choices_text="18岁以下\n18-30岁\n31-45岁\n46-60岁\n61-70岁\n70岁以上"),
        SurveyQuestion.objects.create(survey=survey, sort_order=3, text="您希望改进哪些方面？", kind="multiple",
                                      choices_text="\n".join(f"方面{n}" for n in range(1, 9))),
        SurveyQuestion.objects.create(survey=survey, sort_order=4, text="其他建议", kind="text", required=False),
    ]
    batch = 2000
    created = 0
    while created < responses:
        size = min(batch, responses - created)
        rows = SurveyResponse.objects.bulk_create([
            SurveyResponse(survey=survey, respondent=f"{created + n:064x}", submitted_at=now - datetime.timedelta(days=2))
            for n in range(size)
        ])
        answers = []
        for row in rows:
            for question in questions[:3]:
                answers.append(SurveyAnswer(response=row, question=question, choice=rng.randrange(len(question.choices))))
            for position, choice in enumerate(sorted(rng.sample(range(8), rng.randint(1, 4)))):
                answers.append(SurveyAnswer(response=row, question=questions[3], choice=choice,
                                            first_of_question=position == 0))
            answers.append(SurveyAnswer(response=row, question=questions[4], text="希望进一步简化材料。"))
        SurveyAnswer.objects.bulk_create(answers, batch_size=5000)
        created += size
    return survey


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--keep", help="use (and keep) this scratch directory")
    args = parser.parse_args()
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="survey-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)

    def quiet(settings):
        settings.ALLOWED_HOSTS = ["*"]

    setup_django(scratch, before_setup=quiet)
    provision_organisations(1, 3)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from interaction.models import SurveyAnswer
    from interaction.surveys.results import survey_results

    survey = build_survey(args.responses, random.Random(18))
    load_before = os.getloadavg()
    client = Client()
    url = f"/interaction/surveys/{survey.pk}/"
    assert client.get(url).status_code == 200  # warm the templates
    page_times, aggregation_times = [], []
    for _request in range(args.requests):
        cache.clear()
        began = time.perf_counter()
        response = client.get(url)
        page_times.append(time.perf_counter() - began)
        assert response.status_code == 200 and b"<svg" in response.content
        began = time.perf_counter()
        survey_results(survey)
        aggregation_times.append(time.perf_counter() - began)
    load_after = os.getloadavg()
    print(f"database: {connection.vendor}; responses: {args.responses}; answer rows: {SurveyAnswer.objects.count()}; "
          f"requests: {args.requests}")
    print(f"results page (uncached): p50 {statistics.median(page_times) * 1000:.1f} ms, "
          f"p95 {percentile(page_times, 0.95) * 1000:.1f} ms [target ≤ 150 ms]")
    print(f"aggregation alone: p50 {statistics.median(aggregation_times) * 1000:.1f} ms, "
          f"p95 {percentile(aggregation_times, 0.95) * 1000:.1f} ms")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min; {os.cpu_count()} CPUs)")
    if not args.keep:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
