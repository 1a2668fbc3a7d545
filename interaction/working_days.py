"""Working-day arithmetic for statutory deadlines (办理期限), on the official holiday calendar.

The calendar lives in ``CalendarDay`` / ``CalendarYear`` (see docs/working-days.md). Counting
follows 民法典 arts. 200–204: the day of receipt is not counted, counting starts the next day,
and a period that would end on a holiday ends on the next working day — which counting working
days achieves by itself. When any year a computation touches has no complete schedule, the
functions answer ``None`` instead of silently assuming Monday–Friday.

The table is small (a few hundred rows), so each process keeps it in memory as a sorted list of
working-day ordinals; saving a day or a year invalidates it here and, through the shared cache,
in every other process within ``RECHECK_SECONDS``.
"""

import bisect
import datetime
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache

from .models import CalendarDay, CalendarYear

VERSION_CACHE_KEY = "interaction:working-days:version"
RECHECK_SECONDS = 30


class ScheduleMissing(LookupError):
    """The holiday schedule of a year has not been entered, so the answer is unknown."""

    def __init__(self, year):
        super().__init__(f"no complete holiday schedule for {year}")
        self.year = year


@dataclass(frozen=True)
class _Table:
    complete_years: frozenset
    working_ordinals: list  # sorted ordinals of every working day in the complete years
    working_set: frozenset
    version: str | None
    loaded_at: float


_lock = threading.Lock()
_table: _Table | None = None


def _build_table(version):
    years = frozenset(CalendarYear.objects.filter(complete=True).values_list("year", flat=True))
    exceptions = {}
    if years:
        rows = CalendarDay.objects.filter(date__year__gte=min(years), date__year__lte=max(years))
        exceptions = {date: kind for date, kind in rows.values_list("date", "kind")}
    ordinals = []
    for year in sorted(years):
        day = datetime.date(year, 1, 1)
        end = datetime.date(year, 12, 31)
        one = datetime.timedelta(days=1)
        while day <= end:
            kind = exceptions.get(day)
            if kind == "workday" or (kind != "holiday" and day.weekday() < 5):
                ordinals.append(day.toordinal())
            day += one
    return _Table(years, ordinals, frozenset(ordinals), version, time.monotonic())


def _current_table():
    global _table
    table = _table
    if table is not None and time.monotonic() - table.loaded_at < RECHECK_SECONDS:
        return table
    version = cache.get(VERSION_CACHE_KEY)
    if table is not None and table.version == version:
        _table = _Table(table.complete_years, table.working_ordinals, table.working_set, version, time.monotonic())
        return _table
    with _lock:
        _table = _build_table(version)
        return _table


def invalidate():
    """Forget the in-memory table here and tell other processes (called whenever the calendar changes)."""
    global _table
    _table = None
    cache.set(VERSION_CACHE_KEY, str(time.time_ns()), None)


def known_years():
    """The years whose holiday schedule is complete, sorted."""
    return sorted(_current_table().complete_years)


def is_year_known(year):
    return year in _current_table().complete_years


def is_working_day(date):
    """Whether ``date`` is a working day; raises ``ScheduleMissing`` if its year is not entered."""
    table = _current_table()
    if date.year not in table.complete_years:
        raise ScheduleMissing(date.year)
    return date.toordinal() in table.working_set


def _years_known(table, first, last):
    return all(year in table.complete_years for year in range(first.year, last.year + 1))


def add_working_days(start, n):
    """The date ``n`` working days after ``start`` (the day of receipt, itself not counted).

    Returns ``None`` when the schedule of any year from the day after ``start`` to the result is
    missing. ``n == 0`` returns ``start``.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return start
    table = _current_table()
    first_counted = start + datetime.timedelta(days=1)
    if first_counted.year not in table.complete_years:
        return None
    ordinals = table.working_ordinals
    index = bisect.bisect_right(ordinals, start.toordinal()) + n - 1
    if index >= len(ordinals):
        return None
    result = datetime.date.fromordinal(ordinals[index])
    if not _years_known(table, first_counted, result):
        return None
    return result


def working_days_between(a, b):
    """The number of working days after ``a`` up to and including ``b`` (negative if ``b`` is before ``a``).

    This is how long something received on ``a`` and answered on ``b`` took, in working days;
    ``None`` when a year in between has no complete schedule.
    """
    if b < a:
        result = working_days_between(b, a)
        return None if result is None else -result
    if a == b:
        return 0
    table = _current_table()
    if not _years_known(table, a + datetime.timedelta(days=1), b):
        return None
    ordinals = table.working_ordinals
    return bisect.bisect_right(ordinals, b.toordinal()) - bisect.bisect_right(ordinals, a.toordinal())


def _provisional_working(table, day):
    """Working day on the table where its year is complete, else by the weekly rest days alone."""
    if day.year in table.complete_years:
        return day.toordinal() in table.working_set, False
    return day.weekday() < 5, True


def add_working_days_provisional(start, n):
    """``(date, provisional)``: like ``add_working_days``, but through years without a schedule
    counting Monday–Friday only, and saying so (``provisional`` is True when such a year was used).

    For showing an estimate instead of nothing while the State Council schedule is not published;
    never for deciding that a statutory period has run out.
    """
    exact = add_working_days(start, n)
    if exact is not None:
        return exact, False
    table = _current_table()
    day, counted, provisional = start, 0, False
    one = datetime.timedelta(days=1)
    while counted < n:
        day += one
        working, guessed = _provisional_working(table, day)
        provisional = provisional or guessed
        counted += working
    return day, provisional


def working_days_between_provisional(a, b):
    """``(days, provisional)``: ``working_days_between`` with the same Monday–Friday fallback."""
    exact = working_days_between(a, b)
    if exact is not None:
        return exact, False
    if b < a:
        days, provisional = working_days_between_provisional(b, a)
        return -days, provisional
    table = _current_table()
    day, counted, provisional = a, 0, False
    one = datetime.timedelta(days=1)
    while day < b:
        day += one
        working, guessed = _provisional_working(table, day)
        provisional = provisional or guessed
        counted += working
    return counted, provisional
