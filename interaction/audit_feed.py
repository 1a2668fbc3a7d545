"""What the audit reads about letters (单项否决: 互动回应差), per organisation, as of a date.

The inspection (国办秘函〔2019〕19号) fails a website when, within the year before the check, a
valid message was left without a response for more than 3 months: a reply that came more than 3
calendar months after receipt counts, and so does a message still open after 3 months however
old it is. Letters staff marked 无效 / 不予受理 / 转信访 (with a reason, on or before the as-of
date) are not valid messages and are not counted. A letter counts against the organisation whose
mailbox it was written to (the county leader mailbox counts against the county government), even
if it was forwarded, because the inspection judges the site the citizen wrote to. A letter
answered after ``as_of`` is open as of that date. Four queries, however many organisations.
"""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from departments.models import Organisation
from portal.calendar_months import add_months

from .models import Letter, Mailbox

EVIDENCE_LIMIT = 20
OVERDUE_MONTHS = 3
LOOKBACK_MONTHS = 12


def valid_letters(as_of: datetime.date):
    """Letters received by ``as_of`` and not marked 无效 / 不予受理 / 转信访 by then."""
    end = timezone.make_aware(datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time.min))
    disposed = Q(disposition__gt="") & Q(disposed_at__lt=end)
    return Letter.objects.filter(received_on__lte=as_of).exclude(disposed)


def letter_status(as_of: datetime.date) -> dict[int, dict]:
    """organisation id → {"has_mailbox", "overdue_over_3_months", "open_over_3_months", "late_replies",
    "oldest_unanswered_days", "evidence": [{"tracking_code", "received_on", "replied_on", "days"}]}.

    ``overdue_over_3_months`` is the rule's count: open letters older than 3 months plus letters of
    the last 12 months answered more than 3 months after receipt. Dates in ``evidence`` are ISO strings.
    """
    with_mailbox = set(Mailbox.objects.filter(active=True).values_list("organisation_id", flat=True))

    def empty(organisation_id):
        return {"has_mailbox": organisation_id in with_mailbox, "overdue_over_3_months": 0, "open_over_3_months": 0,
                "late_replies": 0, "oldest_unanswered_days": None, "evidence": []}

    result = {organisation_id: empty(organisation_id) for organisation_id in Organisation.objects.values_list("pk", flat=True)}
    letters = valid_letters(as_of)
    open_letters = (
        letters.filter(Q(replied_on__isnull=True) | Q(replied_on__gt=as_of))
        .filter(received_on__lt=add_months(as_of, -OVERDUE_MONTHS))
        .order_by("received_on")
        .values_list("mailbox__organisation_id", "tracking_code", "received_on")
    )
    for organisation_id, code, received in open_letters:
        status = result.setdefault(organisation_id, empty(organisation_id))
        status["open_over_3_months"] += 1
        if status["oldest_unanswered_days"] is None:
            status["oldest_unanswered_days"] = (as_of - received).days
        if len(status["evidence"]) < EVIDENCE_LIMIT:
            status["evidence"].append({"tracking_code": code, "received_on": received.isoformat(), "replied_on": None,
                                       "days": (as_of - received).days})
    answered = (
        letters.filter(replied_on__lte=as_of, received_on__gt=add_months(as_of, -LOOKBACK_MONTHS))
        .filter(replied_on__gt=F("received_on") + datetime.timedelta(days=88))
        .order_by("received_on")
        .values_list("mailbox__organisation_id", "tracking_code", "received_on", "replied_on")
    )
    for organisation_id, code, received, replied in answered:
        if replied <= add_months(received, OVERDUE_MONTHS):
            continue
        status = result.setdefault(organisation_id, empty(organisation_id))
        status["late_replies"] += 1
        if len(status["evidence"]) < EVIDENCE_LIMIT:
            status["evidence"].append({"tracking_code": code, "received_on": received.isoformat(),
                                       "replied_on": replied.isoformat(), "days": (replied - received).days})
    for status in result.values():
        status["overdue_over_3_months"] = status["open_over_3_months"] + status["late_replies"]
    return result
