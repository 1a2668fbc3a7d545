"""The monthly publication chart, drawn on the server as plain SVG (no JavaScript, no CDN).

``monthly_chart`` turns (month, count) pairs into bar geometry; the template
``audit/includes/monthly_chart.html`` draws it with ``role="img"``, a ``<title>`` and a
``<desc>`` for screen readers, and the same figures as a table for anyone who cannot see it.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

WIDTH = 720
HEIGHT = 240
MARGIN_LEFT = 40
MARGIN_RIGHT = 10
MARGIN_TOP = 14
MARGIN_BOTTOM = 36


@dataclass(frozen=True)
class Bar:
    month: object
    count: int
    x: float
    y: float
    width: float
    height: float
    label: str
    show_label: bool


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class MonthlyChart:
    bars: list
    ticks: list
    width: int
    height: int
    baseline: float
    plot_left: int
    plot_right: int
    total: int
    peak: int
    description: str


def nice_ceiling(value):
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50 ...)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def month_label(month):
    return f"{month.year}-{month.month:02d}"


def monthly_chart(counts):
    """Bar geometry for ``counts`` (list of (first day of month, count)), oldest first."""
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    baseline = MARGIN_TOP + plot_height
    peak = max((count for _month, count in counts), default=0)
    axis_max = nice_ceiling(peak)
    slot = plot_width / max(len(counts), 1)
    bars = []
    for index, (month, count) in enumerate(counts):
        height = plot_height * count / axis_max
        bars.append(Bar(
            month=month, count=count, x=round(MARGIN_LEFT + index * slot + slot * 0.15, 1), y=round(baseline - height, 1),
            width=round(slot * 0.7, 1), height=round(height, 1), label=month_label(month),
            show_label=index % 3 == 0 or index == len(counts) - 1,
        ))
    ticks = [Tick(value=round(axis_max * step / 4), y=round(baseline - plot_height * step / 4, 1)) for step in range(5)]
    total = sum(count for _month, count in counts)
    if counts:
        busiest = max(counts, key=lambda pair: pair[1])
        description = _("%(first)s 至 %(last)s 共发布 %(total)s 条，月均 %(average).1f 条；最多的是 %(busiest)s，%(peak)s 条。") % {
            "first": month_label(counts[0][0]), "last": month_label(counts[-1][0]), "total": total,
            "average": total / len(counts), "busiest": month_label(busiest[0]), "peak": busiest[1],
        }
    else:
        description = _("没有数据。")
    return MonthlyChart(
        bars=bars, ticks=ticks, width=WIDTH, height=HEIGHT, baseline=baseline, plot_left=MARGIN_LEFT,
        plot_right=WIDTH - MARGIN_RIGHT, total=total, peak=peak, description=description,
    )
