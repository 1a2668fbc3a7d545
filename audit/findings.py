"""The audit of every organisation on one day: facts + rules + letters → rows the dashboard, the
command and the exports all share (so the three can never disagree)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from departments.models import Organisation

from . import (
    availability,
    content_feed,
    evaluation,
    interaction_feed,
    interpretations,
    late_publication,
    link_results,
    service_guides,
    snapshot,
)
from .dates import iso_date, today
from .evaluation import ColumnStatus, VetoState
from .models import VetoRule
from .reposts import Reposts, find_reposts
from .rules import load_rules
from .website_audit import WebsiteFacts, audit_website
from .websites import resolve_websites


@dataclass
class OrganisationAudit(evaluation.HasVetoes):
    facts: snapshot.OrganisationFacts
    columns: list
    vetoes: list
    letters: interaction_feed.LetterStatus | None
    letters_evaluated: bool
    score: evaluation.Score
    home_days: int | None
    as_of: datetime.date | None = None
    rank: int | None = None
    peers: int | None = None
    website_name: str = ""
    is_website_home: bool = True

    @property
    def slug(self):
        return self.facts.slug

    @property
    def name(self):
        return self.facts.name

    @property
    def kind(self):
        return self.facts.kind

    @property
    def kind_label(self):
        return Organisation.Kind(self.facts.kind).label

    @property
    def last_published(self):
        return self.facts.last_honest

    @property
    def items_30d(self):
        return self.facts.windows[30]

    @property
    def items_90d(self):
        return self.facts.windows[90]

    @property
    def items_365d(self):
        return self.facts.windows[365]

    @property
    def stale_columns(self):
        return sum(1 for column in self.columns if column.status == ColumnStatus.STALE)

    @property
    def empty_columns(self):
        return sum(1 for column in self.columns if column.status == ColumnStatus.EMPTY)

    @property
    def warning_columns(self):
        return sum(1 for column in self.columns if column.status == ColumnStatus.WARNING)

    @property
    def overdue_messages(self):
        """Messages unanswered > 3 months, or None when the interaction data is not available."""
        return self.letters.overdue_over_3_months if self.letters is not None else None

    @property
    def false_dates(self):
        return self.facts.false_dates


    @property
    def warned_vetoes(self):
        return [veto for veto in self.vetoes if veto.state == VetoState.WARNING]

    def violations(self):
        """Every broken rule, one line each, in the shape of the JSON report."""
        found = []
        for column in self.columns:
            if column.status == ColumnStatus.STALE:
                found.append(violation("stale_column", column.title, column.last_published, column.days_since, column.limit_days))
            elif column.status == ColumnStatus.EMPTY:
                found.append(violation("empty_column", column.title, None, column.days_since, column.limit_days))
            if column.false_dates:
                found.append(violation("false_date", column.title, column.last_published, None, 1))
        unattributed = self.facts.false_dates - sum(column.false_dates for column in self.columns)
        if unattributed > 0:
            found.append(violation("false_date", None, None, None, 1))
        for veto in self.vetoes:
            if veto.state != VetoState.FAIL:
                continue
            if veto.code == VetoRule.Code.DORMANT_HOME:
                found.append(violation("dormant_home", None, self.home_latest, self.home_days, veto.threshold))
            elif veto.code == VetoRule.Code.INTERACTION:
                if self.letters is not None and not self.letters.has_mailbox:
                    found.append(violation("no_mailbox", None, None, None, None))
                else:
                    found.append(violation("unanswered_messages", None, None, self.letters.oldest_unanswered_days, 90))
            elif veto.code in (VetoRule.Code.STALE_FREQUENT, VetoRule.Code.OVERDUE_COLUMNS, VetoRule.Code.EMPTY_COLUMNS):
                found.append(violation(f"veto_{veto.code}", None, None, None, None))
        return found

    @property
    def home_latest(self):
        return evaluation.home_page_days(self.facts, self.columns, self.as_of)[1]

    def as_json(self):
        return {
            "slug": self.slug,
            "name": self.name,
            "kind": self.kind,
            "last_published": iso_date(self.last_published),
            "items_30d": self.items_30d,
            "items_90d": self.items_90d,
            "items_365d": self.items_365d,
            "score": self.score.value,
            "fails_inspection": self.fails_inspection,
            "violations": self.violations(),
        }


def violation(rule, column, last_published, days_since, limit_days):
    return {
        "rule": rule,
        "column": column,
        "last_published": iso_date(last_published),
        "days_since": days_since,
        "limit_days": limit_days,
    }


VIOLATION_LABELS = {
    "stale_column": _("栏目未按期更新"),
    "empty_column": _("空白栏目"),
    "false_date": _("疑似伪造发稿日期"),
    "dormant_home": _("首页不更新"),
    "no_mailbox": _("无可用的在线咨询渠道"),
    "unanswered_messages": _("留言超过 3 个月未回复"),
    "veto_stale_frequent": _("单项否决：动态要闻与通知公告、政策文件栏目不更新"),
    "veto_overdue_columns": _("单项否决：应更新未更新栏目过多"),
    "veto_empty_columns": _("单项否决：空白栏目过多"),
}


@dataclass
class AuditReport:
    as_of: datetime.date
    organisations: list
    interaction_evaluated: bool
    websites: list = None

    def as_json(self):
        return {
            "as_of": self.as_of.isoformat(),
            "websites": [website.as_json() for website in self.websites or []],
            "organisations": [audit.as_json() for audit in self.organisations],
        }

    def find(self, slug):
        return next((audit for audit in self.organisations if audit.slug == slug), None)

    def find_website(self, key):
        """The website whose 网站标识码 (or key, ``portal`` while the portal has none) is ``key``."""
        return next((website for website in self.websites or [] if key in (website.site_id_code, website.key)), None)

    def website_of(self, slug):
        return next((website for website in self.websites or [] if any(c.slug == slug for c in website.channels)), None)


def audit_organisation(facts, rules, letters_feed, day, is_website_home=True):
    columns = [evaluation.column_audit(column, rules.columns.get(column.kind), day) for column in facts.columns]
    letters = letters_feed.for_organisation(facts.id)
    vetoes = evaluation.site_vetoes(facts, columns, rules.vetoes, letters, day, is_website_home=is_website_home)
    home_days, _latest = evaluation.home_page_days(facts, columns, day)
    return OrganisationAudit(
        facts=facts, columns=columns, vetoes=vetoes, letters=letters, letters_evaluated=letters_feed.evaluated,
        score=evaluation.score(columns, vetoes, facts.false_dates, letters), home_days=home_days, as_of=day,
        is_website_home=is_website_home,
    )


def rank_among_peers(audits):
    """Departments are ranked among departments, townships among townships."""
    by_kind = {}
    for audit in audits:
        by_kind.setdefault(audit.kind, []).append(audit)
    for peers in by_kind.values():
        ranks = evaluation.competition_ranks({audit.facts.id: audit.score.value for audit in peers})
        for audit in peers:
            audit.rank = ranks[audit.facts.id]
            audit.peers = len(peers)


def build_report(day=None, *, organisation_ids=None, feed_function=None, ranked=True, with_websites=True):
    """The audit of ``day`` (default today) for all active organisations, or only ``organisation_ids``,
    grouped by website (``report.websites``, 国办秘函〔2019〕19号 judges websites) with each organisation's share."""
    day = day or today()
    rules = load_rules()
    organisations = snapshot.load_organisations(organisation_ids)
    columns = snapshot.load_columns(organisations, day)
    copies = find_reposts(organisations, day) if organisations else Reposts()
    if organisations:
        snapshot.load_entry_totals(organisations, columns, day, copies.ids)
    websites = resolve_websites([
        (facts.id, facts.kind, facts.name, facts.hostname, facts.site_id_code) for facts, _path in organisations.values()
    ])
    homes = {website.home_organisation_id for website in websites}
    letters_feed = interaction_feed.letter_status(day, feed_function)
    audits = [audit_organisation(item, rules, letters_feed, day, is_website_home=item.id in homes)
              for item, _path in organisations.values()]
    if ranked:
        rank_among_peers(audits)
    website_audits = audit_websites(websites, audits, organisations, rules, day, copies) if with_websites else []
    return AuditReport(as_of=day, organisations=audits, interaction_evaluated=letters_feed.evaluated, websites=website_audits)


