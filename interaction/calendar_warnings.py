"""When to warn the information office that next year's holiday schedule has not been entered.

The State Council publishes the schedule around November; from then on, until it is entered,
deadlines in the coming year cannot be computed, so the office is reminded in the admin
dashboard and by ``manage.py check --database default``.
"""

from django.utils import timezone

from .working_days import is_year_known

WARN_FROM_MONTH = 11


def missing_next_year(today=None):
    """The next year if its schedule is missing and it is November or later, else ``None``."""
    today = today or timezone.localdate()
    if today.month < WARN_FROM_MONTH:
        return None
    next_year = today.year + 1
    return None if is_year_known(next_year) else next_year

def missing_current_year(today=None):
    today = today or timezone.localdate()
    return None if is_year_known(today.year) else today.year

def warning_years(today=None):
    today = today or timezone.localdate()
    return [year for year in (missing_current_year(today), missing_next_year(today)) if year]

__all__ = ["missing_next_year", "missing_current_year", "warning_years"]
