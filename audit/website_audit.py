"""The inspection of one website: its channels' findings summed, every veto with its evidence, the deductions.

The inspection (国办秘函〔2019〕19号) judges each website (one 网站标识码): column counts are summed across
all channels, the home-page rule applies to the website's own home, and any one veto fails the whole
website. ``build_website_audits`` takes the per-organisation audits (the channels' shares) and the
facts read once for all websites (probes, content findings, guides, link checks); nothing here queries.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import evaluation
from .dates import iso_date
from .evaluation import ColumnStatus, VetoState
from .interaction_feed import LetterStatus
from .models import VetoRule

Code = VetoRule.Code

# The office's own weighting of broken links (amounts unverified in the inspection's text): per link, capped.
LINK_DEDUCTIONS = {"broken_link_home": (2, 20), "broken_link": (1, 20)}

# The office's weighting of the other counted findings (per item, capped; amounts unverified): 旧稿新发
# (国办秘函〔2019〕19号), 逾期公开 (条例 art. 26), 政策文件未解读 (国办发〔2016〕80号).
CONTENT_DEDUCTIONS = {"republished_article": (2, 10), "late_publication": (1, 10), "policy_without_interpretation": (2, 10)}


@dataclass
class WebsiteVeto:
    code: str
    state: str
    value: object = None
    threshold: int | None = None
    detail: str = ""
    evidence: list = field(default_factory=list)

    @property
    def label(self):
        return VetoRule.Code(self.code).label

    @property
    def state_label(self):
        return VetoState.LABELS[self.state]

    def as_json(self):
        return {"rule": self.code, "detail": self.detail, "evidence": self.evidence}


@dataclass
class WebsiteAudit(evaluation.HasVetoes):
    website: object
    channels: list
    vetoes: list
    deductions: list
    score: int
    as_of: object = None
    participation: object = None  # interaction_feed.Participation, None when not evaluated

    @property
    def site_id_code(self):
        return self.website.site_id_code

    @property
    def name(self):
        return self.website.name

    @property
    def hostname(self):
        return self.website.hostname

    @property
    def key(self):
        return self.website.key


    def as_json(self):
        return {
            "site_id_code": self.site_id_code,
            "name": self.name,
            "hostname": self.hostname,
            "fails_inspection": self.fails_inspection,
            "score": self.score,
            "vetoes": [veto.as_json() for veto in self.failed_vetoes],
            "deductions": self.deductions,
            "channels": [channel.slug for channel in self.channels],
            "participation": self.participation.as_json() if self.participation is not None else None,
        }


@dataclass
class WebsiteFacts:
    """What was read once for every website: probes, content findings, guides, link checks, and the
    catalogue's counted findings (``reposts``: ``audit.reposts.Reposts``; ``late`` and ``uninterpreted``:
    {organisation id: [evidence]})."""

    availability: dict
    content: object
    guides: list
    links: dict
    reposts: object = None
    late: dict = field(default_factory=dict)
    uninterpreted: dict = field(default_factory=dict)


def column_evidence(channel, column):
    return {
        "organisation": channel.name, "column": column.title, "last_published": iso_date(column.last_published),
        "days_since": column.days_since, "limit_days": column.limit_days,
    }


def counted(code, value, rule, detail, evidence):
    result = evaluation.counted_veto(code, value, rule)
    return WebsiteVeto(code, result.state, value, result.threshold, detail if result.state == VetoState.FAIL else "", evidence)


def column_vetoes(channels, rules):
    stale = [(channel, column) for channel in channels for column in channel.columns if column.status == ColumnStatus.STALE]
    empty = [(channel, column) for channel in channels for column in channel.columns if column.status == ColumnStatus.EMPTY]
    frequent = [(channel, column) for channel, column in stale if column.counts_toward_frequent_veto]
    return [
        counted(Code.STALE_FREQUENT, len(frequent), rules.get(Code.STALE_FREQUENT),
                _("动态要闻类（2 周）与通知公告、政策文件类（6 个月）栏目未更新共 %(count)s 个。") % {"count": len(frequent)},
                [column_evidence(channel, column) for channel, column in frequent]),
        counted(Code.OVERDUE_COLUMNS, len(stale), rules.get(Code.OVERDUE_COLUMNS),
                _("应更新未更新栏目共 %(count)s 个。") % {"count": len(stale)},
                [column_evidence(channel, column) for channel, column in stale]),
        counted(Code.EMPTY_COLUMNS, len(empty), rules.get(Code.EMPTY_COLUMNS),
                _("空白栏目共 %(count)s 个。") % {"count": len(empty)},
                [column_evidence(channel, column) for channel, column in empty]),
    ]


def home_veto(home, rules):
    rule = rules.get(Code.DORMANT_HOME)
    if home is None:
        return WebsiteVeto(Code.DORMANT_HOME, VetoState.NOT_EVALUATED, detail=_("未找到网站首页对应的机构，本项未评估。"))
    result = evaluation.dormant_home_veto(home.home_days, rule)
    latest = home.home_latest
    detail = ""
    if result.state == VetoState.FAIL:
        detail = _("首页栏目已 %(days)s 天无新内容（最近一次 %(latest)s）。") % {
            "days": home.home_days, "latest": iso_date(latest) or _("从未更新")}
    evidence = [{"organisation": home.name, "last_published": iso_date(latest), "days_since": home.home_days}]
    return WebsiteVeto(Code.DORMANT_HOME, result.state, home.home_days, result.threshold, detail, evidence)


def false_date_veto(channels, rules, false_entries):
    total = sum(channel.false_dates for channel in channels)
    return counted(Code.FALSE_DATES, total, rules.get(Code.FALSE_DATES),
                   _("显示的发布日期与实际首次发布时间相差超过 1 天的信息 %(count)s 条（伪造发稿日期）。") % {"count": total},
                   false_entries)


def website_letters(channels):
    """The website's letters: one working mailbox anywhere on it is its consultation channel; overdue letters add up."""
    statuses = [channel.letters for channel in channels if channel.letters is not None]
    if not statuses:
        return None
    return LetterStatus(
        has_mailbox=any(status.has_mailbox for status in statuses),
        overdue_over_3_months=sum(status.overdue_over_3_months for status in statuses),
        oldest_unanswered_days=max((s.oldest_unanswered_days for s in statuses if s.oldest_unanswered_days is not None), default=None),
        open_over_3_months=sum(status.open_over_3_months for status in statuses),
        late_replies=sum(status.late_replies for status in statuses),
        evidence=tuple(item for status in statuses for item in status.evidence),
    )


