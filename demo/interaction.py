"""Letters to the mailboxes and applications for disclosure in the demo county, through the real services.

Every letter is stored by ``interaction.submission.submit_letter`` (tracking code, hashed query
password, reply deadline on the holiday calendar) and handled by ``interaction.handling`` (转办,
答复); every application is stored by ``disclosure.applications.submission.submit`` and taken
through ``disclosure.applications.processing`` (确认收到, 补正, 延期, 征求第三方意见, 答复). As with
the pages (``builder.publish_at``), the times the trails record are then set to the historical
moment, and the notification e-mails are recorded as sent back then instead of being sent today.

What the county shows: most letters answered on time by the organisation written to, some late,
some forwarded from the 县长信箱 (or from a department to a township), a few still open within their
deadline, and one letter to the dormant township (河口乡) left unanswered for over three months, which
the audit's 互动回应差 veto finds. Writers agreeing to publication fill the public lists and the monthly
statistics. Applications come from citizens (valid GB 11643 numbers in the fictional division
330199) and legal persons (valid credit codes) with the outcomes of the yearly report's table 3.

Each letter and application carries a fixed one-time token (``demo-…``), the key the real services
use to recognise a double submission: running the seed again returns the stored items and adds nothing.
"""

import datetime
import random
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher
from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from departments.credit_codes import make_credit_code
from departments.models import Organisation
from disclosure.applications import deadlines, processing
from disclosure.applications.choices import ApplicantType, DeliveryMethod, IdType, Outcome, ProvisionForm, Status
from disclosure.applications.notifications import mark_email_delivered
from disclosure.applications.submission import submit
from disclosure.id_numbers import make_id_number
from disclosure.models import Application, ApplicationEvent, ApplicationNotification, NoticeDelivery
from interaction import handling
from interaction.models import Letter, LetterEvent, Mailbox
from interaction.submission import submit_letter
from interaction.working_days import ScheduleMissing, add_working_days, is_working_day

from . import letters as texts
from .organisations import DIVISION_CODE, demo_organisations
from .people import person_name
from .schedule import OLDEST_AGE

LETTER_TOKEN = "demo-letter-"
APPLICATION_TOKEN = "demo-application-"
# Letters per mailbox and applications per organisation: (full demo, --small).
LETTER_COUNTS = {"leader": (12, 4), "county": (4, 2), "department": (5, 3), "township": (5, 3)}
OPEN_LETTERS = {"leader": (2, 1), "county": (0, 0), "department": (0.4, 1), "township": (0, 0)}  # a fraction: that chance of one
APPLICATION_COUNTS = {"county": (6, 3), "department": (3, 1), "township": (2, 1)}
LATE_SHARE = 0.15  # answered after the deadline
PUBLISH_SHARE = 0.6  # writers agreeing to publication
OLDEST_ANSWERED = OLDEST_AGE - 5
NEWEST_ANSWERED = 45  # days: an answered letter was answered well before today
# (applicant type, what happens); cycled through the applications in order, the newest are left open.
SCENARIOS = (
    (ApplicantType.CITIZEN, "disclosed"),
    (ApplicantType.ORGANISATION, "consulted_partially"),
    (ApplicantType.CITIZEN, "not_held"),
    (ApplicantType.ORGANISATION, "consulted_withheld"),
    (ApplicantType.CITIZEN, "not_corrected"),
    (ApplicantType.ORGANISATION, "disclosed"),
    (ApplicantType.CITIZEN, "process_information"),
    (ApplicantType.CITIZEN, "petition"),
    (ApplicantType.ORGANISATION, "extended"),
    (ApplicantType.CITIZEN, "corrected"),
    (ApplicantType.ORGANISATION, "needs_creation"),
    (ApplicantType.CITIZEN, "repeat"),
)
STREETS = ("人民路", "解放路", "文昌路", "东湖路", "城北大道", "河滨路")
SIMPLE_OUTCOMES = {
    "disclosed": Outcome.DISCLOSED,
    "not_held": Outcome.UNAVAILABLE_NOT_HELD,
    "process_information": Outcome.WITHHELD_PROCESS,
    "petition": Outcome.NOT_HANDLED_PETITION,
    "needs_creation": Outcome.UNAVAILABLE_NEEDS_CREATION,
    "repeat": Outcome.NOT_HANDLED_REPEAT,
}


