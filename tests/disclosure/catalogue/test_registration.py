"""Publishing anywhere registers one catalogue entry; the entry follows the live page, never a draft."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from disclosure.catalogue.registration import WithdrawalReason, importing_history
from disclosure.models import CatalogueEntry, IndexSerial
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage
from tests import factories


def entry_of(page):
    return CatalogueEntry.objects.get(page_key=page.pk)


def test_a_draft_never_changes_the_public_entry(department):
    page = factories.article(factories.column(department), title="原标题")
    before = entry_of(page)

    page.title = "草稿中的新标题"
    page.save_revision()

    after = entry_of(page)
    assert after.title == "原标题"
    assert after.last_updated_at == before.last_updated_at


def test_republishing_updates_the_entry_but_keeps_index_number_and_first_publication(department):
    page = factories.article(factories.column(department), title="原标题")
    before = entry_of(page)

    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "修改后的标题"
    page.keywords = "安全生产"
    page.save_revision().publish()

    after = entry_of(page)
    assert after.title == "修改后的标题"
    assert after.keywords == "安全生产"
    assert after.index_number == before.index_number
    assert after.first_published_at == before.first_published_at
    assert after.last_updated_at > before.last_updated_at
    assert CatalogueEntry.objects.count() == 1


def test_moving_a_page_within_its_tree_updates_the_url_not_the_index_number(department):
    page = factories.article(factories.column(department, ColumnKind.NEWS))
    before = entry_of(page)
    notices = factories.column(department, ColumnKind.NOTICES)

    page.move(notices, pos="last-child")

    after = entry_of(page)
    assert "/tzgg/" in after.url and "/gzdt/" not in after.url
    assert after.column_id == notices.pk
    assert after.column_kind == ColumnKind.NOTICES
    assert after.index_number == before.index_number


def test_moving_a_page_into_another_tree_changes_its_organisation_but_not_its_index_number(department, township):
    page = factories.article(factories.column(department))
    before = entry_of(page)

    page.move(factories.column(township), pos="last-child")

    after = entry_of(page)
    assert after.organisation == township
    assert f"/{township.slug}/" in after.url
    assert after.index_number == before.index_number
    assert after.index_number.startswith(department.credit_code)


def test_renaming_a_column_slug_refreshes_the_urls_of_its_items(department):
    news = factories.column(department)
    page = factories.article(news)
    news.slug = "dongtai"
    news.save_revision().publish()

    assert "/dongtai/" in entry_of(page).url


def test_unpublishing_withdraws_with_time_and_reason(department):
    page = factories.article(factories.column(department))
    page.unpublish()

    entry = entry_of(page)
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawn_at is not None
    assert entry.withdrawal_reason == str(WithdrawalReason.UNPUBLISHED)
    assert not CatalogueEntry.objects.public().filter(pk=entry.pk).exists()


def test_expiring_a_page_withdraws_it_as_expired(department):
    page = factories.article(factories.column(department))
    page.unpublish(set_expired=True)

    entry = entry_of(page)
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawal_reason == str(WithdrawalReason.EXPIRED)


def test_scheduled_expiry_through_publish_scheduled_withdraws_the_entry(department):
    page = factories.article(factories.column(department))
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("publish_scheduled", verbosity=0)

    entry = entry_of(page)
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawal_reason == str(WithdrawalReason.EXPIRED)


def test_scheduled_go_live_registers_the_entry_only_when_it_goes_live(department):
    page = ArticlePage(title="定时发布的通知", body=[("paragraph", "<p>正文</p>")], live=False)
    factories.column(department).add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert not CatalogueEntry.objects.filter(page_key=page.pk).exists()

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        call_command("publish_scheduled", verbosity=0)

    assert entry_of(page).status == CatalogueEntry.Status.LIVE


def test_deleting_a_page_withdraws_and_keeps_the_entry(department):
    page = factories.article(factories.column(department))
    number = entry_of(page).index_number
    page_id = page.pk
    page.delete()

    entry = CatalogueEntry.objects.get(page_key=page_id)
    assert entry.page is None
    assert entry.index_number == number
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawal_reason == str(WithdrawalReason.DELETED)


def test_republishing_a_withdrawn_page_brings_back_the_same_index_number(department):
    page = factories.article(factories.column(department))
    number = entry_of(page).index_number
    page.unpublish()
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()

    entry = entry_of(page)
    assert entry.status == CatalogueEntry.Status.LIVE
    assert entry.index_number == number
    assert entry.withdrawn_at is None and entry.withdrawal_reason == ""


def test_a_rolled_back_publish_leaves_no_gap_in_the_serials(department):
    news = factories.column(department)
    page = ArticlePage(title="将被回滚的发布", body=[("paragraph", "<p>正文</p>")])
    news.add_child(instance=page)
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            page.save_revision().publish()
            assert CatalogueEntry.objects.filter(page_key=page.pk).exists()
            raise RuntimeError("the request failed after publishing")

    assert not CatalogueEntry.objects.filter(page_key=page.pk).exists()
    later = factories.article(news, title="后来的发布")
    assert entry_of(later).index_serial == 1
    assert entry_of(later).index_number.endswith("-00001")


def test_serials_run_per_organisation_and_per_year(department, township):
    first = factories.article(factories.column(department), title="教育局一")
    second = factories.article(factories.column(department), title="教育局二")
    other = factories.article(factories.column(township), title="城关镇一")
    assert [entry_of(p).index_serial for p in (first, second, other)] == [1, 2, 1]

    with importing_history(datetime.datetime(2024, 6, 1, 9, 0, tzinfo=datetime.UTC)):
        old = factories.article(factories.column(department), title="历史信息")
    entry = entry_of(old)
    assert (entry.index_year, entry.index_serial) == (2024, 1)
    assert entry.index_number == f"{department.credit_code}/2024-00001"
    assert entry.first_published_at.year == 2024
    assert IndexSerial.objects.get(organisation=department, year=timezone.localtime().year).last_serial == 2


def test_drafts_take_no_serial(department):
    news = factories.column(department)
    draft = ArticlePage(title="只是草稿", body=[("paragraph", "<p>正文</p>")], live=False)
    news.add_child(instance=draft)
    draft.save_revision()
    page = factories.article(news)
    assert entry_of(page).index_serial == 1


def test_the_format_setting_shapes_the_index_number(department, settings):
    settings.DISCLOSURE_INDEX_NUMBER_FORMAT = "{org}-{year}-{serial:04d}"
    page = factories.article(factories.column(department))
    assert entry_of(page).index_number == f"jyj-{timezone.localtime().year}-0001"


def test_the_system_times_are_recorded_apart_from_the_shown_date(department):
    shown = timezone.now() - datetime.timedelta(days=30)
    page = factories.article(factories.column(department), display_date=shown)
    entry = entry_of(page)
    assert entry.display_date == shown
    assert timezone.now() - entry.first_published_at < datetime.timedelta(minutes=1)


def test_the_gov_cn_style_uses_the_organisation_code_inside_the_credit_code(department, settings):
    settings.DISCLOSURE_INDEX_NUMBER_FORMAT = "{org_code}/{year}-{serial:05d}"
    page = factories.article(factories.column(department))
    assert entry_of(page).index_number == f"{department.credit_code[8:17]}/{timezone.localtime().year}-00001"


def test_a_copied_live_page_gets_its_own_entry_and_number(department):
    page = factories.article(factories.column(department))
    copy = page.copy(update_attrs={"slug": "copy", "title": "复制的文章"}, keep_live=True)
    assert entry_of(copy).index_number != entry_of(page).index_number
    assert entry_of(copy).title == "复制的文章"
