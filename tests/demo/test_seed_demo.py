"""The demo county (manage.py seed_demo --small): what a visitor, an editor and the auditor will find.

The demo is built once for the module inside a transaction that is rolled back at the end;
each test runs in a savepoint inside it, so the rest of the suite never sees the demo data.
"""

import datetime
import io
import random
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from demo import schedule
from demo.drafts import Writer
from demo.interaction import DemoPasswordHasher, quick_password_hashing
from demo.logins import DEFAULT_PASSWORD, ensure_logins
from demo.organisations import DEPARTMENTS, TOWNSHIPS, demo_organisations
from demo.policies import policy_item
from departments.credit_codes import is_valid_credit_code
from departments.models import Organisation
from departments.roles import INFORMATION_OFFICE_GROUP
from disclosure.applications.choices import ApplicantType, Status
from disclosure.id_numbers import is_valid_id_number
from disclosure.models import Application, ApplicationEvent, ApplicationNotification, CatalogueEntry
from disclosure.yearly_report.table3 import NATURAL_PERSON, NEW, OUTCOMES_TOTAL, compute_table3
from interaction.audit_feed import letter_status
from interaction.lookup import find_letter
from interaction.models import Letter, LetterEvent, Mailbox
from interaction.statistics import compute_monthly_statistics
from interaction.submission import submit_letter
from portal.column_kinds import ColumnKind
from portal.models import (
    ArticlePage,
    ColumnPage,
    PolicyDocumentPage,
    PolicyInterpretationPage,
    ServiceGuidePage,
    SiteIdentity,
)
from portal.palette import palette_of
from portal.taxonomy import Validity
from tests import factories

