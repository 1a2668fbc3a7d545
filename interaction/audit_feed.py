"""What the audit reads about letters (单项否决: 互动回应差), per organisation, as of a date.

The inspection rule counts, within the past year, messages left unanswered for more than three
months. Here "three months" is **90 days** and "the past year" is the 365 days up to ``as_of``;
a letter counts against the organisation whose mailbox it was written to (the county leader
mailbox counts against the county government), even if it was forwarded, because the inspection
judges the site the citizen wrote to. A letter answered after ``as_of`` counts as unanswered
as of that date. Three queries, however many organisations and letters.
"""

import datetime

from django.db.models import Count, Min, Q

OVERDUE_AFTER_DAYS = 90
LOOKBACK_DAYS = 365


def letter_status(as_of: datetime.date) -> dict[int, dict]:
    """organisation id → {"has_mailbox", "overdue_over_3_months", "oldest_unanswered_days"}."""
    from departments.models import Organisation

    from .models import Letter, Mailbox

    with_mailbox = set(Mailbox.objects.filter(active=True).values_list("organisation_id", flat=True))
    result = {
        organisation_id: {"has_mailbox": organisation_id in with_mailbox, "overdue_over_3_months": 0, "oldest_unanswered_days": None}
        for organisation_id in Organisation.objects.values_list("pk", flat=True)
    }
    overdue_before = as_of - datetime.timedelta(days=OVERDUE_AFTER_DAYS)
    unanswered = (
        Letter.objects.filter(received_on__gt=as_of - datetime.timedelta(days=LOOKBACK_DAYS), received_on__lte=as_of)
        .filter(Q(replied_on__isnull=True) | Q(replied_on__gt=as_of))
        .values("mailbox__organisation_id")
        .annotate(overdue=Count("id", filter=Q(received_on__lt=overdue_before)), oldest=Min("received_on"))
    )
    for row in unanswered:
        status = result.setdefault(
            row["mailbox__organisation_id"], {"has_mailbox": False, "overdue_over_3_months": 0, "oldest_unanswered_days": None}
        )
        status["overdue_over_3_months"] = row["overdue"]
        status["oldest_unanswered_days"] = (as_of - row["oldest"]).days
    return result
