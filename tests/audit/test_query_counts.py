"""The audit reads the database a fixed number of times, however many organisations and columns there are."""

import datetime
import io
import itertools

import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from departments.roles import ensure_information_office_group
from disclosure.models import CatalogueEntry
from portal.models import ColumnPage
from tests.audit.builders import bulk_entry
from tests.audit.conftest import OPENED, at
from tests.factories import make_organisation, user_in

NOW = at(2026, 3, 10, 12)
_serial = itertools.count(1)


def add_organisations(count):
    """Organisations with three catalogue entries in each of their columns (one false-dated)."""
    with time_machine.travel(OPENED, tick=False):
        organisations = [make_organisation() for _index in range(count)]
    entries = []
    for organisation in organisations:
        for column in ColumnPage.objects.child_of(organisation.home_page):
            for days_ago, shown_offset in ((3, 0), (40, 0), (200, 5)):
                number = next(_serial)
                published = NOW - datetime.timedelta(days=days_ago)
                entries.append(bulk_entry(
                    index_number=f"Q{number:08d}", index_year=2026, index_serial=number, page_key=10_000_000 + number,
                    organisation=organisation, column_id=column.pk, column_title=column.title, column_kind=column.kind,
                    title=f"测试信息{number}", url=f"https://example.gov.cn/{number}/",
                    display_date=published - datetime.timedelta(days=shown_offset),
                    first_published_at=published, last_updated_at=published,
                ))
    CatalogueEntry.objects.bulk_create(entries)


def count_queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def measure(client):
    def report_json():
        call_command("audit_report", "--format", "json", stdout=io.StringIO())

    with time_machine.travel(NOW, tick=False):
        return {
            "dashboard": count_queries(lambda: client.get("/admin/audit/")),
            "organisation": count_queries(lambda: client.get("/admin/audit/organisation/county/")),
            "export": count_queries(lambda: client.get("/admin/audit/export/csv/")),
            "command": count_queries(report_json),
        }


def test_query_counts_do_not_grow_with_the_number_of_organisations(client, county, django_assert_max_num_queries):
    client.force_login(user_in(ensure_information_office_group()))
    add_organisations(2)
    small = measure(client)
    add_organisations(4)
    large = measure(client)
    assert small == large
    # The audit's own reads: 旧稿新发, 逾期公开 and 政策解读 added five to the earlier twenty; 在线访谈 one more.
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(26):
        call_command("audit_report", "--format", "json", stdout=io.StringIO())
    # A ceiling for the admin chrome (menus, session and 2FA checks); what must hold is small == large above.
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(80):
        response = client.get("/admin/audit/")
    assert len(response.context["rows"]) == 7
