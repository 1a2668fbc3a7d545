"""What a check returns: one finding in memory, before it is shown to an editor or stored by the patrol."""

import hashlib
from dataclasses import dataclass, field


@dataclass
class Result:
    """One finding: ``kind``/``severity`` as in ``models.FindingKind``/``models.Severity``.

    ``location`` is a label a person understands (正文 第2段, 附件《名单.xlsx》); ``field_name`` the
    form field it belongs to (for messages next to the field), empty when none; ``position`` the
    character offset in that piece of text; ``excerpt`` context with personal data masked; ``key``
    what identifies the problem across checks (never the raw personal identifier).
    """

    kind: str
    severity: str
    message: str
    location: str = ""
    field_name: str = ""
    position: int | None = None
    rule: str = ""
    excerpt: str = ""
    key: str = ""
    document_id: int | None = None
    extra: dict = field(default_factory=dict)

    def fingerprint(self, page_id) -> str:
        raw = "|".join(str(part) for part in (page_id, self.document_id or "", self.kind, self.location, self.rule, self.key))
        return hashlib.sha256(raw.encode()).hexdigest()[:64]

    @property
    def blocks(self) -> bool:
        return self.severity == "block"