@dataclass
class CorrespondenceReport:
    letters: int = 0  # created this run
    answered: int = 0
    late: int = 0
    forwarded: int = 0
    open: int = 0
    overdue: int = 0  # unanswered for more than three months
    published: int = 0
    applications: int = 0
    citizens: int = 0
    organisations: int = 0
    answered_applications: int = 0
    existing_letters: int = 0
    existing_applications: int = 0
    seconds: float = 0.0


class DemoPasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with few rounds, for the demo letters' query passwords only.

    Those passwords are random, shown to nobody and thrown away, so hashing ~100 of them at the full
    cost (~0.2 s each) would only slow the seed down. The stored hash names the standard algorithm and
    its round count, so the site's own PBKDF2 hasher verifies it like any other.
    """

    iterations = 1000


@contextmanager
def quick_password_hashing():
    if get_hasher().algorithm != PBKDF2PasswordHasher.algorithm:  # e.g. the tests' MD5: already fast
        yield
        return
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.DemoPasswordHasher", *settings.PASSWORD_HASHERS]):
        yield


def seed_correspondence(small=False, scale=1, now=None):
    """Letters and applications for every demo organisation that exists; returns a CorrespondenceReport."""
    started = time.monotonic()
    now = now or timezone.now()
    report = CorrespondenceReport()
    organisations = demo_organisation_map(small=small, scale=scale)
    if not organisations:
        return report
    letter_plans = []
    for profile, organisation in organisations.values():
        letter_plans += plan_letters(profile, organisation, organisations, now, small)
    application_plans = plan_applications(organisations, now, small)
    with quick_password_hashing(), transaction.atomic():
        for plan in sorted(letter_plans, key=lambda plan: plan.received_at):
            make_letter(plan, now, report)
        for plan in sorted(application_plans, key=lambda plan: plan.submitted_at):
            make_application(plan, report)
    report.seconds = time.monotonic() - started
    return report


def demo_organisation_map(small=False, scale=1):
    """profile key → (profile, organisation) for the demo organisations present in the database."""
    profiles = demo_organisations(small=small, scale=scale)
    county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).first()
    by_slug = {organisation.slug: organisation for organisation in Organisation.objects.filter(
        slug__in=[profile.slug for profile in profiles if not profile.is_county])}
    found = {}
    for profile in profiles:
        organisation = county if profile.is_county else by_slug.get(profile.slug)
        if organisation is not None:
            found[profile.key] = (profile, organisation)
    return found


def base_key(key):
    """jyj2 (a --scale copy) writes and is written about like jyj."""
    return re.sub(r"\d+$", "", key)


def pick(counts, small):
    return counts[1] if small else counts[0]


def local_moment(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def working_days_after(day, count):
    """``count`` working days after ``day`` on the official calendar (a plain estimate where it has no year)."""
    return add_working_days(day, count) or day + datetime.timedelta(days=count + count // 5 * 2)


def first_working_day(day):
    try:
        return day if is_working_day(day) else working_days_after(day, 1)
    except ScheduleMissing:
        return day


def self_reference(organisation):
    """How an organisation refers to itself in a reply: 我局、我分局、我镇、我乡、我街道."""
    if organisation.kind == Organisation.Kind.COUNTY:
        return "县政府办公室"
    name = organisation.short_name or organisation.name
    for suffix in ("分局", "街道", "局", "镇", "乡"):
        if suffix in name:
            return f"我{suffix}"
    return "我单位"


def residential_places(profile):
    return [place for place in profile.places if "服务中心" not in place and "园区" not in place] or list(profile.places)


# ---- letters ---------------------------------------------------------------------------------------


@dataclass
class LetterPlan:
    token: str
    mailbox: Mailbox
    topic: texts.LetterTopic
    fill: dict
    writer: dict
    received_at: datetime.datetime
    fate: str  # on_time, late, open, ignored
    forward_to: Organisation | None = None
    reply_after: int = 0  # working days


def mailbox_topics(profile, kind, present):
    if kind == "leader":  # the county leader mailbox forwards to departments that are part of this demo
        return [topic for topic in texts.LEADER if not topic.handled_by or topic.handled_by in present]
    if kind == "county":
        return list(texts.COUNTY)
    if profile.kind == "township":
        return list(texts.TOWNSHIP)
    return list(texts.DEPARTMENT.get(base_key(profile.key), ()))


def plan_letters(profile, organisation, organisations, now, small):
    plans = []
    mailboxes = {mailbox.kind: mailbox for mailbox in Mailbox.objects.filter(organisation=organisation, active=True)}
    kinds = [("leader", "leader"), ("county", "organisation")] if profile.is_county else [(profile.kind, "organisation")]
    present = {base_key(key) for key in organisations}
    for kind, mailbox_kind in kinds:
        mailbox = mailboxes.get(mailbox_kind)
        topics = mailbox_topics(profile, kind, present)
        if mailbox is None or not topics:
            continue
        rng = random.Random(f"seed-demo-letters:{profile.key}:{kind}")
        count = min(pick(LETTER_COUNTS[kind], small), len(topics))
        fates = ["open"] * int(pick(OPEN_LETTERS[kind], small) + rng.random())
        if profile.dormant_days:  # the township that stopped publishing stopped answering too
            fates.append("ignored")
        fates += ["late" if rng.random() < LATE_SHARE else "on_time" for _ in range(count - len(fates))]
        places = residential_places(profile)
        for index, (topic, fate) in enumerate(zip(rng.sample(topics, count), fates)):
            fill = {"place": rng.choice(places), "town": profile.short_name}
            plans.append(LetterPlan(
                token=f"{LETTER_TOKEN}{profile.key}-{kind}-{index + 1}",
                mailbox=mailbox,
                topic=topic,
                fill=fill,
                writer=letter_writer(rng),
                received_at=letter_received_at(rng, fate, profile, now),
                fate=fate,
                forward_to=forward_target(topic, organisation, organisations),
                reply_after=reply_after(rng, fate, mailbox.reply_working_days),
            ))
    return plans


def letter_writer(rng):
    return {
        "name": person_name(rng),
        "phone": f"1380000{rng.randint(0, 9999):04d}",
        "email": f"shilixian{rng.randint(1000, 9999)}@example.com" if rng.random() < 0.3 else "",
        "may_publish": rng.random() < PUBLISH_SHARE,
    }


def letter_received_at(rng, fate, profile, now):
    """Citizens write at any hour, on any day; open letters arrived in the last few days."""
    if fate == "open":
        return now - datetime.timedelta(days=rng.randint(0, 2), hours=rng.randint(1, 20), minutes=rng.randint(0, 59))
    if fate == "ignored":
        age = profile.dormant_days + rng.randint(10, 30)
    else:
        age = rng.randint(NEWEST_ANSWERED, OLDEST_ANSWERED)
    day = timezone.localdate(now) - datetime.timedelta(days=age)
    return local_moment(day, rng.randint(7, 22), rng.randint(0, 59))


def reply_after(rng, fate, period):
    if fate == "late":
        return rng.randint(period + 2, period + 9)
    return rng.randint(2, max(period - 1, 2))


def forward_target(topic, organisation, organisations):
    entry = organisations.get(topic.handled_by)
    if entry is None or entry[1].pk == organisation.pk:
        return None
    return entry[1]


def make_letter(plan, now, report):
    data = {
        **plan.writer,
        "subject": plan.topic.subject.format(**plan.fill),
        "message": plan.topic.message.format(**plan.fill),
        "category": plan.topic.category,
    }
    receipt = submit_letter(plan.mailbox, data, submission_token=plan.token, now=plan.received_at)
    if receipt.duplicate:
        report.existing_letters += 1
        return
    letter = receipt.letter
    LetterEvent.objects.filter(letter=letter, kind=LetterEvent.Kind.RECEIVED).update(at=plan.received_at)
    record_notification(letter, plan.received_at + datetime.timedelta(minutes=2))
    report.letters += 1
    if plan.fate in ("open", "ignored"):
        report.open += plan.fate == "open"
        report.overdue += plan.fate == "ignored"
        return
    written_to = letter.organisation
    first_day = working_days_after(letter.received_on, 1)
    if plan.forward_to is not None:
        handling.forward(letter, plan.forward_to, actor=None, note=f"请{plan.forward_to.name}按职责办理并直接答复来信人。")
        stamp_last(LetterEvent.objects.filter(letter=letter), local_moment(first_day, 9, 30))
        report.forwarded += 1
    replied_on = working_days_after(letter.received_on, plan.reply_after)
    replied_at = min(local_moment(replied_on, 10 + plan.reply_after % 7, 15), now - datetime.timedelta(hours=1))
    text = reply_text(letter, plan, written_to, timezone.localdate(replied_at))
    handling.reply(letter, text, actor=None, now=replied_at)
    stamp_last(LetterEvent.objects.filter(letter=letter), replied_at)
    report.answered += 1
    report.late += letter.replied_on_time is False
    report.published += letter.is_public


def record_notification(letter, when):
    """What ``interaction.notifications.send_letter_notification`` records, as it happened on the day."""
    address = letter.mailbox.notification_address
    if not address:
        return
    Letter.objects.filter(pk=letter.pk).update(notified_at=when, notify_attempts=1, notify_last_attempt_at=when)
    event = LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.NOTIFIED, note=address)
    LetterEvent.objects.filter(pk=event.pk).update(at=when)


def stamp_last(events, when):
    """Give the newest event of ``events`` (the one a service call just wrote) its historical time."""
    newest = events.order_by("-pk").values_list("pk", flat=True).first()
    if newest is not None:
        events.filter(pk=newest).update(at=when)


CATEGORY_WORD = {"enquiry": "问题", "suggestion": "建议", "complaint": "问题", "help": "诉求"}


def reply_text(letter, plan, written_to, replied_on):
    """A reply as the answering organisation writes it; no name of the writer (it may be published)."""
    answering = letter.organisation
    fill = {**plan.fill, "self": self_reference(answering)}
    via = f"通过{letter.mailbox.name}" if letter.mailbox.kind == Mailbox.Kind.LEADER else ""
    forwarded = f"该信件已由{written_to.name}转交{fill['self']}办理，" if answering.pk != written_to.pk else ""
    opening = f"您好！您{via}反映的“{letter.subject}”{CATEGORY_WORD.get(letter.category, '问题')}收悉，{forwarded}现答复如下："
    body = plan.topic.reply.format(**fill)
    if plan.fate == "late":
        body += texts.LATE_APOLOGY
    phone = f"请在工作日拨打{answering.phone}联系我们。" if answering.phone else "请通过本信箱再次来信。"
    closing = f"感谢您对我们工作的关心和支持！如有疑问，{phone}"
    return "\n\n".join([opening, body, closing, f"{answering.name}\n{replied_on.year}年{replied_on.month}月{replied_on.day}日"])


# ---- applications for disclosure ------------------------------------------------------------------


@dataclass
class ApplicationPlan:
    token: str
    organisation: Organisation
    data: dict
    submitted_at: datetime.datetime
    scenario: str  # a SCENARIOS name, or "open"
    rng: random.Random


def plan_applications(organisations, now, small):
    slots = []
    for profile, organisation in organisations.values():
        count = pick(APPLICATION_COUNTS[profile.kind], small)
        slots += [(profile, organisation, index) for index in range(1, count + 1)]
    if not slots:
        return []
    rng = random.Random("seed-demo-applications")
    rng.shuffle(slots)
    open_count = 1 if small else 3
    answered = len(slots) - open_count
    today = timezone.localdate(now)
    plans = []
    for position, (profile, organisation, index) in enumerate(slots):
        own = random.Random(f"seed-demo-application:{profile.key}:{index}")
        if position < answered:  # spread evenly over the two years, so each year has all kinds of outcomes
            span = OLDEST_ANSWERED - 60
            age = 60 + int(span * (answered - 1 - position + own.random()) / max(answered, 1))
            applicant_type, scenario = SCENARIOS[position % len(SCENARIOS)]
            submitted_at = local_moment(today - datetime.timedelta(days=age), own.randint(8, 21), own.randint(0, 59))
        else:
            applicant_type, scenario = SCENARIOS[position % len(SCENARIOS)][0], "open"
            submitted_at = now - datetime.timedelta(days=own.randint(1, 6), hours=own.randint(0, 12))
        plans.append(ApplicationPlan(
            token=f"{APPLICATION_TOKEN}{profile.key}-{index}",
            organisation=organisation,
            data=application_data(profile, organisation, applicant_type, own, timezone.localdate(submitted_at)),
            submitted_at=submitted_at,
            scenario=scenario,
            rng=own,
        ))
    return plans


def application_data(profile, organisation, applicant_type, rng, day):
    year = day.year - (1 if day.month < 4 else 0)
    template, description = rng.choice(texts.INFORMATION_REQUESTS)
    policy = rng.choice(profile.policies).format(y=year, y2=year + 2)
    fill = {"org": organisation.name, "y": year, "subject": rng.choice(profile.subjects), "policy": policy,
            "place": rng.choice(profile.places)}
    if profile.kind == "township":
        address = f"示例县{profile.short_name}{rng.choice(residential_places(profile))}{rng.randint(1, 99)}号"
    else:
        address = f"示例县城关镇{rng.choice(STREETS)}{rng.randint(1, 199)}号"
    data = {
        "applicant_type": applicant_type,
        "name": "", "id_type": "", "id_number": "", "credit_code": "", "legal_representative": "",
        "contact_person": "", "organisation_category": "",
        "phone": f"1380000{rng.randint(0, 9999):04d}",
        "email": "",
        "address": address,
        "postcode": "311899",
        "information_name": template.format(**fill),
        "information_document_number": "",
        "information_description": description.format(**fill),
        "provision_form": rng.choice((ProvisionForm.ELECTRONIC, ProvisionForm.PAPER)),
        "delivery_method": rng.choice((DeliveryMethod.EMAIL, DeliveryMethod.MAIL, DeliveryMethod.IN_PERSON)),
    }
    if data["delivery_method"] == DeliveryMethod.EMAIL or rng.random() < 0.3:
        data["email"] = f"shenqing{rng.randint(1000, 9999)}@example.com"
    if applicant_type == ApplicantType.CITIZEN:
        born = datetime.date(rng.randint(1955, 2000), rng.randint(1, 12), rng.randint(1, 28))
        data.update(
            name=person_name(rng), id_type=IdType.RESIDENT_ID,
            id_number=make_id_number(f"{DIVISION_CODE}{born:%Y%m%d}{rng.randint(10, 999):03d}"),
            purpose=rng.choice(texts.CITIZEN_PURPOSES),
        )
    else:
        number = rng.randrange(len(texts.ORGANISATION_APPLICANTS))
        category, name, prefix = texts.ORGANISATION_APPLICANTS[number]
        representative, contact = person_name(rng), person_name(rng)
        data.update(
            name=name, organisation_category=category, legal_representative=representative, contact_person=contact,
            credit_code=make_credit_code(f"{prefix}{DIVISION_CODE}MA{number + 1:07d}"),
            purpose=texts.ORGANISATION_PURPOSES.get(category, texts.ORGANISATION_PURPOSES["other"]),
        )
    return data


def make_application(plan, report):
    application, created = submit(plan.organisation, plan.data, form_token=plan.token, now=plan.submitted_at)
    if not created:
        report.existing_applications += 1
        return
    report.applications += 1
    report.citizens += application.is_citizen
    report.organisations += not application.is_citizen
    events = ApplicationEvent.objects.filter(application=application)
    events.update(at=plan.submitted_at)
    sent_at = plan.submitted_at + datetime.timedelta(minutes=1)
    ApplicationNotification.objects.filter(application=application).update(
        created_at=plan.submitted_at, state=ApplicationNotification.State.SENT, attempts=1, sent_at=sent_at)
    process_application(application, plan, events)
    record_notices_mailed(application)
    report.answered_applications += application.status == Status.ANSWERED


def process_application(application, plan, events):
    """Take the application through the real processing steps, dated as they happened."""
    rng = plan.rng
    received = first_working_day(application.received_on)
    if local_moment(received, 17) <= plan.submitted_at:  # sent in the evening: confirmed the next working day
        received = working_days_after(received, 1)
    if plan.scenario == "open":
        if received < timezone.localdate() and rng.random() < 0.7:
            confirm(application, received, plan, events)
        return
    confirm(application, received, plan, events)

    def day(count, start=received):
        return working_days_after(start, count)

    scenario = plan.scenario
    if scenario in ("corrected", "not_corrected") and deadlines.correction_deadline(received) is None:
        scenario = "disclosed"  # the calendar lacks the year, so the 7-day correction window is unknown
    if scenario in SIMPLE_OUTCOMES:
        answer(application, SIMPLE_OUTCOMES[scenario], day(rng.randint(4, 16)), events)
    elif scenario in ("consulted_partially", "consulted_withheld"):
        consultation = processing.start_consultation(application, None, "示例县某商贸有限公司", day(4),
                                                     note="所申请信息涉及该公司的经营数据。")
        stamp_last(events, local_moment(day(4), 10))
        processing.end_consultation(consultation, None, day(12))
        stamp_last(events, local_moment(day(12), 15))
        outcome = Outcome.PARTIALLY_DISCLOSED if scenario == "consulted_partially" else Outcome.WITHHELD_THIRD_PARTY
        answer(application, outcome, day(17), events)
    elif scenario == "extended":
        processing.extend(application, None, 15, "所申请信息涉及多个年度、数量较大，需要调取档案核对。",
                          "县政务公开办主任", extended_on=day(18))
        stamp_last(events, local_moment(day(18), 11))
        answer(application, Outcome.DISCLOSED, day(28), events)
    elif scenario in ("corrected", "not_corrected"):
        asked = day(2)
        processing.request_correction(application, None, asked,
                                      "请补充说明所需信息的时间范围和具体项目名称，并于收到本通知之日起15个工作日内提交补正材料。")
        stamp_last(events, local_moment(asked, 14))
        if scenario == "corrected":
            corrected = day(5, asked)
            processing.record_correction(application, None, corrected)
            stamp_last(events, local_moment(corrected, 10))
            answer(application, Outcome.DISCLOSED, day(rng.randint(6, 15), corrected), events)
        else:
            answer(application, Outcome.OTHER_NO_CORRECTION, day(16, asked), events)


def record_notices_mailed(application):
    """The notices mailed while the application was handled went out on their own day (as the outbox
    would have sent them then), so no e-mail is left for today's worker to send to a made-up address."""
    for notification in ApplicationNotification.objects.filter(
            application=application, state=ApplicationNotification.State.PENDING):
        delivery = NoticeDelivery.objects.filter(email=notification).select_related("notice").first()
        issued_on = delivery.notice.issued_on if delivery else timezone.localdate(notification.created_at)
        when = min(local_moment(issued_on, 16, 30), timezone.now())
        ApplicationNotification.objects.filter(pk=notification.pk).update(
            created_at=when, state=ApplicationNotification.State.SENT, attempts=1, sent_at=when)
        mark_email_delivered(notification, timezone.localdate(when))


