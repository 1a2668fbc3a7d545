"""Seams into this app: calendar edits invalidate cached working days; new organisations get a mailbox;
an answered letter renews the anonymous page cache (the mailbox pages list answered letters)."""

from django.db.models.signals import post_delete, post_save


def calendar_changed(sender, **kwargs):
    from .working_days import invalidate

    invalidate()


def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .mailboxes import ensure_mailboxes

    ensure_mailboxes(instance)


def calendar_year_saved(sender, instance, raw=False, **kwargs):
    """A year's schedule was entered: fill in letter deadlines that could not be computed before."""
    if raw or not instance.complete:
        return
    from .deadlines import recompute_missing_deadlines

    recompute_missing_deadlines()


def letter_saved(sender, instance, raw=False, **kwargs):
    """Answering, forwarding after an answer or withholding changes what the public mailbox pages show."""
    if raw or instance.status != instance.Status.ANSWERED:
        return
    from portal.signal_handlers import invalidate_public_pages

    invalidate_public_pages()


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    """A moderated comment (published or withdrawn) changes what its consultation's page shows."""
    if raw or (created and instance.status == instance.Status.PENDING):
        return
    from portal.signal_handlers import invalidate_public_pages

    invalidate_public_pages()


def register_signal_handlers():
    from departments.models import Organisation

    from .models import CalendarDay, CalendarYear, ConsultationComment, Letter

    for model in (CalendarDay, CalendarYear):
        post_save.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-save-{model.__name__}")
        post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-delete-{model.__name__}")
    # After the invalidation above, so the recomputation reads the new calendar.
    post_save.connect(calendar_year_saved, sender=CalendarYear, dispatch_uid="interaction-calendar-year-deadlines")
    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="interaction-organisation-mailbox")
    post_save.connect(letter_saved, sender=Letter, dispatch_uid="interaction-letter-page-cache")
    post_save.connect(comment_saved, sender=ConsultationComment, dispatch_uid="interaction-comment-page-cache")
