"""System checks: ``manage.py check --database default`` warns when a year's holiday schedule is missing."""

from django.core.checks import Warning, register
from django.db import DatabaseError

from .calendar_warnings import warning_years


@register("interaction", "database")
def holiday_schedule_check(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        years = warning_years()
    except DatabaseError:
        return []
    return [
        Warning(
            f"{year}年节假日安排尚未录入，该年度的办理期限将无法计算。",
            hint="国务院办公厅公布安排后，在管理后台“节假日与调休”中录入并勾选“已录入完整安排”，或运行 manage.py sync_holidays。",
            id="interaction.W001",
        )
        for year in years
    ]
