"""Models of the disclosure app, one module per room: the catalogue, search, applications, reports."""

from .applications import (  # noqa: F401  (applications for disclosure)
    Application, ApplicationEvent, ApplicationNotification, ApplicationSerial, CorrectionSubmission, FeeNotice,
    PersonalDataView, ReasonsRequest, ThirdPartyConsultation,
)
from .fees import ProcessingFeeSettings  # noqa: F401
from .notices import Notice, NoticeDelivery, NoticeTemplate  # noqa: F401
from .catalogue import CatalogueEntry, IndexSerial, Topic
from .search import EditorsPick, PendingIndexUpdate, SearchQueryLog, SynonymGroup  # noqa: F401
from .reports import YearlyReport, YearlyReportPage  # noqa: F401  (yearly report)

__all__ = ["CatalogueEntry", "IndexSerial", "Topic"]
