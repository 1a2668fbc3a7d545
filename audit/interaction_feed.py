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
