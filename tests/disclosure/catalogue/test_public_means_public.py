"""Public means public to everyone: a view restriction on a page or any ancestor takes its entry out of
every public output at once, and removing the restriction brings it back with the same index number.

Decision (docs/catalogue.md): an entry that was public is withdrawn with the reason
``WithdrawalReason.RESTRICTED``; a page that was never public is held back (no entry, no number).
The index-number resolver describes a restricted item to nobody: visitors the restriction admits
are sent to the page, anyone else gets 403 without the title.
"""

import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from disclosure.catalogue.registration import WithdrawalReason
from disclosure.models import CatalogueEntry
from disclosure.yearly_report.table2 import derive_table2
from portal.column_kinds import ColumnKind
from tests import factories

NOW = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def staff_only(department, county):
    """An internal notice in 教育局's notices column, a public notice beside it, and a county policy."""
    column = factories.column(department, ColumnKind.NOTICES)
    internal = factories.article(column, title="关于内部值班安排的通知")
    public = factories.article(factories.column(department, ColumnKind.NEWS), title="教育局公开的工作动态")
    policy = factories.policy(factories.column(department, ColumnKind.POLICIES), title="内部执行的规范性文件",
                              is_normative=True, normative_registration_number="示教规〔2026〕1号")
    return {"column": column, "internal": internal, "public": public, "policy": policy}


def restrict(page, kind=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def entry_of(page):
    return CatalogueEntry.objects.get(page_key=page.pk)


def public_outputs(client, department):
    """Everything a visitor or harvester reads, as one string per output."""
    outputs = {
        "catalogue": client.get("/disclosure/").content.decode(),
        "organisation_catalogue": client.get(f"/disclosure/{department.slug}/").content.decode(),
        "api": json.dumps(client.get("/api/catalogue/").json(), ensure_ascii=False),
        "feed": client.get("/disclosure/feed/").content.decode(),
        "export": b"".join(client.get("/disclosure/export.csv").streaming_content).decode("utf-8"),
        "department_home": client.get(department.home_page.url).content.decode(),
        "portal_home": client.get("/").content.decode(),
    }
    return outputs


def test_a_login_restriction_on_an_ancestor_column_takes_its_items_out_of_every_public_output(
    client, staff_only, department
):
    restrict(staff_only["column"])

    entry = entry_of(staff_only["internal"])
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawal_reason == str(WithdrawalReason.RESTRICTED)
    for name, text in public_outputs(client, department).items():
        assert "关于内部值班安排的通知" not in text, name
        assert "教育局公开的工作动态" in text, name


@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS])
def test_password_and_group_restrictions_on_the_page_itself_count_too(staff_only, kind):
    restriction = restrict(staff_only["internal"], kind, password="mima2026" if kind == "password" else "")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="县教育局内部"))

    assert not CatalogueEntry.objects.public().filter(page_key=staff_only["internal"].pk).exists()
    assert CatalogueEntry.objects.public().filter(page_key=staff_only["public"].pk).exists()


def test_removing_the_restriction_brings_the_entry_back_with_the_same_number(client, staff_only, department):
    number = entry_of(staff_only["internal"]).index_number
    restriction = restrict(staff_only["column"])

    restriction.delete()

    entry = entry_of(staff_only["internal"])
    assert entry.is_live
    assert entry.index_number == number
    assert "关于内部值班安排的通知" in public_outputs(client, department)["catalogue"]


def test_a_page_published_into_a_restricted_section_is_held_back_without_a_number(staff_only, department):
    restrict(staff_only["column"])
    later = factories.article(staff_only["column"], title="限制之后发布的内部通知")

    assert not CatalogueEntry.objects.filter(page_key=later.pk).exists()
    next_public = factories.article(factories.column(department, ColumnKind.NEWS), title="下一条公开信息")
    assert entry_of(next_public).index_serial == 4, "the held-back page took no serial"

    PageViewRestriction.objects.get(page=staff_only["column"]).delete()
    assert entry_of(later).is_live


def test_the_sitemap_and_yearly_report_counts_leave_out_restricted_pages(client, staff_only, department):
    before = derive_table2(2026, department)["normative_issued"]
    restrict(staff_only["policy"])

    assert derive_table2(2026, department)["normative_issued"] == before - 1
    index = ET.fromstring(client.get("/sitemap.xml").content)
    section = index.find(f"{SITEMAP}sitemap").find(f"{SITEMAP}loc").text.replace("http://testserver", "")
    sitemap = client.get(section).content.decode()
    assert f"<loc>http://testserver{staff_only['public'].url}</loc>" in sitemap
    assert staff_only["policy"].url not in sitemap


def test_the_resolver_tells_the_public_nothing_but_lets_those_admitted_through(client, staff_only):
    number = entry_of(staff_only["internal"]).index_number
    restrict(staff_only["column"])

    refused = client.get(f"/disclosure/item/{number}/")
    assert refused.status_code == 403
    text = refused.content.decode()
    assert "该信息不向公众公开" in text
    assert "关于内部值班安排的通知" not in text
    assert staff_only["internal"].url not in text

    client.force_login(User.objects.create_user("jyj_staff", password="pw"))
    admitted = client.get(f"/disclosure/item/{number}/")
    assert admitted.status_code == 302
    assert admitted["Location"] == staff_only["internal"].get_url()


def test_catalogue_sync_check_reports_a_privacy_mismatch_and_sync_fixes_it(staff_only):
    # A restriction written without signals (a bulk import, a raw SQL fix) leaves the entry public.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=staff_only["column"], restriction_type=PageViewRestriction.LOGIN)]
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="隐私不一致 1"):
        call_command("catalogue_sync", "--check", stdout=out)
    assert "隐私不一致" in out.getvalue() and "关于内部值班安排的通知" in out.getvalue()

    call_command("catalogue_sync", stdout=io.StringIO())
    assert entry_of(staff_only["internal"]).withdrawal_reason == str(WithdrawalReason.RESTRICTED)
    call_command("catalogue_sync", "--check", stdout=io.StringIO())


def test_moving_a_public_page_under_a_restricted_column_withdraws_it(staff_only, department):
    restrict(staff_only["column"])
    staff_only["public"].move(staff_only["column"], pos="last-child")

    assert entry_of(staff_only["public"]).withdrawal_reason == str(WithdrawalReason.RESTRICTED)


def test_deleting_a_restricted_page_does_not_bring_its_entry_back(staff_only):
    restrict(staff_only["internal"])
    page_id = staff_only["internal"].pk
    staff_only["internal"].delete()

    assert CatalogueEntry.objects.get(page_key=page_id).status == CatalogueEntry.Status.WITHDRAWN
