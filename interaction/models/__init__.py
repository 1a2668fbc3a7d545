"""Models of the interaction app: the working-day calendar and the citizen mailboxes."""

from .calendar import CalendarDay, CalendarYear  # noqa: F401
