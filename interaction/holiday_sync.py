"""Seeding the working-day calendar from the maintained ``chinesecalendar`` package.

The package transcribes each year's State Council schedule (holidays and 调休 working days) but
lags behind its publication, so the information office can add or correct days in the admin.
A sync therefore never overwrites a day that already exists unless asked to, and marks a year
complete only when the package actually covers it.
"""

from dataclasses import dataclass, field

import chinese_calendar
from chinese_calendar.constants import Holiday, holidays, workdays

from .models import CalendarDay, CalendarYear
from .working_days import invalidate

PACKAGE_SOURCE = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()
_CHINESE_NAMES = {holiday.value: holiday.chinese for holiday in Holiday}


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list = field(default_factory=list)
    years_completed: list = field(default_factory=list)


def package_years():
    """The years the installed package covers."""
    dates = list(holidays) + list(workdays)
    return range(min(dates).year, max(dates).year + 1)


def package_days(years):
    """(date, kind, name) for every holiday and adjusted working day of ``years`` in the package."""
    wanted = set(years)
    for date, english in holidays.items():
        if date.year in wanted:
            yield date, "holiday", _CHINESE_NAMES.get(english, english)
    for date, english in workdays.items():
        if date.year in wanted:
            yield date, "workday", f"{_CHINESE_NAMES.get(english, english)}调休上班"


def sync_holidays(years=None, overwrite=False, day_model=None, year_model=None):
    """Copy the package's days for ``years`` (default: all it covers) into the calendar tables.

    Existing days that disagree with the package are kept and reported as conflicts unless
    ``overwrite``. Model classes can be passed in so a data migration can use its historical ones.
    """
    if day_model is None or year_model is None:
        day_model, year_model = CalendarDay, CalendarYear
    covered = set(package_years())
    years = sorted(covered if years is None else set(years) & covered)
    result = SyncResult()
    existing = {day.date: day for day in day_model.objects.filter(date__year__in=years)}
    to_create = []
    for date, kind, name in package_days(years):
        day = existing.get(date)
        if day is None:
            to_create.append(day_model(date=date, kind=kind, name=name))
        elif day.kind == kind:
            result.unchanged += 1
        elif overwrite:
            day.kind, day.name = kind, name
            day.save(update_fields=["kind", "name"])
            result.updated += 1
        else:
            result.conflicts.append((date, day.kind, kind))
    day_model.objects.bulk_create(to_create)
    result.created = len(to_create)
    for year in years:
        record, _created = year_model.objects.get_or_create(year=year, defaults={"source": PACKAGE_SOURCE})
        if not record.complete:
            record.complete = True
            record.source = record.source or PACKAGE_SOURCE
            record.save(update_fields=["complete", "source", "updated_at"])
            result.years_completed.append(year)
    invalidate()
    return result
