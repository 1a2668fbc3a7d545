"""The stored findings the inspection reads: which were open on a given day."""

import datetime

import pytest
from django.utils import timezone

from content_checks.models import ContentFinding, FindingKind, Severity

pytestmark = pytest.mark.django_db

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def finding(found, resolved=None, **fields):
    return ContentFinding.objects.create(
        kind=fields.pop("kind", FindingKind.PERSONAL_DATA), severity=fields.pop("severity", Severity.BLOCK),
        message="正文含居民身份证号码", excerpt="3301**********1239", fingerprint=fields.pop("fingerprint", str(found)),
        found_at=found, last_seen_at=resolved or found, resolved_at=resolved, **fields,
    )


def test_a_finding_is_open_from_the_day_it_was_found_until_the_day_it_was_resolved():
    found = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
    resolved = datetime.datetime(2026, 3, 5, 16, 0, tzinfo=SHANGHAI)
    item = finding(found, resolved)
    open_on = lambda day: list(ContentFinding.objects.open_as_of(day))  # noqa: E731
    assert open_on(datetime.date(2026, 3, 1)) == []
    assert open_on(datetime.date(2026, 3, 2)) == [item]
    assert open_on(datetime.date(2026, 3, 4)) == [item]
    # Resolved in the afternoon of the 5th: no longer open at the end of that day.
    assert open_on(datetime.date(2026, 3, 5)) == []
    assert open_on(datetime.datetime(2026, 3, 5, 12, 0, tzinfo=SHANGHAI)) == [item]


def test_a_day_ends_at_midnight_in_the_county_not_in_utc():
    """Found at 23:30 Beijing time on the 2nd (15:30 UTC): open as of the 2nd, not as of the 1st."""
    item = finding(datetime.datetime(2026, 3, 2, 23, 30, tzinfo=SHANGHAI))
    assert list(ContentFinding.objects.open_as_of(datetime.date(2026, 3, 2))) == [item]
    assert list(ContentFinding.objects.open_as_of(datetime.date(2026, 3, 1))) == []


def test_only_one_open_finding_per_fingerprint_but_resolved_ones_are_kept():
    from django.db import IntegrityError, transaction

    first = finding(timezone.now(), resolved=timezone.now(), fingerprint="same")
    second = finding(timezone.now(), fingerprint="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        finding(timezone.now(), fingerprint="same")
    assert set(ContentFinding.objects.filter(fingerprint="same")) == {first, second}
    assert list(ContentFinding.objects.open().filter(fingerprint="same")) == [second]
