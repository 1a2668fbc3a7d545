"""Telling the addressed organisation that a letter arrived, with retries that never touch the letter.

The e-mail carries no personal data: only the tracking code, the category and a link to the
admin, where access is checked and logged. A failed send is recorded on the letter and retried
by ``manage.py send_letter_notifications`` (run it from cron) with growing pauses.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Letter, LetterEvent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# A letter never attempted is left to the task worker for this long before cron steps in.
FIRST_ATTEMPT_GRACE = datetime.timedelta(minutes=10)


def retry_pause(attempts):
    """Minutes to wait after ``attempts`` failures: 2, 4, 8 … at most 6 hours."""
    return datetime.timedelta(minutes=min(2 ** attempts, 360))


def send_letter_notification(letter_id):
    """Send the notification for one letter unless it was already sent; raises if sending fails."""
    letter = Letter.objects.select_related("mailbox__organisation").get(pk=letter_id)
    if letter.notified_at is not None:
        return "already-sent"
    address = letter.mailbox.notification_address
    now = timezone.now()
    if not address:
        Letter.objects.filter(pk=letter.pk).update(
            notify_error=_("机构未填写电子邮箱，无法发送通知。")[:300], notify_last_attempt_at=now
        )
        return "no-address"
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("interaction_admin:detail", args=[letter.pk])
    try:
        send_mail(
            _("【%(mailbox)s】收到新来信 %(code)s") % {"mailbox": letter.mailbox.name, "code": letter.tracking_code},
            _("%(mailbox)s收到一封%(category)s类来信（查询码 %(code)s），请在答复期限内办理：\n%(url)s\n\n本邮件不含来信人个人信息，请登录管理后台查看。")
            % {"mailbox": letter.mailbox.name, "category": letter.get_category_display(), "code": letter.tracking_code, "url": admin_url},
            None,
            [address],
        )
    except Exception as error:
        Letter.objects.filter(pk=letter.pk).update(
            notify_attempts=letter.notify_attempts + 1, notify_error=str(error)[:300], notify_last_attempt_at=now
        )
        LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.NOTIFY_FAILED, note=str(error)[:500])
        logger.warning("notification for letter %s failed: %s", letter.pk, error)
        raise
    Letter.objects.filter(pk=letter.pk).update(
        notified_at=now, notify_attempts=letter.notify_attempts + 1, notify_error="", notify_last_attempt_at=now
    )
    LetterEvent.objects.create(letter=letter, kind=LetterEvent.Kind.NOTIFIED, note=address)
    return "sent"


@task()
def notify_organisation_of_letter(letter_id):
    return send_letter_notification(letter_id)


def pending_notifications(now=None):
    """Letters whose notification failed and whose pause before the next try is over."""
    now = now or timezone.now()
    candidates = Letter.objects.filter(notified_at__isnull=True, notify_attempts__lt=MAX_ATTEMPTS).filter(
        Q(notify_last_attempt_at__isnull=True, received_at__lt=now - FIRST_ATTEMPT_GRACE)
        | Q(notify_last_attempt_at__lt=now - retry_pause(0))
    )
    return [
        letter for letter in candidates.only("pk", "notify_attempts", "notify_last_attempt_at")
        if letter.notify_last_attempt_at is None or letter.notify_last_attempt_at <= now - retry_pause(letter.notify_attempts)
    ]


def retry_pending_notifications(now=None):
    """Try again every due notification; returns (sent, failed)."""
    sent = failed = 0
    for letter in pending_notifications(now):
        try:
            if send_letter_notification(letter.pk) == "sent":
                sent += 1
        except Exception:
            failed += 1
    return sent, failed
