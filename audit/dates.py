"""Calendar arithmetic for the audit, in the county's own time zone (Asia/Shanghai).

The audit speaks in local calendar days: an item published at 00:30 on 1 March Beijing time
belongs to 1 March, whatever UTC says. "As of D" means "at the end of local day D".
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.calendar_months import add_months  # noqa: F401  (re-exported: the audit's calendar in one place)
from security.strict_input import StrictInputError, parse_date


class AsOfError(ValueError):
    """An as-of date the audit refuses, with a message fit to show the user."""


def today():
    return timezone.localdate()


def start_of_day(day):
    """Local midnight at the start of ``day``, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), timezone.get_current_timezone())


def end_boundary(day):
    """The first instant after local day ``day``: something counts on ``day`` if it happened before this."""
    return start_of_day(day + datetime.timedelta(days=1))


def local_date(moment):
    return timezone.localtime(moment).date() if moment is not None else None


def days_between(earlier, later):
    return (later - earlier).days


def parse_as_of(value, *, now=None):
    """Read an as-of date (YYYY-MM-DD). Empty means today; unparseable or future dates are refused."""
    current = now or today()
    if value in (None, ""):
        return current
    try:
        day = parse_date(value)
    except StrictInputError:
        raise AsOfError(_("无法识别的日期“%(value)s”，请按 YYYY-MM-DD 格式填写，例如 2026-03-01。") % {"value": value}) from None
    if day > current:
        raise AsOfError(_("日期 %(day)s 晚于今天（%(today)s），无法审计尚未发生的情况。") % {"day": day, "today": current})
    return day


def months_back(day, count):
    """The first days of the ``count`` calendar months ending with ``day``'s month, oldest first."""
    year, month = day.year, day.month
    months = []
    for _index in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))



def iso_date(moment):
    """A local ISO date (``YYYY-MM-DD``) for a datetime or date, None for None."""
    day = local_date(moment) if isinstance(moment, datetime.datetime) else moment
    return day.isoformat() if day else None
