"""Table 2 figures that the catalogue can supply (行政规范性文件 counts); the rest are entered by staff.

Normative documents are the catalogue's formal documents in 政策文件 columns (news, interpretations
and guides excluded). "Issued in Y" uses the 成文日期 (or the publication date when there is none);
"abolished in Y" counts documents marked 失效/废止 whose record last changed in Y, which is the
closest the catalogue can tell, so staff check and may correct the figure before publishing.
A county makes no 规章 (rules), so those stay as entered.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from disclosure.catalogue.taxonomy import Genre, Validity
from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind

NOT_NORMATIVE_GENRES = [Genre.NEWS, Genre.INTERPRETATION, Genre.SERVICE_GUIDE, Genre.STATISTICS, Genre.REPORT]


def normative_documents(organisation=None):
    entries = CatalogueEntry.objects.filter(column_kind=ColumnKind.POLICIES).exclude(genre__in=NOT_NORMATIVE_GENRES)
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    return entries


def derive_table2(year, organisation=None):
    """The derivable table-2 figures for ``year`` as a dict of ``YearlyReport`` field names."""
    documents = normative_documents(organisation)
    end = datetime.date(year, 12, 31)
    tz = timezone.get_current_timezone()
    start_dt = datetime.datetime(year, 1, 1, tzinfo=tz)
    end_dt = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    written_in_year = Q(written_date__year=year) | Q(written_date__isnull=True, display_date__gte=start_dt,
                                                     display_date__lt=end_dt)
    written_by_end = Q(written_date__lte=end) | Q(written_date__isnull=True, display_date__lt=end_dt)
    return {
        "normative_issued": documents.public().filter(written_in_year).count(),
        "normative_abolished": documents.filter(
            validity__in=[Validity.EXPIRED, Validity.REPEALED], last_updated_at__gte=start_dt, last_updated_at__lt=end_dt
        ).count(),
        "normative_valid": documents.public().filter(written_by_end, validity=Validity.VALID).count(),
    }


def apply_derived_table2(report):
    """Fill the report's derivable table-2 fields from the catalogue (staff may still edit them)."""
    for name, value in derive_table2(report.year, report.organisation).items():
        setattr(report, name, value)
    report.table2_derived_at = timezone.now()
    return report