def interaction_veto(channels, rules):
    letters = website_letters(channels)
    result = evaluation.interaction_veto(letters, rules.get(Code.INTERACTION))
    detail = result.detail
    if result.state == VetoState.FAIL and letters is not None and letters.has_mailbox:
        detail = _("有效留言中 %(open)s 条超过 3 个月仍未答复，%(late)s 条在收信 3 个月后才答复（1 年内）。") % {
            "open": letters.open_over_3_months or letters.overdue_over_3_months, "late": letters.late_replies}
    evidence = list(letters.evidence) if letters is not None else []
    return WebsiteVeto(Code.INTERACTION, result.state, result.value, result.threshold, detail, evidence)


def unreachable_veto(website, facts, rules):
    rule = rules.get(Code.UNREACHABLE)
    if rule is None or not rule.enabled:
        return WebsiteVeto(Code.UNREACHABLE, VetoState.DISABLED)
    seen = facts.availability.get(website.key)
    if seen is None or not seen.visits:
        return WebsiteVeto(Code.UNREACHABLE, VetoState.NOT_EVALUATED, threshold=rule.threshold,
                           detail=_("近 7 天没有可用性监测记录（manage.py probe_sites），本项未评估。"))
    percent = seen.failure_percent
    if seen.failures * 100 >= rule.threshold * seen.visits:
        state = VetoState.FAIL
    elif rule.warning_threshold is not None and seen.failures * 100 >= rule.warning_threshold * seen.visits:
        state = VetoState.WARNING
    else:
        state = VetoState.PASS
    detail = _("近 7 天监测 %(visits)s 次，%(failures)s 次未能按时打开（%(percent)s%%）。") % {
        "visits": seen.visits, "failures": seen.failures, "percent": percent}
    if not seen.enough_visits:
        detail += _("监测次数少于检查要求的每天 20 次。")
    return WebsiteVeto(Code.UNREACHABLE, state, percent, rule.threshold, detail, seen.evidence)


def content_veto(channel_ids, facts, rules):
    rule = rules.get(Code.CONTENT_ERRORS)
    if rule is None or not rule.enabled:
        return WebsiteVeto(Code.CONTENT_ERRORS, VetoState.DISABLED)
    if not facts.content.evaluated:
        return WebsiteVeto(Code.CONTENT_ERRORS, VetoState.NOT_EVALUATED, threshold=rule.threshold,
                           detail=_("内容巡查未安装，严重表述错误、个人信息泄露、错敏词等本项未评估。"))
    found = facts.content.for_organisations(channel_ids)
    return counted(Code.CONTENT_ERRORS, len(found), rule,
                   _("内容巡查发现未整改的严重问题 %(count)s 处（错敏词、个人信息、严重表述错误等）。") % {"count": len(found)},
                   found[:50])


