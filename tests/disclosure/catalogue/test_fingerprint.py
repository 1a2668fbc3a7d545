"""The content fingerprint finds a republished article however its spacing and punctuation were re-typed."""

from disclosure.catalogue.fingerprint import normalise, text_fingerprint

BODY = "为进一步做好全县春季农业生产工作，确保粮食安全，现将有关事项通知如下。"


def test_spacing_punctuation_width_and_case_do_not_change_the_fingerprint():
    retyped = "为进一步做好全县春季农业生产工作, 确保粮食安全 现将有关事项通知如下.\n"
    assert text_fingerprint("关于做好春耕工作的通知", BODY) == text_fingerprint(" 关于做好春耕工作的通知 ", retyped)
    assert normalise("ＡＢＣ　１２３，abc") == "abc123abc"


def test_a_different_title_or_body_gives_a_different_fingerprint():
    first = text_fingerprint("关于做好春耕工作的通知", BODY)
    assert first != text_fingerprint("关于做好秋收工作的通知", BODY)
    assert first != text_fingerprint("关于做好春耕工作的通知", BODY.replace("春季", "秋季"))
    assert len(first) == 32


def test_a_body_too_short_to_judge_gives_no_fingerprint():
    assert text_fingerprint("人事任免", "详见附件。") == ""
    assert text_fingerprint("人事任免", "") == ""


def test_the_migration_fills_the_fingerprint_of_existing_entries(db):
    import datetime
    import importlib

    from django.apps import apps
    from django.utils import timezone

    from disclosure.models import CatalogueEntry
    from tests.audit.builders import bulk_entry
    from tests.factories import make_organisation

    organisation = make_organisation()
    moment = timezone.make_aware(datetime.datetime(2026, 3, 1, 10))
    CatalogueEntry.objects.bulk_create([bulk_entry(
        index_number="M0001", index_year=2026, index_serial=1, page_key=9_000_001, organisation=organisation,
        title="关于做好春耕工作的通知", body_text=BODY, url="https://example.gov.cn/1/", display_date=moment,
        first_published_at=moment, last_updated_at=moment,
    )])
    assert CatalogueEntry.objects.get().fingerprint == ""
    migration = importlib.import_module("disclosure.migrations.0019_catalogue_entry_fingerprint")
    migration.fill_fingerprints(apps, None)
    assert CatalogueEntry.objects.get().fingerprint == text_fingerprint("关于做好春耕工作的通知", BODY)
