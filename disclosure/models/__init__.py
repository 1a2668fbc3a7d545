"""Models of the disclosure app, one module per room: the catalogue, search, applications, the yearly report."""

from ..applications.models import (  # noqa: F401  (applications for disclosure)
    Application,
    ApplicationEvent,
    ApplicationNotification,
    ApplicationSerial,
    CorrectionSubmission,
    FeeNotice,
    PersonalDataView,
    ReasonsRequest,
    ThirdPartyConsultation,
)
from ..catalogue.models import CatalogueEntry, IndexSerial, Topic
from ..catalogue.statutory import ItemAdoption, StatutoryItem  # noqa: F401  (法定主动公开内容)
from ..search.models import EditorsPick, HotWordRule, PendingIndexUpdate, SearchQueryLog, SynonymGroup  # noqa: F401
from ..yearly_report.models import YearlyReport, YearlyReportPage, YearlyReportReminder  # noqa: F401  (yearly report)
from .fees import ProcessingFeeSettings  # noqa: F401
from .notices import Notice, NoticeDelivery, NoticeTemplate  # noqa: F401

__all__ = ["CatalogueEntry", "IndexSerial", "Topic"]
