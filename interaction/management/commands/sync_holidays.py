"""Copy holidays and adjusted working days from the chinesecalendar package into the editable table."""

from django.core.management.base import BaseCommand

from interaction.holiday_sync import PACKAGE_SOURCE, package_years, sync_holidays


class Command(BaseCommand):
    help = "从 chinesecalendar 软件包同步法定节假日和调休上班日（已存在且不同的日期默认保留）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", dest="years", help="只同步指定年份，可重复。")
        parser.add_argument("--overwrite", action="store_true", help="用软件包数据覆盖已手工修改的日期。")

    def handle(self, *args, years=None, overwrite=False, **options):
        covered = package_years()
        self.stdout.write(f"{PACKAGE_SOURCE}: {covered.start}–{covered.stop - 1}")
        missing = sorted(set(years or []) - set(covered))
        for year in missing:
            self.stderr.write(self.style.WARNING(f"{year}: 软件包尚无该年度数据，请在管理后台手工录入。"))
        result = sync_holidays(years=years, overwrite=overwrite)
        self.stdout.write(
            f"新增 {result.created} 天，更新 {result.updated} 天，未变 {result.unchanged} 天；"
            f"标记为完整的年份：{', '.join(map(str, result.years_completed)) or '无'}"
        )
        for date, ours, theirs in result.conflicts:
            self.stderr.write(self.style.WARNING(f"{date}: 表中为 {ours}，软件包为 {theirs}（保留表中数据，使用 --overwrite 覆盖）"))
