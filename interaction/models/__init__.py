"""Models of the interaction app: the working-day calendar and the citizen mailboxes."""

from .calendar import CalendarDay, CalendarYear  # noqa: F401
from .mailbox import Letter, LetterEvent, Mailbox, PersonalDataAccess  # noqa: F401
