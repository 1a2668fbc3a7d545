"""The audit's rules as plain functions: column status, whole-site vetoes (单项否决), score and rank.

Nothing here touches the database; ``audit.snapshot`` gathers the facts and ``audit.findings``
puts the two together. Limits are "more than": a 14-day column updated 14 days ago is still
fine, at 15 days it is stale. Dormant-home days work the same way; counted vetoes trigger at
"or more" (5 stale columns or more), as the inspection states them.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.column_kinds import ColumnKind

from .dates import add_months, local_date
from .models import VetoRule


class ColumnStatus:
    OK = "ok"
    WARNING = "warning"
    STALE = "stale"
    EMPTY = "empty"
    NO_RULE = "no_rule"

    LABELS = {
        OK: _("正常"),
        WARNING: _("即将到期"),
        STALE: _("未按期更新"),
        EMPTY: _("空白栏目"),
        NO_RULE: _("无更新要求"),
    }


class VetoState:
    PASS = "pass"
    WARNING = "warning"
    FAIL = "fail"
    NOT_EVALUATED = "not_evaluated"
    NOT_APPLICABLE = "not_applicable"
    DISABLED = "disabled"

    LABELS = {
        PASS: _("通过"),
        WARNING: _("预警"),
        FAIL: _("否决"),
        NOT_EVALUATED: _("未评估"),
        NOT_APPLICABLE: _("不适用"),
        DISABLED: _("已停用"),
    }


@dataclass
class ColumnAudit:
    id: int
    title: str
    kind: str
    last_published: datetime.datetime | None
    reference_date: datetime.date | None
    days_since: int | None
    limit_days: int | None
    warning_days: int | None
    status: str
    due_on: datetime.date | None
    opened_on: datetime.date | None
    total: int
    false_dates: int
    counts_toward_frequent_veto: bool
    shown_on_home: bool
    limit_months: int | None = None
    organisation_id: int | None = None
    path: str = ""

    @property
    def kind_label(self):
        return ColumnKind(self.kind).label if self.kind in ColumnKind.values else self.kind

    @property
    def status_label(self):
        return ColumnStatus.LABELS[self.status]

    @property
    def is_due(self):
        return self.status in (ColumnStatus.WARNING, ColumnStatus.STALE, ColumnStatus.EMPTY)


class HasVetoes:
    """What a website's or a channel's audit says about its vetoes (``self.vetoes``: [VetoResult-like])."""

    @property
    def fails_inspection(self):
        return any(veto.state == VetoState.FAIL for veto in self.vetoes)

    @property
    def failed_vetoes(self):
        return [veto for veto in self.vetoes if veto.state == VetoState.FAIL]


@dataclass
class VetoResult:
    code: str
    value: int | None
    threshold: int | None
    state: str
    detail: str = ""

    @property
    def label(self):
        return VetoRule.Code(self.code).label

    @property
    def state_label(self):
        return VetoState.LABELS[self.state]


@dataclass
class Score:
    value: int
    deductions: list = field(default_factory=list)


def column_audit(column, rule, day):
    """Status of one column on ``day`` under its kind's rule (``rule`` may be None: no requirement).

    A rule in calendar months (``limit_months``, the inspection's "6 months") is stale the day after
    the same date that many months on (updated 2026-05-31: fine on 2026-11-30, stale on 2026-12-01);
    ``limit_days`` is then the length of that particular span, so the figures shown stay in days.
    """
    months = getattr(rule, "limit_months", None) if rule is not None else None
    limit = rule.limit_days if rule is not None else None
    warning = rule.warning_days if rule is not None else None
    last_honest_date = local_date(column.last_honest)
    if column.total == 0:
        reference = column.opened_on
        status = ColumnStatus.EMPTY
    else:
        reference = last_honest_date or column.opened_on
        status = None
    if months is not None and reference is not None:
        limit = (add_months(reference, months) - reference).days
    elif months is not None:
        limit = None
    days_since = (day - reference).days if reference is not None else None
    if status is None:
        if limit is None and months is None:
            status = ColumnStatus.NO_RULE
        elif days_since is not None and limit is not None and days_since > limit:
            status = ColumnStatus.STALE
        elif warning is not None and days_since is not None and days_since >= warning:
            status = ColumnStatus.WARNING
        else:
            status = ColumnStatus.OK
    due_on = reference + datetime.timedelta(days=limit) if (limit is not None and reference is not None) else None
    return ColumnAudit(
        id=column.id, title=column.title, kind=column.kind, last_published=column.last_honest,
        reference_date=reference, days_since=days_since, limit_days=limit, warning_days=warning, status=status,
        due_on=due_on, opened_on=column.opened_on, total=column.total, false_dates=column.false_dates,
        counts_toward_frequent_veto=bool(rule and rule.counts_toward_frequent_veto), shown_on_home=column.shown_on_home,
        limit_months=months, organisation_id=column.organisation_id, path=column.path,
    )


def counted_veto(code, value, rule):
    """A veto that triggers when a count reaches its threshold (5 stale columns or more)."""
    if rule is None or not rule.enabled:
        return VetoResult(code, value, rule.threshold if rule else None, VetoState.DISABLED)
    if value >= rule.threshold:
        state = VetoState.FAIL
    elif rule.warning_threshold is not None and value >= rule.warning_threshold:
        state = VetoState.WARNING
    else:
        state = VetoState.PASS
    return VetoResult(code, value, rule.threshold, state)


def home_page_days(facts, columns, day):
    """Days since anything new appeared in a column shown on the home page (since it opened, if never)."""
    latest = max((column.last_published for column in columns if column.shown_on_home and column.last_published), default=None)
    reference = local_date(latest) or facts.home_opened_on
    return (day - reference).days if reference is not None else None, latest


def dormant_home_veto(days, rule):
    """首页不更新: more than ``threshold`` days (14) with nothing new; warning from ``warning_threshold`` (10)."""
    if rule is None or not rule.enabled:
        return VetoResult(VetoRule.Code.DORMANT_HOME, days, rule.threshold if rule else None, VetoState.DISABLED)
    if days is not None and days > rule.threshold:
        state = VetoState.FAIL
    elif days is not None and rule.warning_threshold is not None and days >= rule.warning_threshold:
        state = VetoState.WARNING
    else:
        state = VetoState.PASS
    return VetoResult(VetoRule.Code.DORMANT_HOME, days, rule.threshold, state)


def interaction_veto(letters, rule):
    """互动回应差: no working mailbox, or messages from the past year unanswered for more than 3 months."""
    code = VetoRule.Code.INTERACTION
    if rule is not None and not rule.enabled:
        return VetoResult(code, None, rule.threshold, VetoState.DISABLED)
    threshold = rule.threshold if rule is not None else 1
    if letters is None:
        return VetoResult(code, None, threshold, VetoState.NOT_EVALUATED, str(_("留言办理数据尚未接入，本项未评估。")))
    if not letters.has_mailbox:
        return VetoResult(code, letters.overdue_over_3_months, threshold, VetoState.FAIL, str(_("没有可用的在线咨询渠道。")))
    if letters.overdue_over_3_months >= max(threshold, 1):
        return VetoResult(
            code, letters.overdue_over_3_months, threshold, VetoState.FAIL,
            str(_("1 年内有 %(count)s 条留言超过 3 个月未回复。") % {"count": letters.overdue_over_3_months}),
        )
    return VetoResult(code, letters.overdue_over_3_months, threshold, VetoState.PASS)


def site_vetoes(facts, columns, vetoes, letters, day, is_website_home=True):
    """Every veto for one organisation's share, in the order the inspection lists them.

    The home-page rule judges a website's home (国办秘函〔2019〕19号): for a channel of the portal
    (``is_website_home`` False) it is not applicable; its columns still count toward its website.
    """
    stale = [column for column in columns if column.status == ColumnStatus.STALE]
    empty = [column for column in columns if column.status == ColumnStatus.EMPTY]
    home_days, _latest = home_page_days(facts, columns, day)
    Code = VetoRule.Code
    return [
        counted_veto(Code.STALE_FREQUENT, sum(1 for column in stale if column.counts_toward_frequent_veto),
                     vetoes.get(Code.STALE_FREQUENT)),
        counted_veto(Code.OVERDUE_COLUMNS, len(stale), vetoes.get(Code.OVERDUE_COLUMNS)),
        counted_veto(Code.EMPTY_COLUMNS, len(empty), vetoes.get(Code.EMPTY_COLUMNS)),
        dormant_home_veto(home_days, vetoes.get(Code.DORMANT_HOME)) if is_website_home
        else VetoResult(Code.DORMANT_HOME, home_days, None, VetoState.NOT_APPLICABLE,
                        str(_("本机构是门户网站的栏目（子站），首页不更新按所属网站的首页判断。"))),
        counted_veto(Code.FALSE_DATES, facts.false_dates, vetoes.get(Code.FALSE_DATES)),
        interaction_veto(letters, vetoes.get(Code.INTERACTION)),
    ]


# The office's own weighting outside the vetoes (the inspection's 100-point sheet, simplified).
DEDUCTIONS = {
    "stale_column": (4, None),
    "empty_column": (4, None),
    "dormant_home": (20, 20),
    "false_date": (2, 20),
    "unanswered_message": (5, 20),
    "no_mailbox": (20, 20),
}


DEDUCTION_LABELS = {
    "stale_column": _("未按期更新栏目"),
    "empty_column": _("空白栏目"),
    "dormant_home": _("首页不更新"),
    "false_date": _("疑似伪造发稿日期"),
    "unanswered_message": _("超过 3 个月未回复的留言"),
    "no_mailbox": _("无可用的在线咨询渠道"),
}


def score(columns, vetoes, false_dates, letters):
    """100 minus deductions, never below 0; each deduction is listed so the number can be explained."""
    counts = {
        "stale_column": sum(1 for column in columns if column.status == ColumnStatus.STALE),
        "empty_column": sum(1 for column in columns if column.status == ColumnStatus.EMPTY),
        "dormant_home": int(any(v.code == VetoRule.Code.DORMANT_HOME and v.state == VetoState.FAIL for v in vetoes)),
        "false_date": false_dates,
        "unanswered_message": letters.overdue_over_3_months if letters is not None else 0,
        "no_mailbox": int(letters is not None and not letters.has_mailbox),
    }
    deductions = []
    for name, count in counts.items():
        if not count:
            continue
        each, cap = DEDUCTIONS[name]
        points = each * count if cap is None else min(cap, each * count)
        deductions.append((DEDUCTION_LABELS[name], count, points))
    return Score(max(0, 100 - sum(points for _name, _count, points in deductions)), deductions)


def competition_ranks(scores):
    """Rank by score, highest first; equal scores share a rank (1, 2, 2, 4). ``scores`` maps key → score."""
    ordered = sorted(scores.values(), reverse=True)
    first_position = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return {key: first_position[value] for key, value in scores.items()}
