"""Information requested by several applicants (条例第四十四条), for deciding on proactive disclosure.

Requests are grouped by the document number when the applicant gave one, else by the name of
the information with spaces, punctuation and letter case ignored ("2025年 城关镇预算" and
"2025年城关镇预算。" are one). Applicants are counted by ID number or credit code, so one person
asking three times is one applicant.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from disclosure.applications.models import Application

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def request_key(name, document_number=""):
    """The grouping key of one request: ``("文号", …)`` or ``("名称", …)`` normalised."""
    number = _NOT_WORD.sub("", unicodedata.normalize("NFKC", document_number or "")).lower()
    if number:
        return ("number", number)
    return ("name", _NOT_WORD.sub("", unicodedata.normalize("NFKC", name or "")).lower())


@dataclass
class RepeatedRequest:
    key: tuple
    title: str
    document_number: str
    organisations: set = field(default_factory=set)
    applicants: set = field(default_factory=set)
    applications: int = 0
    first_received: object = None
    last_received: object = None

    @property
    def applicant_count(self):
        return len(self.applicants)


def repeated_requests(applications=None, min_applicants=2, since=None):
    """[RepeatedRequest] asked by at least ``min_applicants`` different applicants, most applicants first.

    ``applications`` is a queryset (default: all); ``since`` a date of receipt to start from.
    """
    applications = Application.objects.all() if applications is None else applications
    if since is not None:
        applications = applications.filter(received_on__gte=since)
    rows = applications.values_list("information_name", "information_document_number", "organisation__name",
                                     "applicant_type", "id_number", "credit_code", "received_on")
    groups = defaultdict(lambda: None)
    for name, number, organisation, applicant_type, id_number, credit_code, received_on in rows.iterator():
        key = request_key(name, number)
        if not key[1]:
            continue
        group = groups[key]
        if group is None:
            group = groups[key] = RepeatedRequest(key, name, number)
        group.organisations.add(organisation)
        group.applicants.add((applicant_type, id_number or credit_code))
        group.applications += 1
        group.first_received = min(filter(None, [group.first_received, received_on]))
        group.last_received = max(filter(None, [group.last_received, received_on]))
    found = [group for group in groups.values() if group.applicant_count >= min_applicants]
    for group in found:
        group.organisations = sorted(group.organisations)
    return sorted(found, key=lambda group: (-group.applicant_count, -group.applications, group.title))
