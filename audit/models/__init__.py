"""The audit's tables: the editable rules, and what the probe and the link checker recorded."""

from .links import LinkCheck, LinkCheckRun
from .probes import ProbeResult
from .rules import NEGATIVE_LIMIT_MESSAGE, SOURCE_INSPECTION, ColumnRule, VetoRule, non_negative
from .website_report import WebsiteYearlyReport, WebsiteYearlyReportReminder

__all__ = [
    "NEGATIVE_LIMIT_MESSAGE", "SOURCE_INSPECTION", "ColumnRule", "LinkCheck", "LinkCheckRun", "ProbeResult", "VetoRule",
    "WebsiteYearlyReport", "WebsiteYearlyReportReminder", "non_negative",
]
