"""Pages and whole columns move between organisations' trees without blocking anyone's publishing.

An index number belongs to the organisation that first published the item, for good. Moving items into
another organisation (a notice filed in the wrong tree, or a merger of two departments, 机构改革) keeps
every number, moves the entries' organisation, column and URL, leaves redirects from the old URLs, and
the receiving organisation goes on publishing with new, distinct numbers for the rest of the year.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from wagtail.models import Page

from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from tests import factories

JUNE = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.gov.cn", "pw")


def entry_of(page):
    return CatalogueEntry.objects.get(page_key=page.pk)


def serial(entry):
    return (entry.index_year, entry.index_serial)


@time_machine.travel(JUNE, tick=False)
def test_a_page_moved_through_the_admin_keeps_its_number_and_the_target_keeps_publishing(
    client, superuser, department, township
):
    """The collision: both organisations have published serial 1 of 2026; one of them moves across."""
    moved = factories.article(factories.column(department), title="教育局发布的第一条通知")
    factories.article(factories.column(township), title="城关镇发布的第一条通知")
    number = entry_of(moved).index_number
    target = factories.column(township, ColumnKind.NOTICES)
    old_url = moved.url
    client.force_login(superuser)

    response = client.post(f"/admin/pages/{moved.pk}/move/{target.pk}/confirm/")

    assert response.status_code == 302
    entry = entry_of(moved)
    assert entry.index_number == number
    assert entry.organisation == township
    assert entry.column_id == target.pk
    assert f"/townships/{township.slug}/{target.slug}/" in entry.url
    client.logout()
    old_address = client.get(old_url)
    assert old_address.status_code == 301
    assert old_address["Location"].endswith(Page.objects.get(pk=moved.pk).url)

    later = [factories.article(factories.column(township), title=f"城关镇后续通知{n}") for n in range(3)]
    numbers = [entry_of(page).index_number for page in later]
    assert len(set(numbers + [number])) == 4
    assert [serial(entry_of(page)) for page in later] == [(2026, 2), (2026, 3), (2026, 4)]
    assert all(number.startswith(township.credit_code) for number in numbers)


@time_machine.travel(JUNE, tick=False)
def test_a_merger_moves_whole_columns_and_the_merged_organisation_publishes_on(department, township):
    """机构改革: the 城关镇's columns go under the 教育局's home and the 城关镇 is deactivated."""
    absorbed = township
    absorbed_pages = [
        factories.article(factories.column(absorbed, kind), title=f"{kind}栏目的信息{n}")
        for kind in (ColumnKind.NEWS, ColumnKind.NOTICES) for n in range(2)
    ]
    own_news = factories.column(department)
    own = [factories.article(own_news, title=f"教育局自己的信息{n}") for n in range(2)]
    numbers = {page.pk: entry_of(page).index_number for page in absorbed_pages + own}

    for kind in (ColumnKind.NEWS, ColumnKind.NOTICES):
        column = factories.column(absorbed, kind)
        column.slug = f"cgz-{column.slug}"
        column.save_revision().publish()
        Page.objects.get(pk=column.pk).move(department.home_page, pos="last-child")
    absorbed.active = False
    absorbed.save()

    for page in absorbed_pages:
        entry = entry_of(page)
        assert entry.index_number == numbers[page.pk]
        assert entry.organisation == department
        assert entry.is_live
        assert f"/departments/{department.slug}/" in entry.url
    new = factories.article(own_news, title="合并后的第一条信息")
    assert serial(entry_of(new)) == (2026, 3)
    assert len(set(numbers.values()) | {entry_of(new).index_number}) == 7
    assert CatalogueEntry.objects.public().filter(organisation=department).count() == 7