def audit_websites(websites, audits, organisations, rules, day, copies=None):
    """Every website's inspection from its channels' audits and the facts read once for all websites.

    ``copies`` are the suspected republished articles (``audit.reposts``) already found for freshness.
    """
    keys = [website.key for website in websites]
    facts = WebsiteFacts(
        availability=availability.availability(day, keys),
        content=content_feed.serious_findings(day),
        guides=service_guides.check_guides({path: facts.id for facts, path in organisations.values()}, day),
        links=link_results.latest_runs(day, keys),
        reposts=copies if copies is not None else find_reposts(organisations, day),
        late=late_publication.late_publications(day),
        uninterpreted=interpretations.uninterpreted_policies(organisations, day),
    )
    by_id = {audit.facts.id: audit for audit in audits}
    participation = interaction_feed.participation(day)
    result = []
    for website in websites:
        channels = [by_id[channel_id] for channel_id in website.channel_ids if channel_id in by_id]
        if not channels and not website.is_portal:
            continue
        for channel in channels:
            channel.website_name = website.name
        false_entries = snapshot.false_date_evidence([channel.facts.id for channel in channels], day) if any(
            channel.false_dates for channel in channels) else []
        audit = audit_website(website, channels, rules.vetoes, facts, false_entries, day)
        audit.participation = interaction_feed.website_participation(participation, [channel.facts.id for channel in channels])
        result.append(audit)
    return result
