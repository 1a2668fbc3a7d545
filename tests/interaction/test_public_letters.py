"""Answered letters whose writers agreed are public with the name masked; phone and e-mail never appear."""

import datetime

from django.core.cache import cache

from interaction.handling import reply
from interaction.models import Letter
from interaction.statistics import compute_monthly_statistics, monthly_statistics

from .builders import letter, mailbox_of


def test_public_list_masks_the_name_and_never_shows_contact_details(client, county, department):
    box = mailbox_of(department)
    agreed = letter(box, datetime.date(2026, 11, 2), name="王小明")
    reply(agreed, "路灯已修复。", actor=None)
    private = letter(box, datetime.date(2026, 11, 3), subject="不同意公开的来信", may_publish=False)
    reply(private, "已答复。", actor=None)
    letter(box, datetime.date(2026, 11, 4), subject="尚未答复的来信")
    listing = client.get(f"/interaction/mailbox/{box.slug}/").content.decode()
    detail = client.get(f"/interaction/mailbox/{box.slug}/letters/{agreed.pk}/").content.decode()
    for html in (listing, detail):
        assert "王**" in html
        assert "王小明" not in html
        assert "13812345678" not in html and "wxm@example.com" not in html
    assert "城关镇幸福路路灯不亮" in listing
    assert "不同意公开的来信" not in listing and "尚未答复的来信" not in listing
    assert "路灯已修复" in detail and department.name in detail
    assert client.get(f"/interaction/mailbox/{box.slug}/letters/{private.pk}/").status_code == 404


def test_staff_can_withhold_a_letter_from_publication(client, county, department):
    box = mailbox_of(department)
    item = letter(box)
    reply(item, "已答复。", actor=None)
    Letter.objects.filter(pk=item.pk).update(withheld_from_public=True)
    assert client.get(f"/interaction/mailbox/{box.slug}/letters/{item.pk}/").status_code == 404


def test_two_character_names_are_masked_too():
    assert Letter(name="李四").masked_name == "李**"


def test_monthly_statistics(client, county, department):
    cache.clear()
    box = mailbox_of(department)
    on_time = letter(box, datetime.date(2026, 10, 9))
    reply(on_time, "已办。", actor=None, now=_at(datetime.date(2026, 10, 12)))
    late = letter(box, datetime.date(2026, 10, 12))
    reply(late, "已办。", actor=None, now=_at(datetime.date(2026, 11, 20)))
    letter(box, datetime.date(2026, 10, 20))
    letter(box, datetime.date(2026, 11, 2))
    rows = compute_monthly_statistics(box.pk)
    assert [row["month"] for row in rows] == [datetime.date(2026, 11, 1), datetime.date(2026, 10, 1)]
    october = rows[1]
    assert (october["received"], october["answered"], october["on_time"]) == (3, 2, 1)
    # 2026-10-09 → 10-12: 2 working days (Saturday 10-10 is a 国庆调休 working day);
    # 10-12 → 11-20: 29 working days. Average 15.5.
    assert october["average_working_days"] == 15.5
    page = client.get(f"/interaction/mailbox/{box.slug}/statistics/").content.decode()
    assert "2026年10月" in page and "15.5" in page


def test_statistics_are_cached_and_refreshed_by_a_new_letter(county, department, django_capture_on_commit_callbacks):
    cache.clear()
    box = mailbox_of(department)
    assert monthly_statistics(box.pk) == []
    with django_capture_on_commit_callbacks(execute=True):
        letter(box, datetime.date(2026, 11, 2))
    assert monthly_statistics(box.pk)[0]["received"] == 1


def test_personal_data_is_never_in_the_catalogue_and_only_public_letters_are_in_the_search_index(county, department):
    from wagtail.search.index import Indexed

    from disclosure.models import CatalogueEntry
    from interaction.search_indexes import LetterIndex

    item = letter(mailbox_of(department))
    reply(item, "已答复。", actor=None)
    private = letter(mailbox_of(department), may_publish=False)
    reply(private, "已答复。", actor=None)
    letter(mailbox_of(department))
    assert not issubclass(Letter, Indexed)
    assert not CatalogueEntry.objects.filter(body_text__contains="13812345678").exists()
    assert not CatalogueEntry.objects.filter(title__contains=item.subject).exists()
    # The county search holds public letters only, in their public page's masked form (tests/disclosure/search).
    assert list(LetterIndex().index_queryset()) == [item]
    text = LetterIndex().prepare_text(item)
    assert "王小明" not in text and "13812345678" not in text and "wxm@example.com" not in text


def _at(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))


def test_an_answered_letter_appears_on_the_cached_mailbox_page_at_once(client, county, department, settings):
    from portal import page_cache

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    page_cache.forget_local()
    box = mailbox_of(department)
    item = letter(box, datetime.date(2026, 11, 2), subject="东河镇菜市场排水沟堵塞")
    url = f"/interaction/mailbox/{box.slug}/"
    assert "东河镇菜市场排水沟堵塞" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    reply(item, "已安排疏通。", actor=None)
    assert "东河镇菜市场排水沟堵塞" in client.get(url).content.decode()
    page_cache.forget_local()
