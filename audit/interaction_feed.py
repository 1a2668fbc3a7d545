"""The seam to the interaction app (mailboxes and letters), which the audit reads but does not own.

``interaction.audit_feed.letter_status(as_of)`` maps organisation id to
``{"has_mailbox", "overdue_over_3_months", "oldest_unanswered_days"}`` and, optionally,
``open_over_3_months``, ``late_replies`` and ``evidence`` (the letters an inspector would cite). Until that module exists
the interaction rule is *not evaluated*: shown as such, counted neither as passing nor failing.
"""

import importlib
import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

FEED_MODULE = "interaction.audit_feed"
PARTICIPATION_MODULE = "interaction.participation_audit"


@dataclass(frozen=True)
class LetterStatus:
    has_mailbox: bool
    overdue_over_3_months: int
    oldest_unanswered_days: int | None
    open_over_3_months: int = 0
    late_replies: int = 0
    evidence: tuple = ()


@dataclass(frozen=True)
class InteractionFeed:
    """What the audit knows about letters: ``evaluated`` is False when no feed is available."""

    evaluated: bool
    by_organisation: dict

    def for_organisation(self, organisation_id):
        """The organisation's letter status; an organisation the feed does not list has no mailbox."""
        if not self.evaluated:
            return None
        return self.by_organisation.get(organisation_id, LetterStatus(False, 0, None))


def load_feed_function():
    try:
        module = importlib.import_module(FEED_MODULE)
    except ModuleNotFoundError as error:
        if error.name not in (FEED_MODULE, "interaction"):
            raise
        return None
    return getattr(module, "letter_status", None)


def letter_status(as_of, feed_function=None):
    """Read the interaction feed for ``as_of``; a missing feed yields an unevaluated result, never a guess."""
    function = feed_function or load_feed_function()
    if function is None:
        return InteractionFeed(evaluated=False, by_organisation={})
    raw = function(as_of)
    return InteractionFeed(
        evaluated=True,
        by_organisation={
            int(organisation_id): LetterStatus(
                has_mailbox=bool(status.get("has_mailbox")),
                overdue_over_3_months=int(status.get("overdue_over_3_months") or 0),
                oldest_unanswered_days=status.get("oldest_unanswered_days"),
                open_over_3_months=int(status.get("open_over_3_months") or 0),
                late_replies=int(status.get("late_replies") or 0),
                evidence=tuple(status.get("evidence") or ()),
            )
            for organisation_id, status in raw.items()
        },
    )


@dataclass(frozen=True)
class Participation:
    """调查征集 and 互动访谈 on a website or channel in the as-of year: consultations, surveys and interviews held,
    and what is unfinished."""

    consultations: int = 0
    closed_without_feedback: int = 0
    surveys: int = 0
    surveys_unpublished_results: int = 0
    evidence: tuple = ()
    interviews: int = 0

    def __add__(self, other):
        return Participation(
            self.consultations + other.consultations, self.closed_without_feedback + other.closed_without_feedback,
            self.surveys + other.surveys, self.surveys_unpublished_results + other.surveys_unpublished_results,
            self.evidence + other.evidence, self.interviews + other.interviews,
        )

    def as_json(self):
        return {"consultations": self.consultations, "closed_without_feedback": self.closed_without_feedback,
                "surveys": self.surveys, "surveys_unpublished_results": self.surveys_unpublished_results,
                "interviews": self.interviews, "evidence": list(self.evidence)}


def participation(as_of, feed_function=None):
    """organisation id → ``Participation`` as of ``as_of``; None when the interaction app offers no such feed."""
    function = feed_function
    if function is None:
        try:
            module = importlib.import_module(PARTICIPATION_MODULE)
        except ModuleNotFoundError as error:
            if error.name not in (PARTICIPATION_MODULE, "interaction"):
                raise
            return None
        function = module.participation
    return {
        int(organisation_id): Participation(
            consultations=int(counts.get("consultations") or 0),
            closed_without_feedback=int(counts.get("closed_without_feedback") or 0),
            surveys=int(counts.get("surveys") or 0),
            surveys_unpublished_results=int(counts.get("surveys_unpublished_results") or 0),
            evidence=tuple(counts.get("evidence") or ()),
            interviews=int(counts.get("interviews") or 0),
        )
        for organisation_id, counts in function(as_of).items()
    }


def website_participation(by_organisation, organisation_ids):
    """The sum over a website's organisations (its channels); None when not evaluated."""
    if by_organisation is None:
        return None
    total = Participation()
    for organisation_id in organisation_ids:
        total = total + by_organisation.get(organisation_id, Participation())
    return total
