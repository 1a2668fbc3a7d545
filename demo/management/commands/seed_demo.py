"""manage.py seed_demo: build the demo county 示例县 (idempotent). See demo/."""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from demo import participation
from demo.builder import build_demo
from demo.interaction import seed_correspondence, summary_line
from demo.logins import ensure_logins
from departments.models import Organisation

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = "创建演示用的示例县：县政府门户、部门和乡镇子站、两年来的历史信息和演示账号。重复运行不会重复创建。"

    def add_arguments(self, parser):
        parser.add_argument("--small", action="store_true", help="精简版（3个部门、2个乡镇、约40条信息），用于测试。")
        parser.add_argument("--scale", type=int, default=1, help="部门、乡镇和信息数量的倍数，用于性能测试，例如 --scale 2。")

    def handle(self, *args, small=False, scale=1, verbosity=1, **options):
        if scale < 1 or scale > 10:
            raise CommandError("--scale 应为 1 到 10 之间的整数。")
        started = time.monotonic()

        def progress(organisation, report):
            if verbosity >= 2:
                self.stdout.write(f"  {organisation.name}：累计 {report.pages} 条")

        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)  # one "Page created/published" line per page would drown the summary
        try:
            # Thousands of publishes each queue Wagtail's reference-index and page-search tasks (and ours):
            # run them here, or a fresh worker spends minutes on that backlog before a real publish's turn.
            with override_settings(TASKS=IMMEDIATE_TASKS):
                now = timezone.now()
                taking_part = participation.ParticipationReport()
                report = build_demo(small=small, scale=scale, now=now, progress=progress,
                                    more_plans=lambda organisation, when: participation.participation_plans(
                                        organisation, when, taking_part))
                county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).first()
                if county is not None:  # the survey is no catalogued page: answered after the build
                    participation.seed_survey(county, now, taking_part)
                correspondence = seed_correspondence(small=small, scale=scale)  # letters and applications, once
        except ValidationError as error:  # e.g. a real organisation already uses a demo slug or credit code
            raise CommandError(f"无法创建演示机构：{'；'.join(error.messages)}") from error
        finally:
            wagtail_logger.setLevel(previous_level)
        logins = ensure_logins()
        elapsed = time.monotonic() - started
        if report.seeded_organisations:
            self.stdout.write(self.style.SUCCESS(
                f"示例县演示数据已生成：{len(report.seeded_organisations)} 个机构，发布 {report.pages} 条信息，"
                f"图片 {report.images} 张，附件 {report.documents} 个，用时 {elapsed:.1f} 秒。"
            ))
        else:
            self.stdout.write(f"示例县演示数据已存在（{len(report.skipped_organisations)} 个机构），未做改动，仅核对了演示账号。")
        self.stdout.write(summary_line(correspondence))
        self.stdout.write(participation.summary_line(taking_part))
        self.print_logins(logins)

    def print_logins(self, logins):
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        width = max(len(login.username) for login in logins)
        lines = [
            "",
            "=" * 64,
            "演示账号（仅供本地演示，请勿用于生产环境）",
            f"后台地址：{admin_url}",
            "-" * 64,
        ]
        lines += [f"  {login.username.ljust(width)}  密码 {login.password}  {login.role}" for login in logins]
        lines += ["=" * 64, ""]
        self.stdout.write("\n".join(lines))
