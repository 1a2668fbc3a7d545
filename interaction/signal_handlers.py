"""Seams into this app: calendar edits invalidate cached working days; new organisations get a mailbox;
an answered letter renews the anonymous page cache (the mailbox pages list answered letters) and is
announced to search on the catalogue's change signal (public letters are found by the county search)."""

from django.db.models.signals import post_delete, post_save

from departments.models import Organisation
from disclosure.catalogue.signals import ChangeKind, announce
from portal.signal_handlers import invalidate_public_pages

from .deadlines import recompute_missing_deadlines
from .interviews.live import forget
from .mailboxes import ensure_mailboxes
from .models import (
    CalendarDay,
    CalendarYear,
    ConsultationComment,
    InterviewPage,
    InterviewQuestion,
    InterviewRecordEntry,
    Letter,
)
from .working_days import invalidate


def calendar_changed(sender, **kwargs):
    invalidate()


def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    ensure_mailboxes(instance)


def calendar_year_saved(sender, instance, raw=False, **kwargs):
    """A year's schedule was entered: fill in letter deadlines that could not be computed before."""
    if raw or not instance.complete:
        return
    recompute_missing_deadlines()


def letter_saved(sender, instance, raw=False, **kwargs):
    """Answering, forwarding after an answer or withholding changes what the public mailbox pages show."""
    if raw or instance.status != instance.Status.ANSWERED:
        return
    invalidate_public_pages()


def letter_changed_for_search(sender, instance, raw=False, **kwargs):
    """An answered letter was saved (answered, published, held back, forwarded after answering): search re-reads it.

    Only an answered letter can ever have been public (a letter's status never goes back from 已答复), so
    letters still being handled are not queued. The queue decides after commit, from ``Letter.objects.public()``,
    whether the letter is (re)indexed or removed.
    """
    if raw or instance.status != instance.Status.ANSWERED:
        return
    announce([instance.pk], ChangeKind.PUBLISHED if instance.is_public else ChangeKind.WITHDRAWN, sender=sender)


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    """A moderated comment (published or withdrawn) changes what its consultation's page shows."""
    if raw or (created and instance.status == instance.Status.PENDING):
        return
    invalidate_public_pages()


def interview_record_changed(sender, instance, raw=False, **kwargs):
    """An entry of the live record or a question changed: the next poll sees a new version. Until archived the
    interview page is never cached (``InterviewPage.serve``); an archived one is, so it is renewed."""
    if raw:
        return
    forget(instance.interview_id)
    if InterviewPage.objects.filter(pk=instance.interview_id, archived=True).exists():
        invalidate_public_pages()


def interview_published(sender, instance, **kwargs):
    """The page's times or archive flag may have changed: the poll's version follows."""
    forget(instance.pk)


def register_signal_handlers():
    from wagtail.signals import page_published, page_unpublished

    for model in (CalendarDay, CalendarYear):
        post_save.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-save-{model.__name__}")
        post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-delete-{model.__name__}")
    # After the invalidation above, so the recomputation reads the new calendar.
    post_save.connect(calendar_year_saved, sender=CalendarYear, dispatch_uid="interaction-calendar-year-deadlines")
    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="interaction-organisation-mailbox")
    post_save.connect(letter_saved, sender=Letter, dispatch_uid="interaction-letter-page-cache")
    post_save.connect(letter_changed_for_search, sender=Letter, dispatch_uid="interaction-letter-search")
    post_save.connect(comment_saved, sender=ConsultationComment, dispatch_uid="interaction-comment-page-cache")
    for model in (InterviewRecordEntry, InterviewQuestion):
        post_save.connect(interview_record_changed, sender=model, dispatch_uid=f"interaction-interview-save-{model.__name__}")
        post_delete.connect(interview_record_changed, sender=model,
                            dispatch_uid=f"interaction-interview-delete-{model.__name__}")
    page_published.connect(interview_published, sender=InterviewPage, dispatch_uid="interaction-interview-published")
    page_unpublished.connect(interview_published, sender=InterviewPage, dispatch_uid="interaction-interview-unpublished")
