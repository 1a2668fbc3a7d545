"""Calendar-month arithmetic shared by every rule stated in months ("6 个月", "3 个月").

The inspection (国办秘函〔2019〕19号) states its periods in calendar months, not in 30-day blocks:
a column last updated on 2026-05-31 is still fresh on 2026-11-30; a letter received on 2025-11-30
is 3 months old on 2026-02-28.
"""

import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months`` calendar months (negative goes back), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month_index = divmod(index, 12)
    first_of_next = datetime.date(year + (month_index == 11), (month_index + 1) % 12 + 1, 1)
    last_day = (first_of_next - datetime.timedelta(days=1)).day
    return datetime.date(year, month_index + 1, min(day.day, last_day))
