"""Table 3 of the yearly report (收到和处理政府信息公开申请情况), computed from the applications.

For year Y an application is in the table when it was received by 31 December of Y and not
answered before 1 January of Y. It is counted once as 一、本年新收 (received in Y) or 二、上年结转
(received earlier), and once as an outcome answered in Y or as 四、结转下年度继续办理 (not
answered by 31 December) — which is why 一 + 二 = 三（七）+ 四 holds column by column.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from disclosure.applications.choices import OUTCOME_GROUPS, ApplicantType, OrganisationCategory, Outcome
from disclosure.applications.models import Application

NATURAL_PERSON = "natural_person"
TOTAL = "total"
COLUMNS = [NATURAL_PERSON, *OrganisationCategory.values, TOTAL]
COLUMN_LABELS = {
    NATURAL_PERSON: _("自然人"),
    **{value: label for value, label in OrganisationCategory.choices},
    TOTAL: _("总计"),
}
NEW = "new"
CARRIED_OVER = "carried_over"
OUTCOMES_TOTAL = "outcomes_total"
CARRIED_FORWARD = "carried_forward"
RESULTS_HEADING = _("三、本年度办理结果")
ROW_KEYS = [NEW, CARRIED_OVER, *Outcome.values, OUTCOMES_TOTAL, CARRIED_FORWARD]


def _column(applicant_type, category):
    if applicant_type == ApplicantType.CITIZEN:
        return NATURAL_PERSON
    return category or OrganisationCategory.OTHER


@dataclass
class Table3:
    """Counts by row key and column key; ``rows()`` lays them out as the official table."""

    year: int
    counts: dict = field(default_factory=lambda: {row: dict.fromkeys(COLUMNS, 0) for row in ROW_KEYS})

    def add(self, row, column):
        self.counts[row][column] += 1
        self.counts[row][TOTAL] += 1

    def value(self, row, column=TOTAL):
        return self.counts[row][column]

    def check(self):
        """Columns where 一 + 二 ≠ 三（七）+ 四 (the official consistency check); empty when it holds."""
        return [
            column for column in COLUMNS
            if self.value(NEW, column) + self.value(CARRIED_OVER, column)
            != self.value(OUTCOMES_TOTAL, column) + self.value(CARRIED_FORWARD, column)
        ]

    def rows(self):
        """[(section label, sub-row label, [numbers per column] or None)] in the official order.

        The row of "三、本年度办理结果" is a heading: its numbers are ``None`` (the official table has
        no figures there; its outcomes follow as (一)…(七)).
        """
        values = lambda row: [self.counts[row][column] for column in COLUMNS]  # noqa: E731
        rows = [(str(_("一、本年新收政府信息公开申请数量")), "", values(NEW)),
                (str(_("二、上年结转政府信息公开申请数量")), "", values(CARRIED_OVER)),
                (str(RESULTS_HEADING), "", None)]
        for group_label, outcomes in OUTCOME_GROUPS:
            for outcome, sub_label in outcomes:
                rows.append((str(group_label), str(sub_label), values(outcome)))
        rows.append((str(_("（七）总计")), "", values(OUTCOMES_TOTAL)))
        rows.append((str(_("四、结转下年度继续办理")), "", values(CARRIED_FORWARD)))
        return rows

    def to_snapshot(self):
        return {"year": self.year, "counts": self.counts}

    @classmethod
    def from_snapshot(cls, snapshot):
        table = cls(snapshot["year"])
        for row, columns in snapshot["counts"].items():
            if row in table.counts:
                table.counts[row].update({c: v for c, v in columns.items() if c in COLUMNS})
        return table


def compute_table3(year, organisation=None):
    """Table 3 for ``organisation`` (None: every organisation in the county) in ``year``."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    applications = Application.objects.filter(received_on__lte=end).exclude(answered_on__lt=start)
    if organisation is not None:
        applications = applications.filter(organisation=organisation)
    table = Table3(year)
    rows = applications.values_list("applicant_type", "organisation_category", "received_on", "answered_on", "outcome")
    for applicant_type, category, received_on, answered_on, outcome in rows.iterator():
        column = _column(applicant_type, category)
        table.add(NEW if received_on >= start else CARRIED_OVER, column)
        if answered_on is not None and answered_on <= end and outcome:
            table.add(outcome, column)
            table.add(OUTCOMES_TOTAL, column)
        else:
            table.add(CARRIED_FORWARD, column)
    return table