def confirm(application, received, plan, events):
    processing.confirm_receipt(application, None, received_on=received)
    moment = max(local_moment(received, 9, 20), plan.submitted_at + datetime.timedelta(minutes=40))
    Application.objects.filter(pk=application.pk).update(receipt_confirmed_at=moment)
    stamp_last(events, moment)


def answer(application, outcome, answered_on, events):
    answered_on = min(answered_on, timezone.localdate())
    text = reply_letter_text(application, outcome, answered_on)
    letter = ContentFile(text.encode("utf-8"), name=f"dafu-{application.tracking_number}.txt")
    processing.answer(application, None, outcome, answered_on, letter, note=texts.OUTCOME_WORDING[outcome][1])
    stamp_last(events, local_moment(answered_on, 16))


def reply_letter_text(application, outcome, answered_on):
    article, decision = texts.OUTCOME_WORDING[outcome]
    organisation = application.organisation
    reviewer = "示例市人民政府" if organisation.kind == Organisation.Kind.COUNTY else "示例县人民政府"
    you = "您" if application.is_citizen else "贵单位"
    received = application.received_on
    return "\n".join([
        organisation.name,
        "政府信息公开申请答复书",
        application.tracking_number,
        "",
        f"{application.name}：",
        f"    本机关于{received.year}年{received.month}月{received.day}日收到{you}提交的政府信息公开申请，"
        f"申请获取“{application.information_name}”。根据《中华人民共和国政府信息公开条例》{article}的规定，现答复如下：",
        f"    {decision}",
        f"    如对本答复不服，可以自收到本答复之日起六十日内向{reviewer}申请行政复议，或者在六个月内向人民法院提起行政诉讼。",
        "",
        organisation.name,
        f"{answered_on.year}年{answered_on.month}月{answered_on.day}日",
        "",
    ])


def summary_line(report):
    """One line for the seed summary."""
    if not report.letters and not report.applications:
        return (f"来信和依申请公开演示数据已存在（来信 {report.existing_letters} 封，申请 {report.existing_applications} 件），"
                f"未做改动。")
    return (
        f"来信 {report.letters} 封（按期答复 {report.answered - report.late}，逾期答复 {report.late}，转办 {report.forwarded}，"
        f"办理中 {report.open}，超过3个月未答复 {report.overdue}，同意公开 {report.published}）；"
        f"依申请公开 {report.applications} 件（公民 {report.citizens}，法人或其他组织 {report.organisations}，"
        f"已答复 {report.answered_applications}），用时 {report.seconds:.1f} 秒。"
    )

