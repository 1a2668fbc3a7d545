"""Seams into this app: calendar edits invalidate cached working days; new organisations get a mailbox."""

from django.db.models.signals import post_delete, post_save


def calendar_changed(sender, **kwargs):
    from .working_days import invalidate

    invalidate()


def register_signal_handlers():
    from .models import CalendarDay, CalendarYear

    for model in (CalendarDay, CalendarYear):
        post_save.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-save-{model.__name__}")
        post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"interaction-calendar-delete-{model.__name__}")
