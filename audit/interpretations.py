"""政策文件未解读: 行政规范性文件 published without an interpretation (政策解读) linked to them.

国办发〔2016〕80号 (实施细则 of 全面推进政务公开工作的意见) has the drafting office publish the interpretation
with the document, at the latest 3 working days after it. The office reads "where one is required" as every
行政规范性文件 (国办发〔2018〕37号), the documents marked so in the catalogue (unverified: the inspection
text names no class). A document counts when it was first published in the 12 calendar months before the
as-of date, was neither repealed nor withdrawn by then, its 3 working days have passed, and no interpretation
page naming it (``PolicyInterpretationPage.policy``) was in the catalogue by then. Three queries.
"""

from django.db.models import Q

from interaction.working_days import working_days_between
from portal.models import PolicyInterpretationPage
from portal.taxonomy import Validity

from .dates import add_months, iso_date, local_date, start_of_day
from .snapshot import counted_on

GRACE_WORKING_DAYS = 3


def uninterpreted_policies(organisation_ids, day):
    """{organisation id: [{"title", "url", "document_number", "published", "working_days"}]} as of the end of ``day``."""
    # From the (few) interpretation pages to their entries by the unique page key: joining every catalogue
    # entry to the page tables instead costs a scan of the whole catalogue.
    pairs = list(PolicyInterpretationPage.objects.filter(policy__isnull=False).values_list("pk", "policy_id"))
    catalogued = set(counted_on(day).filter(page_id__in=[pk for pk, _policy in pairs]).values_list("page_id", flat=True))
    explained = {policy_id for pk, policy_id in pairs if pk in catalogued}
    rows = (
        counted_on(day)
        .filter(organisation_id__in=list(organisation_ids), is_normative=True, page__isnull=False,
                first_published_at__gte=start_of_day(add_months(day, -12)))
        .filter(Q(repealed_on__isnull=True) | Q(repealed_on__gt=day))
        .exclude(validity__in=[Validity.REPEALED, Validity.EXPIRED], repealed_on__isnull=True)
        .order_by("first_published_at")
        .values("organisation_id", "page_id", "title", "url", "document_number", "first_published_at")
    )
    found = {}
    for row in rows:
        if row["page_id"] in explained:
            continue
        published = local_date(row["first_published_at"])
        elapsed = working_days_between(published, day)
        if elapsed is None or elapsed <= GRACE_WORKING_DAYS:
            continue
        found.setdefault(row["organisation_id"], []).append({
            "title": row["title"], "url": row["url"], "document_number": row["document_number"],
            "published": iso_date(published), "working_days": elapsed,
        })
    return found
