"""Table 2 figures the catalogue can supply (行政规范性文件 counts); the rest are entered by staff.

A document counts only when its editors marked it a 行政规范性文件 (with its 登记号) — not every
formal document is one (国办发〔2018〕37号). For report year Y:

- 本年制发件数: marked documents whose 成文日期 (or, without one, publication date) is in Y;
- 本年废止件数: marked documents whose 废止/失效 date is in Y;
- 现行有效件数: marked documents made by 31 December of Y and neither repealed nor withdrawn by then.

Only those dates decide, so republishing or editing a page changes nothing. A county makes no
规章 (rules), so those stay as entered.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from disclosure.catalogue.registration import WithdrawalReason
from disclosure.models import CatalogueEntry


def normative_documents(organisation=None):
    """Catalogue entries marked as 行政规范性文件 (of ``organisation``, or all).

    A document now behind a view restriction is not public, so the report does not count it.
    """
    entries = CatalogueEntry.objects.filter(is_normative=True).exclude(
        status=CatalogueEntry.Status.WITHDRAWN, withdrawal_reason=str(WithdrawalReason.RESTRICTED)
    )
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    return entries


def derive_table2(year, organisation=None):
    """The derivable table-2 figures for ``year`` as a dict of ``YearlyReport`` field names."""
    documents = normative_documents(organisation)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    tz = timezone.get_current_timezone()
    start_dt = datetime.datetime(year, 1, 1, tzinfo=tz)
    end_dt = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    written_in_year = Q(written_date__year=year) | Q(written_date__isnull=True, display_date__gte=start_dt,
                                                     display_date__lt=end_dt)
    written_by_end = Q(written_date__lte=end) | Q(written_date__isnull=True, display_date__lt=end_dt)
    repealed_by_end = Q(repealed_on__lte=end)
    withdrawn_by_end = Q(withdrawn_at__lt=end_dt)
    return {
        "normative_issued": documents.filter(written_in_year).count(),
        "normative_abolished": documents.filter(repealed_on__gte=start, repealed_on__lte=end).count(),
        "normative_valid": documents.filter(written_by_end).exclude(repealed_by_end).exclude(withdrawn_by_end).count(),
    }


def confidentiality_review_counts(year, organisation=None):
    """``{"proactive_published": n, "proactive_reviewed": m}``: entries first published in ``year`` (of
    ``organisation``, or all; withdrawn ones included - they were published) and those of them with a
    confidentiality reviewer recorded (条例 art. 17)."""
    tz = timezone.get_current_timezone()
    entries = CatalogueEntry.objects.filter(first_published_at__gte=datetime.datetime(year, 1, 1, tzinfo=tz),
                                            first_published_at__lt=datetime.datetime(year + 1, 1, 1, tzinfo=tz))
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    return {"proactive_published": entries.count(),
            "proactive_reviewed": entries.filter(confidentiality_reviewed_at__isnull=False).count()}


def apply_derived_table2(report):
    """Fill the report's derivable table-2 fields from the catalogue (staff may still edit them), and the
    confidentiality-review counts (not editable)."""
    derived = {**derive_table2(report.year, report.organisation),
               **confidentiality_review_counts(report.year, report.organisation)}
    for name, value in derived.items():
        setattr(report, name, value)
    report.table2_derived_at = timezone.now()
    return report
