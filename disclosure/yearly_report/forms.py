"""Staff forms for the yearly report: choose organisation and year; edit narrative and entered figures."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from disclosure.yearly_report.models import YearlyReport
from disclosure.yearly_report.table4 import TABLE4_GROUPS, TABLE4_RESULTS
from security.strict_input import StrictIntegerField, strict_formfield

TABLE2_FIELDS = [
    "regulations_issued", "regulations_abolished", "regulations_valid",
    "normative_issued", "normative_abolished", "normative_valid",
    "licensing_decisions", "penalty_decisions", "coercion_decisions", "fees_amount",
]
TABLE4_FIELDS = [f"{group}_{result}" for group, _label in TABLE4_GROUPS for result, _rlabel in TABLE4_RESULTS]
COUNTY_WIDE = "county"


class NewReportForm(forms.Form):
    organisation = forms.ChoiceField(label=_("机构"))
    year = StrictIntegerField(label=_("年度"), min_value=2008, max_value=2100,
                              error_messages={"min_value": _("年度不能早于2008年（条例施行之年）。")})

    def __init__(self, *args, organisations, county_wide_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(org.pk), org.name) for org in organisations]
        if county_wide_allowed:
            choices.insert(0, (COUNTY_WIDE, _("全县汇总（内部统计，不作为县政府本级年度报告发布）")))
        self.fields["organisation"].choices = choices
        self.fields["year"].initial = datetime.date.today().year - 1


class ReportForm(forms.ModelForm):
    formfield_callback = strict_formfield

    class Meta:
        model = YearlyReport
        fields = ["overview", *TABLE2_FIELDS, *TABLE4_FIELDS, "problems", "other_matters"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ("overview", "problems", "other_matters")}

    def clean(self):
        """Each 总计 of table 4 is the sum of its four results; a blank (0) total is filled in."""
        cleaned = super().clean()
        for group, label in TABLE4_GROUPS:
            parts = [cleaned.get(f"{group}_{result}") or 0 for result, _l in TABLE4_RESULTS if result != "total"]
            total_name = f"{group}_total"
            total = cleaned.get(total_name) or 0
            if total == 0:
                cleaned[total_name] = sum(parts)
            elif total != sum(parts):
                self.add_error(total_name, ValidationError(
                    _("%(label)s的总计应等于结果维持、结果纠正、其他结果和尚未审结之和（%(sum)d）。"),
                    params={"label": label, "sum": sum(parts)},
                ))
        return cleaned