LOGINS = ("admin", "jyj_editor", "jyj_approver", "xxb")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run the small demo once for this module; roll it back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = io.StringIO()
            call_command("seed_demo", "--small", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(seeded, db):
    return seeded


def newest_entry(organisation, kind=None):
    entries = CatalogueEntry.objects.filter(organisation=organisation)
    if kind:
        entries = entries.filter(column_kind=kind)
    return entries.order_by("-first_published_at").first()


def test_small_demo_builds_the_county_three_departments_and_two_townships(demo):
    kinds = Counter(Organisation.objects.values_list("kind", flat=True))
    assert kinds == {"county": 1, "department": 3, "township": 2}
    # About 40 items, plus the county's 政民互动 pages: 2 consultations, 1 feedback report, 2 interviews.
    assert 45 <= CatalogueEntry.objects.public().count() <= 65
    organisations = list(Organisation.objects.all())
    for organisation in organisations:
        assert 2 <= organisation.leaders.count() <= 3
        assert organisation.address and organisation.phone and organisation.responsibilities
        assert re.fullmatch(r"[a-z0-9]+", organisation.slug)


def test_every_channel_of_the_demo_county_is_drawn_in_the_county_palette(demo, client):
    """One main colour per website: the demo's departments and townships are channels of the portal."""
    identity = SiteIdentity.objects.get(site__is_default_site=True)
    county_style = f">{palette_of(identity).css()}</style>"
    organisations = list(Organisation.objects.select_related("home_page"))
    assert not any(organisation.is_own_website for organisation in organisations)
    assert [organisation.banner_colour for organisation in organisations] == [""] * len(organisations)
    for organisation in organisations:
        html = client.get(organisation.home_page.url).content.decode()
        assert county_style in html, organisation.name
        assert html.count("<style nonce=") == 1


def test_every_credit_code_is_valid_and_fictional(demo):
    for code in Organisation.objects.values_list("credit_code", flat=True):
        assert is_valid_credit_code(code), code
        assert code.startswith("11330199")


def test_every_page_type_is_published(demo):
    for model in (ArticlePage, PolicyDocumentPage, PolicyInterpretationPage, ServiceGuidePage):
        assert model.objects.live().exists(), model.__name__
    for interpretation in PolicyInterpretationPage.objects.live():
        assert interpretation.policy is not None
        assert interpretation.policy.organisation == interpretation.organisation
        assert interpretation.display_date > interpretation.policy.display_date
    for policy in PolicyDocumentPage.objects.live():
        assert re.search(r"〔\d{4}〕\d+号$", policy.document_number), policy.document_number
        assert policy.written_date <= timezone.localtime(policy.display_date).date()
    guides = list(ServiceGuidePage.objects.live())
    for guide in guides:
        assert guide.service_name and guide.materials and guide.process and guide.legal_time_limit and guide.phone
    assert any(guide.forms for guide in guides), "some guides offer their application form for download"


def test_the_portal_home_has_an_introduction_and_service_links(demo):
    county = Organisation.objects.get(kind="county")
    home = county.home_page.specific
    assert "示例县" in home.intro
    assert len(home.service_links) >= 3


def test_every_live_disclosed_page_has_a_catalogue_entry_with_its_historical_time(demo):
    pages = [page for page in Page.objects.live().specific() if getattr(page, "is_disclosed", False)]
    assert len(pages) >= 40
    entries = {entry.page_id: entry for entry in CatalogueEntry.objects.filter(page__in=[page.pk for page in pages])}
    updated = set()
    for page in pages:
        entry = entries[page.pk]
        assert entry.first_published_at == page.display_date == page.first_published_at
        assert Revision.objects.get(pk=page.live_revision_id).created_at == page.last_published_at
        if page.last_published_at != page.first_published_at:
            assert page.last_published_at > page.first_published_at
            updated.add(page.title)
    # Only the interview archived with its full record after it was held was published again.
    assert updated == {"“优化营商环境 服务企业发展”在线访谈"}
    published = [entry.first_published_at for entry in entries.values()]
    now = timezone.now()
    assert all(moment < now for moment in published)
    assert min(published) < now - datetime.timedelta(days=300)
    months = {(moment.year, moment.month) for moment in published}
    assert len(months) >= 6, "items must be spread over months, not all published today"
    assert sum(1 for moment in published if moment.date() == now.date()) <= 3


def test_index_numbers_rise_with_the_recorded_publication_time(demo):
    for organisation in Organisation.objects.all():
        entries = list(CatalogueEntry.objects.filter(organisation=organisation).order_by("first_published_at", "pk"))
        by_year = {}
        for entry in entries:
            assert entry.index_year == timezone.localtime(entry.first_published_at).year
            by_year.setdefault(entry.index_year, []).append(entry.index_serial)
        for serials in by_year.values():
            assert serials == sorted(serials) == list(range(1, len(serials) + 1))


def test_the_audit_finds_stale_and_empty_columns_and_a_fresh_portal(demo):
    now = timezone.now()
    stale_department = Organisation.objects.get(slug="zrzyj")
    age = now - newest_entry(stale_department, ColumnKind.NEWS).first_published_at
    assert datetime.timedelta(days=39) < age < datetime.timedelta(days=44)

    dormant_township = Organisation.objects.get(slug="hkx")
    assert now - newest_entry(dormant_township).first_published_at > datetime.timedelta(days=90)

    empty = ColumnPage.objects.child_of(dormant_township.home_page).get(kind=ColumnKind.INTERPRETATIONS)
    assert not CatalogueEntry.objects.filter(column=empty).exists()

    county = Organisation.objects.get(kind="county")
    assert now - newest_entry(county, ColumnKind.HEADLINES).first_published_at < datetime.timedelta(days=3)
    lively = Organisation.objects.get(slug="jyj")
    assert now - newest_entry(lively, ColumnKind.NEWS).first_published_at < datetime.timedelta(days=14)


def test_images_have_alt_text_and_files_live_in_the_organisations_collection(demo):
    images = get_image_model().objects.all()
    assert images.exists()
    collections = set(Organisation.objects.values_list("collection_id", flat=True))
    portraits = images.filter(title__startswith="访谈嘉宾照片")  # the interviews' guests (demo/interviews.py)
    assert portraits.count() == 3
    for image in images.exclude(pk__in=portraits):
        assert image.description.startswith("示意插图")
        assert image.width == 960
    for image in portraits:
        assert image.description.startswith("示意照片：访谈嘉宾")
        assert image.width == 320
    for image in images:
        assert image.collection_id in collections
        assert image.file_size > 0
    documents = get_document_model().objects.all()
    assert documents.exists()
    assert all(document.collection_id in collections for document in documents)
    article = ArticlePage.objects.live().filter(cover_image__isnull=False).first()
    image_blocks = [block for block in article.body if block.block_type == "image"]
    assert image_blocks and image_blocks[0].value["alt_text"]


@pytest.mark.parametrize("username", LOGINS)
def test_demo_logins_can_sign_in_to_the_admin(demo, client, username):
    assert client.login(username=username, password=DEFAULT_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_demo_logins_have_their_roles_and_are_printed(demo):
    users = {user.username: user for user in get_user_model().objects.filter(username__in=LOGINS)}
    jyj = Organisation.objects.get(slug="jyj")
    assert users["admin"].is_superuser
    assert list(users["jyj_editor"].groups.all()) == [jyj.editors_group]
    assert list(users["jyj_approver"].groups.all()) == [jyj.approvers_group]
    assert users["xxb"].groups.filter(name=INFORMATION_OFFICE_GROUP).exists()
    assert not users["jyj_editor"].is_superuser
    assert "http://testserver/admin/" in demo
    for username in LOGINS:
        assert re.search(rf"{username}\s+密码 {re.escape(DEFAULT_PASSWORD)}", demo)


def test_the_demo_password_can_be_set_from_the_environment(demo, client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Another#2026")
    logins = ensure_logins()
    assert {login.password for login in logins} == {"Another#2026"}
    assert client.login(username="xxb", password="Another#2026")
    assert not client.login(username="xxb", password=DEFAULT_PASSWORD)


def test_running_the_seed_again_changes_nothing(demo):
    def snapshot():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "entries": CatalogueEntry.objects.count(),
            "updated": list(CatalogueEntry.objects.order_by("pk").values_list("last_updated_at", flat=True)),
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "users": get_user_model().objects.count(),
            "organisations": Organisation.objects.count(),
            "passwords": list(get_user_model().objects.order_by("pk").values_list("password", flat=True)),
            "letters": list(Letter.objects.order_by("pk").values_list("tracking_code", "status", "reply")),
            "letter events": LetterEvent.objects.count(),
            "applications": list(Application.objects.order_by("pk").values_list("tracking_number", "status", "outcome")),
            "application events": ApplicationEvent.objects.count(),
        }

    before = snapshot()
    out = io.StringIO()
    call_command("seed_demo", "--small", stdout=out)
    assert snapshot() == before
    assert "未做改动" in out.getvalue()
    assert f"来信 {len(before['letters'])} 封，申请 {len(before['applications'])} 件），未做改动" in out.getvalue()
    assert "jyj_editor" in out.getvalue()


def test_a_clash_with_a_real_organisation_stops_the_seed_with_a_clear_message(demo):
    rsj = next(profile for profile in DEPARTMENTS if profile.key == "rsj")
    factories.make_organisation("示例县人社局（真实）", "rsj-real", credit_code=rsj.credit_code)
    with pytest.raises(CommandError, match="无法创建演示机构"):
        call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.parametrize("scale", ["0", "11"])
def test_a_scale_outside_one_to_ten_is_refused(scale):
    with pytest.raises(CommandError, match="--scale"):
        call_command("seed_demo", "--scale", scale, stdout=io.StringIO())


def test_scaled_copies_get_distinct_names_slugs_and_credit_codes():
    profiles = demo_organisations(scale=2)
    assert len(profiles) == 1 + 2 * (len(DEPARTMENTS) + len(TOWNSHIPS))
    for attribute in ("name", "slug", "credit_code", "key"):
        values = [getattr(profile, attribute) for profile in profiles]
        assert len(values) == len(set(values)), attribute
    copy = next(profile for profile in profiles if profile.slug == "jyj2")
    assert copy.name == "示例县教育局二" and is_valid_credit_code(copy.credit_code)


def test_the_schedule_keeps_every_item_in_the_past_two_years_and_honours_stale_and_backdated_columns():
    now = timezone.now()
    for profile in demo_organisations():
        plans = schedule.plan_items(profile, random.Random(profile.key), now)
        assert plans == sorted(plans, key=lambda plan: (plan.when, plan.order))
        for plan in plans:
            assert now - datetime.timedelta(days=schedule.OLDEST_AGE + 3) < plan.when < now
            assert plan.kind not in profile.empty
            if profile.dormant_days:
                assert now - plan.when > datetime.timedelta(days=profile.dormant_days - 1)
        for kind, age in profile.stale.items():
            newest = max(plan.when for plan in plans if plan.kind == kind)
            assert now - newest > datetime.timedelta(days=age - 1)
        backdated = [plan for plan in plans if plan.display_when is not None]
        if profile.backdated_days:
            assert len(backdated) == 1 and backdated[0].kind == ColumnKind.NEWS
            assert backdated[0].when - backdated[0].shown == datetime.timedelta(days=profile.backdated_days)
        else:
            assert backdated == []


def test_old_policies_are_sometimes_expired_or_repealed_and_recent_ones_stay_valid():
    profile = DEPARTMENTS[0]
    now = timezone.now()
    writer = Writer(profile, random.Random(7), [("局长", "王建军"), ("副局长", "李明")])
    old = [policy_item(writer, now - datetime.timedelta(days=500), 500).fields["validity"] for _ in range(30)]
    recent = [policy_item(writer, now - datetime.timedelta(days=30), 30).fields["validity"] for _ in range(30)]
    assert {Validity.EXPIRED, Validity.REPEALED} & set(old)
    assert Validity.VALID in old
    assert set(recent) == {Validity.VALID}


# ---- letters and applications (demo/interaction.py) ----


def test_letters_in_all_four_categories_mostly_answered_on_time_some_late_forwarded_or_open(demo):
    letters = list(Letter.objects.select_related("mailbox__organisation", "organisation", "replying_organisation"))
    assert 15 <= len(letters) <= 30
    assert {letter.category for letter in letters} == set(Letter.Category.values)
    assert {letter.mailbox.kind for letter in letters} == {Mailbox.Kind.LEADER, Mailbox.Kind.ORGANISATION}
    assert len({letter.mailbox_id for letter in letters}) >= 6
    answered = [letter for letter in letters if letter.status == Letter.Status.ANSWERED]
    on_time = [letter for letter in answered if letter.replied_on_time]
    assert len(on_time) > len(answered) / 2
    assert any(letter.replied_on_time is False for letter in answered), "some answered late"
    today = timezone.localdate()
    for letter in answered:
        assert letter.replied_on > letter.received_on
        if letter.due_on is not None:  # None only where the holiday calendar lacks the year
            assert letter.replied_on_time == (letter.replied_on <= letter.due_on)
        assert letter.replying_organisation == letter.organisation
        assert letter.reply.startswith("您好！") and letter.organisation.name in letter.reply
        assert letter.name not in letter.reply, "a published reply must not name the writer"
        assert letter.replied_at < timezone.now()
    assert re.fullmatch(r"1380000\d{4}", letters[0].phone)
    recent = today - datetime.timedelta(days=5)
    open_letters = [letter for letter in letters if letter.status != Letter.Status.ANSWERED and letter.received_on > recent]
    assert open_letters and all(not letter.is_overdue(today) for letter in open_letters)
    forwarded = [letter for letter in answered if letter.organisation != letter.mailbox.organisation]
    assert forwarded, "a letter forwarded (转办) to another organisation"
    kinds = list(forwarded[0].events.values_list("kind", flat=True))
    assert kinds == ["received", "notified", "forwarded", "replied"]
    assert f"已由{forwarded[0].mailbox.organisation.name}转交" in forwarded[0].reply


def test_the_letter_trail_carries_the_historical_times_and_no_mail_is_left_to_send(demo):
    for letter in Letter.objects.all():
        events = {event.kind: event.at for event in letter.events.all()}
        assert events["received"] == letter.received_at
        assert letter.received_at < events["notified"] == letter.notified_at < letter.received_at + datetime.timedelta(hours=1)
        if letter.replied_at:
            assert events["replied"] == letter.replied_at
    assert not ApplicationNotification.objects.exclude(state=ApplicationNotification.State.SENT).exists()


def test_the_dormant_township_left_a_letter_unanswered_for_over_three_months_and_only_it(demo):
    status = letter_status(timezone.localdate())
    township = Organisation.objects.get(slug="hkx")
    assert status[township.pk]["overdue_over_3_months"] == 1
    assert status[township.pk]["oldest_unanswered_days"] > 90
    assert all(row["overdue_over_3_months"] == 0 for pk, row in status.items() if pk != township.pk)


def test_published_letters_fill_the_public_list_and_the_monthly_statistics(demo, client):
    published = Letter.objects.filter(status=Letter.Status.ANSWERED, may_publish=True, withheld_from_public=False)
    assert published.count() >= 3
    letter = published.select_related("mailbox").first()
    page = client.get(f"/interaction/mailbox/{letter.mailbox.slug}/").content.decode()
    assert letter.subject in page and letter.masked_name in page
    assert letter.phone not in page and letter.name not in page
    rows = compute_monthly_statistics(letter.mailbox_id)
    assert sum(row["received"] for row in rows) == Letter.objects.filter(mailbox=letter.mailbox).count()
    assert any(row["average_working_days"] for row in rows)
    assert len({row["month"] for mailbox in Mailbox.objects.all() for row in compute_monthly_statistics(mailbox.pk)}) >= 6


def test_applications_from_citizens_and_legal_persons_fill_last_years_table_3(demo):
    applications = list(Application.objects.all())
    assert 6 <= len(applications) <= 12
    citizens = [item for item in applications if item.applicant_type == ApplicantType.CITIZEN]
    legal_persons = [item for item in applications if item.applicant_type == ApplicantType.ORGANISATION]
    assert citizens and legal_persons
    for application in citizens:
        assert is_valid_id_number(application.id_number) and application.id_number.startswith("330199")
        assert application.credit_code == ""
    for application in legal_persons:
        assert is_valid_credit_code(application.credit_code) and application.organisation_category
        assert application.legal_representative and application.id_number == ""
    for application in applications:
        assert application.tracking_number.startswith(f"YSQ-{timezone.localtime(application.submitted_at).year}-")
        assert re.fullmatch(r"1380000\d{4}", application.phone)
    answered = [item for item in applications if item.status == Status.ANSWERED]
    assert len({item.outcome for item in answered}) >= 5
    assert all(item.reply_letter and item.answered_on >= item.received_on for item in answered)
    assert any(item.status != Status.ANSWERED for item in applications), "a recent application is still being handled"
    last_year = compute_table3(timezone.localdate().year - 1)
    assert last_year.value(NEW) > 0 and last_year.value(OUTCOMES_TOTAL) > 0
    assert last_year.value(NEW, NATURAL_PERSON) > 0
    assert last_year.check() == []


def test_the_seed_summary_counts_letters_and_applications(demo):
    letters, applications = Letter.objects.count(), Application.objects.count()
    assert re.search(rf"来信 {letters} 封（按期答复 \d+，逾期答复 \d+，转办 \d+，办理中 \d+，超过3个月未答复 1，同意公开 \d+）", demo)
    assert f"依申请公开 {applications} 件（公民 " in demo


def test_demo_query_passwords_are_hashed_quickly_yet_verify_with_the_sites_hasher(demo, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    mailbox = Mailbox.objects.get(slug="jyj")
    data = {"name": "王小明", "phone": "13800001234", "email": "", "subject": "测试来信标题",
            "message": "这是一封测试来信的内容，用于检查密码。", "category": "enquiry", "may_publish": False}
    with quick_password_hashing():
        receipt = submit_letter(mailbox, data)
    assert receipt.letter.query_password.startswith(f"pbkdf2_sha256${DemoPasswordHasher.iterations}$")
    assert find_letter(receipt.tracking_code, receipt.password) == receipt.letter


def test_the_demo_files_its_items_and_leaves_a_few_due(demo):
    """法定主动公开内容: policies are filed under their item; a missed month and a missing 机构设置 are due."""
    from disclosure.catalogue.due_items import FindingKind, due_items

    policies = CatalogueEntry.objects.filter(column_kind="policies")
    assert policies.exists()
    assert not policies.exclude(statutory_item__code="a20-01-normative-documents").exists()
    assert CatalogueEntry.objects.filter(statutory_item__code="gk-rules").count() == 2
    report = {due.organisation.slug: due for due in due_items()}
    assert [f.detail for f in report["hkx"].findings if f.kind == FindingKind.FACT_MISSING] == ["未填写机构设置。"]
    monthly = [f for due in report.values() for f in due.findings if f.item and f.item.code == "local-czj-monthly-finance"]
    assert [f.kind for f in monthly] == [FindingKind.NOT_PUBLISHED]
    assert not [f for f in report["jyj"].findings if f.kind == FindingKind.FACT_MISSING]
