"""Sending the notification outbox of applications, with retries.

The task tries each pending e-mail once; a failure is recorded on the row and the row stays
pending, so ``manage.py send_application_notifications`` (run from cron) or the next task tries
again. After ``MAX_ATTEMPTS`` failures the row is marked as given up and shown to staff.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from disclosure.applications.models import ApplicationNotification
from disclosure.models.notices import NoticeDelivery

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10


def deliver(notification):
    """Try to send one e-mail; True when sent. Never raises: the failure is recorded instead."""
    try:
        send_mail(notification.subject, notification.body, settings.DEFAULT_FROM_EMAIL, [notification.recipient])
    except Exception as error:  # any mail failure must leave the application standing
        logger.warning("Sending notification %s failed: %s", notification.pk, error)
        notification.attempts += 1
        notification.last_error = f"{type(error).__name__}: {error}"[:1000]
        if notification.attempts >= MAX_ATTEMPTS:
            notification.state = ApplicationNotification.State.GAVE_UP
        notification.save(update_fields=["attempts", "last_error", "state"])
        return False
    notification.attempts += 1
    notification.state = ApplicationNotification.State.SENT
    notification.sent_at = timezone.now()
    notification.save(update_fields=["attempts", "state", "sent_at"])
    mark_email_delivered(notification, timezone.localdate(notification.sent_at))
    return True


def deliver_pending(application_id=None):
    """Send every pending notification (of one application, or all); returns (sent, failed)."""
    pending = ApplicationNotification.objects.filter(state=ApplicationNotification.State.PENDING)
    if application_id is not None:
        pending = pending.filter(application_id=application_id)
    sent = failed = 0
    for notification in pending.order_by("pk"):
        with transaction.atomic():
            if deliver(notification):
                sent += 1
            else:
                failed += 1
    return sent, failed


@task()
def send_application_notifications(application_id=None):
    sent, failed = deliver_pending(application_id)
    return {"sent": sent, "failed": failed}


def mark_email_delivered(notification, day):
    """The outbox sent ``notification``: its e-mail deliveries are dated ``day``."""
    NoticeDelivery.objects.filter(email=notification, delivered_on__isnull=True).update(delivered_on=day)


def enqueue_delivery(application_id):
    """Queue the outbox run for ``application_id``'s unsent e-mails (called on commit)."""
    send_application_notifications.enqueue(application_id)