def service_veto(channel_ids, facts, rules):
    rule = rules.get(Code.SERVICE)
    if rule is None or not rule.enabled:
        return WebsiteVeto(Code.SERVICE, VetoState.DISABLED)
    guides = [guide for guide in facts.guides if guide.organisation_id in channel_ids]
    if not guides:
        return WebsiteVeto(Code.SERVICE, VetoState.FAIL, 0, rule.threshold, _("网站没有任何办事服务（办事指南）。"), [])
    lacking = [guide for guide in guides if len(guide.missing) >= max(rule.threshold, 1)]
    evidence = [{"title": guide.title, "url_path": guide.url_path, "missing": guide.missing_labels} for guide in lacking]
    if lacking:
        return WebsiteVeto(Code.SERVICE, VetoState.FAIL, len(lacking), rule.threshold,
                           _("%(count)s 份办事指南缺少 %(threshold)s 类及以上要素。") % {"count": len(lacking), "threshold": rule.threshold},
                           evidence[:50])
    return WebsiteVeto(Code.SERVICE, VetoState.PASS, 0, rule.threshold, "", [])


def link_deductions(website, facts):
    run = facts.links.get(website.key)
    if run is None:
        return []
    found = []
    for name, on_home, label in (("broken_link_home", True, _("首页失效链接")), ("broken_link", False, _("其他页面失效链接"))):
        broken = [link for link in run["broken"] if link["on_home"] == on_home]
        if not broken:
            continue
        each, cap = LINK_DEDUCTIONS[name]
        found.append({"rule": name, "label": str(label), "count": len(broken), "points": min(cap, each * len(broken)),
                      "detail": _("链接检查（%(when)s）发现 %(count)s 个。") % {"when": run["started_at"], "count": len(broken)},
                      "evidence": broken[:100]})
    return found


def counted_deduction(rule, label, detail, evidence):
    each, cap = CONTENT_DEDUCTIONS[rule]
    return {"rule": rule, "label": str(label), "count": len(evidence), "points": min(cap, each * len(evidence)),
            "detail": detail, "evidence": evidence[:100]}


def catalogue_deductions(channel_ids, facts):
    """旧稿新发, 逾期公开 and 政策文件未解读 on the website's channels, each with its evidence (no queries)."""
    found = []
    copies = facts.reposts.for_organisations(channel_ids) if facts.reposts is not None else []
    if copies:
        found.append(counted_deduction(
            "republished_article", _("疑似旧稿新发"),
            _("%(count)s 条信息的标题和正文与本机构此前发布的信息相同，不计为栏目更新（1 年内）。") % {"count": len(copies)},
            copies))
    late = [item for channel_id in channel_ids for item in facts.late.get(channel_id, [])]
    if late:
        found.append(counted_deduction(
            "late_publication", _("逾期公开"),
            _("%(count)s 条信息在成文后超过 20 个工作日才公开（条例第二十六条，1 年内）。") % {"count": len(late)},
            late))
    bare = [item for channel_id in channel_ids for item in facts.uninterpreted.get(channel_id, [])]
    if bare:
        found.append(counted_deduction(
            "policy_without_interpretation", _("政策文件未解读"),
            _("%(count)s 件行政规范性文件公开 3 个工作日后仍无政策解读（1 年内）。") % {"count": len(bare)},
            bare))
    return found


def column_deductions(channels, vetoes, letters):
    columns = [column for channel in channels for column in channel.columns]
    as_results = [evaluation.VetoResult(veto.code, veto.value, veto.threshold, veto.state) for veto in vetoes]
    false_dates = sum(channel.false_dates for channel in channels)
    scored = evaluation.score(columns, as_results, false_dates, letters)
    return [{"rule": str(label), "label": str(label), "count": count, "points": points, "detail": "", "evidence": []}
            for label, count, points in scored.deductions]


def audit_website(website, channels, rules, facts, false_entries, day):
    """One website's inspection: ``channels`` are its organisations' audits, ``rules`` the veto rules by code."""
    channel_ids = [channel.facts.id for channel in channels]
    home = next((channel for channel in channels if channel.facts.id == website.home_organisation_id), None)
    vetoes = [
        unreachable_veto(website, facts, rules),
        home_veto(home, rules),
        *column_vetoes(channels, rules),
        false_date_veto(channels, rules, false_entries),
        content_veto(channel_ids, facts, rules),
        interaction_veto(channels, rules),
        service_veto(channel_ids, facts, rules),
    ]
    deductions = (column_deductions(channels, vetoes, website_letters(channels)) + link_deductions(website, facts)
                  + catalogue_deductions(channel_ids, facts))
    score = max(0, 100 - sum(item["points"] for item in deductions))
    return WebsiteAudit(website=website, channels=channels, vetoes=vetoes, deductions=deductions, score=score, as_of=day)
