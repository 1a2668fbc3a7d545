"""逾期公开: entries published more than 20 working days after they were made (条例 art. 26), per organisation.

The rule and its working-day counting live in the catalogue's due items (``late_entries``, on the official
calendar of ``interaction/working_days.py``); this module only asks it about the inspection year (the 12
calendar months before the as-of date) and turns its findings into the evidence an inspector cites.
"""

from disclosure.catalogue.due_items import late_entries
from disclosure.catalogue.statutory import StatutoryItem

from .dates import add_months


def late_publications(day):
    """{organisation id: [{"title", "url", "index_number", "written_date", "published", "working_days", "limit"}]}.

    Entries first published after ``day`` twelve months back and by the end of ``day``; years missing from
    the working-day calendar are not judged (``late_entries``). Two queries.
    """
    items_by_pk = {item.pk: item for item in StatutoryItem.objects.active()}
    found = late_entries(day, add_months(day, -12), items_by_pk)
    return {
        organisation_id: [
            {"title": finding.title, "url": finding.url, "index_number": finding.index_number,
             "written_date": finding.written_date.isoformat(), "published": finding.published_on.isoformat(),
             "working_days": finding.working_days, "limit": finding.limit}
            for finding in findings
        ]
        for organisation_id, findings in found.items()
    }
