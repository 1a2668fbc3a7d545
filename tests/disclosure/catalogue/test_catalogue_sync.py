"""catalogue_sync rebuilds the catalogue from the live pages idempotently and never changes an index number."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from disclosure.catalogue import sync
from disclosure.models import CatalogueEntry
from tests import factories


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("catalogue_sync", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def pages(department, township):
    return {
        "kept": factories.article(factories.column(department), title="保持一致的信息"),
        "drifted": factories.article(factories.column(department), title="将被改乱的信息"),
        "lost": factories.article(factories.column(township), title="条目丢失的信息"),
        "hidden": factories.article(factories.column(township), title="悄悄下线的信息"),
        "back": factories.article(factories.column(township), title="重新上线的信息"),
    }


def numbers():
    return dict(CatalogueEntry.objects.values_list("page_key", "index_number"))


def test_a_consistent_catalogue_passes_the_check(pages):
    assert "一致" in run("--check")


def test_drift_is_reported_by_check_and_fixed_by_sync(pages):
    CatalogueEntry.objects.filter(page_key=pages["drifted"].pk).update(title="被改乱的标题", url="http://wrong/")
    lost_first_published = Page.objects.get(pk=pages["lost"].pk).first_published_at
    CatalogueEntry.objects.filter(page_key=pages["lost"].pk).delete()
    Page.objects.filter(pk=pages["hidden"].pk).update(live=False)  # unpublished behind the catalogue's back
    CatalogueEntry.objects.filter(page_key=pages["back"].pk).update(
        status=CatalogueEntry.Status.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_reason="测试"
    )
    before = numbers()
    snapshot = list(CatalogueEntry.objects.order_by("pk").values())

    with pytest.raises(CommandError, match="共 4 处差异"):
        run("--check")
    assert list(CatalogueEntry.objects.order_by("pk").values()) == snapshot  # --check changes nothing

    output = run()
    assert "将被改乱的信息" in output and "title" in output and "url" in output
    assert "条目丢失的信息" in output and "悄悄下线的信息" in output and "重新上线的信息" in output

    after = numbers()
    for page_key, number in before.items():
        assert after[page_key] == number  # never renumbered
    drifted = CatalogueEntry.objects.get(page_key=pages["drifted"].pk)
    assert drifted.title == "将被改乱的信息" and drifted.url == Page.objects.get(pk=pages["drifted"].pk).get_full_url()
    hidden = CatalogueEntry.objects.get(page_key=pages["hidden"].pk)
    assert hidden.status == CatalogueEntry.Status.WITHDRAWN and hidden.withdrawal_reason
    assert CatalogueEntry.objects.get(page_key=pages["back"].pk).is_live
    lost = CatalogueEntry.objects.get(page_key=pages["lost"].pk)
    assert lost.is_live and lost.first_published_at == lost_first_published
    assert lost.index_number not in before.values()  # a new number, not a reused one

    assert "一致" in run("--check")
    assert "一致" in run()  # idempotent: a second run changes nothing


def test_an_entry_whose_page_was_deleted_is_withdrawn_as_deleted(pages):
    from disclosure.catalogue.registration import WithdrawalReason

    page_key = pages["kept"].pk
    entry = CatalogueEntry.objects.get(page_key=page_key)
    pages["kept"].delete()
    CatalogueEntry.objects.filter(pk=entry.pk).update(status=CatalogueEntry.Status.LIVE, withdrawn_at=None)

    differences = sync.compare()
    assert [(d.action, d.reason) for d in differences] == [("withdraw", str(WithdrawalReason.DELETED))]
    sync.apply(differences)
    entry.refresh_from_db()
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.index_number == numbers()[page_key]


def test_a_missing_entry_gets_the_year_of_its_first_publication(department):
    page = factories.article(factories.column(department), title="去年发布的信息")
    last_year = timezone.now() - datetime.timedelta(days=400)
    Page.objects.filter(pk=page.pk).update(first_published_at=last_year, last_published_at=last_year)
    CatalogueEntry.objects.filter(page_key=page.pk).delete()

    run()

    entry = CatalogueEntry.objects.get(page_key=page.pk)
    assert entry.index_year == timezone.localtime(last_year).year
    assert entry.index_serial == 1


def test_the_small_demo_leaves_a_consistent_catalogue(db):
    call_command("seed_demo", "--small", verbosity=0)
    assert CatalogueEntry.objects.public().exists()
    assert sync.compare() == []
