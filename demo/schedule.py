"""When each demo item was published: spread over the past 24 months, relative to today.

Ages are whole calendar days before today; items land on working days in office hours.
A profile can pin a column's newest item (``stale``), silence the whole organisation for a
while (``dormant_days``), leave columns empty (``empty``) or back-date one item
(``backdated_days``, a false publication date): that is what the audit finds.
Budgets, final accounts and yearly plans follow the fiscal calendar instead.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from portal.column_kinds import ColumnKind

OLDEST_AGE = 728  # days: the two years a migrated county site brings along

FULL_COUNTS = {
    "county": {ColumnKind.HEADLINES: 30, ColumnKind.NOTICES: 12, ColumnKind.POLICIES: 10, ColumnKind.INTERPRETATIONS: 5,
               ColumnKind.GUIDES: 4, ColumnKind.RESPONSES: 4},
    "department": {ColumnKind.NEWS: 12, ColumnKind.NOTICES: 6, ColumnKind.POLICIES: 4, ColumnKind.INTERPRETATIONS: 2,
                   ColumnKind.GUIDES: 3, ColumnKind.PERSONNEL: 2, ColumnKind.PLANNING: 2, ColumnKind.FINANCE: 3,
                   ColumnKind.OVERVIEW: 1},
    "township": {ColumnKind.NEWS: 10, ColumnKind.NOTICES: 4, ColumnKind.POLICIES: 3, ColumnKind.INTERPRETATIONS: 1,
                 ColumnKind.GUIDES: 4, ColumnKind.PERSONNEL: 1, ColumnKind.PLANNING: 2, ColumnKind.FINANCE: 2,
                 ColumnKind.OVERVIEW: 1},
}
SMALL_COUNTS = {
    "county": {ColumnKind.HEADLINES: 5, ColumnKind.NOTICES: 1, ColumnKind.POLICIES: 1, ColumnKind.INTERPRETATIONS: 1,
               ColumnKind.GUIDES: 1, ColumnKind.RESPONSES: 1},
    "department": {ColumnKind.NEWS: 3, ColumnKind.NOTICES: 1, ColumnKind.POLICIES: 1, ColumnKind.INTERPRETATIONS: 1,
                   ColumnKind.GUIDES: 1, ColumnKind.FINANCE: 1},
    "township": {ColumnKind.NEWS: 3, ColumnKind.NOTICES: 1, ColumnKind.POLICIES: 1, ColumnKind.INTERPRETATIONS: 1,
                 ColumnKind.GUIDES: 1},
}
# (lowest, highest) age in days of the newest item of a lively column.
NEWEST_AGE = {
    ColumnKind.HEADLINES: (0, 1),
    ColumnKind.NEWS: (0, 5),
    ColumnKind.NOTICES: (3, 40),
    ColumnKind.POLICIES: (10, 90),
    ColumnKind.GUIDES: (10, 120),
    ColumnKind.PERSONNEL: (15, 120),
    ColumnKind.OVERVIEW: (90, 330),  # 机构职能 was last revised after the latest change of leaders
}
# How many of a column's items fall in its most recent days, so busy columns look busy.
RECENT = {ColumnKind.HEADLINES: (4, 6), ColumnKind.NEWS: (2, 12)}
CALENDAR = {
    ColumnKind.FINANCE: (("budget", 2, 12), ("three_public", 2, 14), ("final", 8, 10)),
    ColumnKind.PLANNING: (("summary", 1, 8), ("keypoints", 3, 1), ("half_year", 7, 5)),
}


@dataclass
class ItemPlan:
    kind: str
    when: datetime.datetime
    age: int
    order: int = 0  # tie-break: a policy before its interpretation
    occasion: dict = field(default_factory=dict)
    service: str = ""
    policy: object = None  # the ItemPlan of the policy an interpretation explains
    draft: object = None
    display_when: datetime.datetime = None  # only for a back-dated item: the earlier date it shows
    # A page that is not a plain item (a consultation, an interview): this callable publishes it at ``when``
    # through its own services, in time order with the other items so index numbers still rise with time.
    publish: object = None

    @property
    def shown(self):
        """The 发布日期 citizens see: the recorded time, unless the item was back-dated."""
        return self.display_when or self.when


def column_counts(profile, rng, small=False, scale=1):
    counts = dict((SMALL_COUNTS if small else FULL_COUNTS)[profile.kind])
    if not small:
        if ColumnKind.NEWS in counts:
            counts[ColumnKind.NEWS] += rng.randint(-2, 3)
        counts[ColumnKind.NOTICES] += rng.randint(-1, 2)
    if profile.is_county and scale > 1:
        for kind in (ColumnKind.HEADLINES, ColumnKind.NOTICES, ColumnKind.POLICIES, ColumnKind.INTERPRETATIONS):
            counts[kind] *= scale
    counts[ColumnKind.GUIDES] = min(counts.get(ColumnKind.GUIDES, 0), len(profile.services))
    counts[ColumnKind.POLICIES] = counts.get(ColumnKind.POLICIES, 0)
    counts[ColumnKind.INTERPRETATIONS] = min(counts.get(ColumnKind.INTERPRETATIONS, 0), counts[ColumnKind.POLICIES])
    for kind in profile.empty:
        counts[kind] = 0
    return {kind: count for kind, count in counts.items() if count > 0}


def plan_items(profile, rng, now, small=False, scale=1):
    """Every item of one organisation, oldest first (index numbers then rise with time)."""
    today = timezone.localtime(now).date()
    floor = profile.dormant_days
    plans = []
    counts = column_counts(profile, rng, small, scale)
    for kind, count in counts.items():
        if kind == ColumnKind.INTERPRETATIONS:
            continue
        if kind in CALENDAR:
            plans += calendar_plans(kind, count, profile, rng, now, today, floor)
            continue
        newest = _newest_age(kind, profile, rng)
        recent_count, recent_window = RECENT.get(kind, (0, 0))
        if floor or kind in profile.stale:
            recent_count = 0
        for position, age in enumerate(spread(rng, newest, count, recent_count, recent_window)):
            plan = ItemPlan(kind, moment(now, age, rng), age)
            if kind == ColumnKind.GUIDES:
                plan.service = profile.services[position % len(profile.services)]
            plans.append(plan)
    plans += interpretation_plans(profile, rng, now, plans, counts.get(ColumnKind.INTERPRETATIONS, 0))
    plans.sort(key=lambda plan: (plan.when, plan.order))
    if profile.backdated_days:
        newest_news = [plan for plan in plans if plan.kind == ColumnKind.NEWS][-1:]
        for plan in newest_news:  # an editor filling a gap: 伪造发稿日期, which the audit must catch
            plan.display_when = plan.when - datetime.timedelta(days=profile.backdated_days)
    return plans


def _newest_age(kind, profile, rng):
    if kind in profile.stale:
        return profile.stale[kind]
    low, high = NEWEST_AGE.get(kind, (5, 60))
    age = rng.randint(low, high)
    if profile.dormant_days:
        age = max(age, profile.dormant_days + rng.randint(0, 20))
    return age


def spread(rng, newest, count, recent_count=0, recent_window=0):
    """``count`` ages from ``newest`` back to two years ago, one per stretch so they read as a steady flow."""
    if count <= 0:
        return []
    ages = [newest]
    recent_count = min(recent_count, count - 1)
    for _index in range(recent_count):
        ages.append(rng.randint(newest, max(newest, newest + recent_window)))
    remaining = count - len(ages)
    start = newest + recent_window + 1 if recent_count else newest + 1
    if remaining:
        stretch = max(1, (OLDEST_AGE - start) // remaining)
        for index in range(remaining):
            low = start + index * stretch
            ages.append(rng.randint(low, min(OLDEST_AGE, low + stretch - 1)))
    return sorted(ages)


def moment(now, age, rng):
    """A time in office hours ``age`` calendar days ago (weekends moved back to Friday), never in the future."""
    local_now = timezone.localtime(now)
    day = local_now.date() - datetime.timedelta(days=age)
    if age > 0:
        while day.weekday() >= 5:
            day -= datetime.timedelta(days=1)
    minutes = rng.randint(8 * 60 + 30, 17 * 60 + 30)
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60)))
    if when >= now - datetime.timedelta(minutes=5):
        when = now - datetime.timedelta(minutes=rng.randint(5, 90))
    return when


def calendar_plans(kind, count, profile, rng, now, today, floor):
    """Budgets in February, final accounts in August, plans in January–March: the most recent ``count``."""
    candidates = []
    for year in range(today.year - 2, today.year + 1):
        for variant, month, day in CALENDAR[kind]:
            date = datetime.date(year, month, day) + datetime.timedelta(days=rng.randint(0, 20))
            age = (today - date).days
            if max(1, floor) <= age <= OLDEST_AGE:
                occasion_year = year - 1 if variant == "final" else year
                candidates.append((age, variant, occasion_year))
    candidates.sort()
    return [ItemPlan(kind, moment(now, age, rng), age, occasion={"variant": variant, "year": year})
            for age, variant, year in candidates[:count]]


def interpretation_plans(profile, rng, now, plans, count):
    policies = sorted((plan for plan in plans if plan.kind == ColumnKind.POLICIES), key=lambda plan: plan.age)
    explained = policies[:count]  # the newest policies get explained
    result = []
    for policy in explained:
        age = max(policy.age - rng.randint(1, 9), profile.dormant_days, 0)
        when = max(moment(now, age, rng), policy.when + datetime.timedelta(hours=2))
        when = min(when, now - datetime.timedelta(minutes=3))
        result.append(ItemPlan(ColumnKind.INTERPRETATIONS, when, age, order=1, policy=policy))
    return result
