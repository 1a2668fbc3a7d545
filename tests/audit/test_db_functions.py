"""The false-date test runs inside the database: HoursApart agrees with Python's arithmetic."""

import datetime

import pytest

from audit.db_functions import HoursApart
from disclosure.models import CatalogueEntry
from tests.audit.builders import bulk_entry
from tests.audit.conftest import at


@pytest.mark.django_db
def test_hours_apart_measures_the_gap_either_way(opened_department):
    published = at(2026, 3, 1, 9)
    gaps = {1: -30, 2: -24, 3: 0, 4: 23.5, 5: 25}
    CatalogueEntry.objects.bulk_create([
        bulk_entry(
            index_number=f"T{number}", index_year=2026, index_serial=number, page_key=900 + number,
            organisation=opened_department, title="测试", url="https://example.gov.cn/",
            display_date=published + datetime.timedelta(hours=hours), first_published_at=published,
            last_updated_at=published,
        )
        for number, hours in gaps.items()
    ])
    measured = dict(
        CatalogueEntry.objects.annotate(apart=HoursApart("display_date", "first_published_at")).values_list("index_serial", "apart")
    )
    for number, hours in gaps.items():
        assert measured[number] == pytest.approx(abs(hours), abs=0.01)
