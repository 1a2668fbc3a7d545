"""The interaction veto reads the interaction app's feed; without one it is 'not evaluated', never pass or fail."""

import datetime

from audit.evaluation import VetoState
from audit.findings import build_report
from audit.interaction_feed import letter_status
from audit.models import VetoRule

DAY = datetime.date(2026, 3, 10)


def interaction(audit):
    return next(veto for veto in audit.vetoes if veto.code == VetoRule.Code.INTERACTION)


def test_without_a_feed_the_rule_is_not_evaluated(opened_department, monkeypatch):
    import audit.interaction_feed

    monkeypatch.setattr(audit.interaction_feed, "load_feed_function", lambda: None)
    report = build_report(DAY)
    audit = report.find("jyj")
    assert not report.interaction_evaluated
    assert interaction(audit).state == VetoState.NOT_EVALUATED
    assert audit.overdue_messages is None
    assert not any(v["rule"] in ("no_mailbox", "unanswered_messages") for v in audit.violations())
    assert letter_status(DAY, None).evaluated is False


def test_the_real_interaction_feed_fails_a_site_with_a_letter_unanswered_for_over_3_months(opened_department):
    """Against interaction.audit_feed itself: a letter from November still unanswered in March."""
    from tests.interaction.builders import letter, mailbox_of

    letter(mailbox_of(opened_department), received=datetime.date(2025, 11, 3))
    report = build_report(DAY)
    assert report.interaction_evaluated
    audit = report.find("jyj")
    assert audit.overdue_messages == 1
    assert interaction(audit).state == VetoState.FAIL
    unanswered = next(v for v in audit.violations() if v["rule"] == "unanswered_messages")
    assert unanswered["days_since"] == (DAY - datetime.date(2025, 11, 3)).days
    earlier = build_report(datetime.date(2026, 1, 20)).find("jyj")
    assert interaction(earlier).state == VetoState.PASS


def test_a_message_unanswered_for_more_than_3_months_fails_the_site(opened_department):
    feed = lambda as_of: {opened_department.pk: {"has_mailbox": True, "overdue_over_3_months": 2, "oldest_unanswered_days": 120}}
    audit = build_report(DAY, feed_function=feed).find("jyj")
    assert interaction(audit).state == VetoState.FAIL
    assert audit.overdue_messages == 2
    assert {"rule": "unanswered_messages", "column": None, "last_published": None, "days_since": 120, "limit_days": 90} in audit.violations()


def test_no_working_mailbox_fails_the_site(opened_department):
    feed = lambda as_of: {opened_department.pk: {"has_mailbox": False, "overdue_over_3_months": 0, "oldest_unanswered_days": None}}
    audit = build_report(DAY, feed_function=feed).find("jyj")
    assert interaction(audit).state == VetoState.FAIL
    assert any(v["rule"] == "no_mailbox" for v in audit.violations())


def test_a_mailbox_with_every_message_answered_passes(opened_department):
    feed = lambda as_of: {opened_department.pk: {"has_mailbox": True, "overdue_over_3_months": 0, "oldest_unanswered_days": None}}
    audit = build_report(DAY, feed_function=feed).find("jyj")
    assert interaction(audit).state == VetoState.PASS
