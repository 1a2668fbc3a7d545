"""Storing a citizen's application: first, once, with a tracking number nobody can guess.

``submit`` writes the application and its notification e-mails in one transaction and only
after the commit asks the task queue to send them, so a failing mail server never loses an
application. A form token (unique per rendered form) makes a double click return the record
the first click created instead of a second one.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.applications.models import Application, ApplicationEvent, ApplicationNotification, ApplicationSerial

from .choices import OFFLINE_CHANNELS, RECEIPT_DATE_RULES, Status
from .notifications import enqueue_delivery

SUFFIX_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out over the phone
SUFFIX_LENGTH = 6


def next_serial(year):
    """Take the next serial of ``year`` from a row-locked counter (no gaps after a rollback)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ApplicationSerial.objects.get_or_create(year=year)
        except IntegrityError:
            pass
        counter = ApplicationSerial.objects.select_for_update().get(year=year)
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        return counter.last_serial


def make_tracking_number(year, serial):
    """``YSQ-2026-000123-K7PQ2M``: readable year and serial, plus a random suffix so numbers cannot be enumerated."""
    suffix = "".join(secrets.choice(SUFFIX_ALPHABET) for _unused in range(SUFFIX_LENGTH))
    return f"YSQ-{year}-{serial:06d}-{suffix}"


class RegistrationError(ValueError):
    """An offline application cannot be registered as given; the message is for staff."""


def register_offline(organisation, data, channel, received_on, user, evidence=None, receipt_note="", now=None):
    """登记线下申请 (条例第三十一条): in person, by post, fax or e-mail, with its statutory receipt date.

    ``received_on`` is the day of submission (in person), the day the organ signed for it (post)
    or the day both sides confirmed (fax, e-mail). It may lie in the past only with the reason in
    ``receipt_note``; post, fax and e-mail need ``evidence`` (the scanned envelope, fax or mail).
    Returns the application, already confirmed. Raises ``RegistrationError``.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    if channel not in OFFLINE_CHANNELS:
        raise RegistrationError(_("请选择线下申请渠道（当面、邮寄、传真或电子邮件）。"))
    if received_on is None:
        raise RegistrationError(_("请填写收到申请日期。"))
    if received_on > today:
        raise RegistrationError(_("收到申请日期不能晚于今天。"))
    if received_on < today and not (receipt_note or "").strip():
        raise RegistrationError(_("收到日期早于今天的，请在“收到日期说明”中写明原因。%(rule)s")
                                % {"rule": RECEIPT_DATE_RULES[channel]})
    if channel != "in_person" and not evidence:
        raise RegistrationError(_("请上传收件凭证（信封、传真件或邮件的扫描件）。"))
    with transaction.atomic():
        application = Application(
            organisation=organisation, submitted_at=now, received_on=received_on, channel=channel,
            receipt_note=(receipt_note or "").strip(), receipt_confirmed_at=now, receipt_confirmed_by=user,
            status=Status.PROCESSING, **data,
        )
        if evidence:
            application.receipt_evidence = evidence
        application.tracking_number = make_tracking_number(received_on.year, next_serial(received_on.year))
        application.save()
        ApplicationEvent.objects.create(
            application=application, kind=ApplicationEvent.Kind.RECEIPT_CONFIRMED, user=user,
            note=f"{application.get_channel_display()} {received_on.isoformat()} {application.receipt_note}".strip(),
        )
        queue_receipt_notifications(application)
    transaction.on_commit(lambda: enqueue_delivery(application.pk))
    return application


def admin_link(application):
    """The full admin URL of ``application`` (for e-mails to staff)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("disclosure_applications_admin:detail",
                                                                 args=[application.pk])


def queue_staff_mail(application, subject, body):
    """An e-mail to the handling organisation about ``application`` (when it has an address)."""
    organisation = application.organisation
    if not organisation.email:
        return None
    notification = ApplicationNotification.objects.create(
        application=application, recipient=organisation.email, subject=subject,
        body=f"{body}\n{admin_link(application)}",
    )
    transaction.on_commit(lambda: enqueue_delivery(application.pk))
    return notification


def submit(organisation, data, form_token=None, now=None):
    """Store an application; returns ``(application, created)``. ``data`` holds the model fields."""
    if form_token:
        existing = Application.objects.filter(form_token=form_token).first()
        if existing is not None:
            return existing, False
    now = now or timezone.now()
    try:
        with transaction.atomic():
            application = Application(
                organisation=organisation,
                form_token=form_token or None,
                submitted_at=now,
                received_on=timezone.localdate(now),
                **data,
            )
            year = timezone.localdate(now).year
            application.tracking_number = make_tracking_number(year, next_serial(year))
            application.save()
            ApplicationEvent.objects.create(application=application, kind=ApplicationEvent.Kind.SUBMITTED)
            queue_receipt_notifications(application)
    except IntegrityError:
        existing = Application.objects.filter(form_token=form_token).first() if form_token else None
        if existing is None:
            raise
        return existing, False
    transaction.on_commit(lambda: enqueue_delivery(application.pk))
    return application, True


def queue_receipt_notifications(application):
    """The handling organisation learns of the application; the applicant gets the tracking number by mail too."""
    organisation = application.organisation
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "disclosure_applications_admin:detail", args=[application.pk]
    )
    if organisation.email:
        ApplicationNotification.objects.create(
            application=application,
            recipient=organisation.email,
            subject=_("收到新的政府信息公开申请 %(number)s") % {"number": application.tracking_number},
            body=_("%(org)s收到一件新的政府信息公开申请，编号 %(number)s，所需信息：%(info)s。\n请登录后台办理：%(url)s")
            % {"org": organisation.name, "number": application.tracking_number,
               "info": application.information_name, "url": admin_url},
        )
    if application.email:
        ApplicationNotification.objects.create(
            application=application,
            recipient=application.email,
            subject=_("您的政府信息公开申请已提交（%(number)s）") % {"number": application.tracking_number},
            body=_("您向%(org)s提交的政府信息公开申请已收到，申请编号：%(number)s。\n"
                   "请凭申请编号和证件号码后4位在 %(url)s 查询办理状态和答复期限。")
            % {"org": organisation.name, "number": application.tracking_number,
               "url": reverse("disclosure_applications:status")},
        )
