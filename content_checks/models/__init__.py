from .attachments import AttachmentText
from .findings import ContentFinding, ContentFindingQuerySet, FindingKind, PublicationOverride, Severity
from .lists import FixedFormulation, SensitiveWord, WordCategory

__all__ = [
    "AttachmentText",
    "ContentFinding",
    "ContentFindingQuerySet",
    "FindingKind",
    "FixedFormulation",
    "PublicationOverride",
    "SensitiveWord",
    "Severity",
    "WordCategory",
]
