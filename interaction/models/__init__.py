"""Models of the interaction app: the working-day calendar, the citizen mailboxes and public participation."""

from .calendar import CalendarDay, CalendarYear  # noqa: F401
from .consultation import ConsultationComment, ConsultationFeedbackPage, ConsultationPage  # noqa: F401
from .interview import InterviewGuest, InterviewPage, InterviewQuestion, InterviewRecordEntry  # noqa: F401
from .mailbox import Letter, LetterEvent, Mailbox, PersonalDataAccess  # noqa: F401
from .survey import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse  # noqa: F401
