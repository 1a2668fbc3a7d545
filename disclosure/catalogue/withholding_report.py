"""Admin report 不予主动公开登记: the confidentiality review's decisions not to publish proactively.

A Wagtail ``ReportView`` (so the office gets CSV and XLSX exports as with every report): the information
office sees every organisation's decisions, an organisation's editors and approvers their own.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from departments.models import Organisation
from departments.staff import staff_organisations
from portal.taxonomy import DisclosureMode

from .withholding import WITHHELD_MODES, decision_rows, withholding_decisions


def local_minute(value):
    """An aware datetime as local 'YYYY-MM-DD HH:MM' (Asia/Shanghai), '' for None."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class WithholdingFilterSet(WagtailFilterSet):
    decision_mode = django_filters.ChoiceFilter(
        label=_("公开属性"), choices=[(mode.value, mode.label) for mode in WITHHELD_MODES], field_name="decision_mode")
    organisation = django_filters.ModelChoiceFilter(
        label=_("机构"), queryset=Organisation.objects.none(), method="filter_organisation")
    decided_at = django_filters.DateFromToRangeFilter(label=_("审查时间"), widget=DateRangePickerWidget)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = organisations if organisations is not None else Organisation.objects.all()

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(organisation_id=value.pk)

    class Meta:
        model = Organisation  # filters read the report's annotations, not a model's fields
        fields = []


class WithholdingReportView(ReportView):
    page_title = _("不予主动公开登记")
    header_icon = "lock"
    results_template_name = "disclosure/catalogue/admin/withholding_results.html"
    index_url_name = "withholding_register"
    index_results_url_name = "withholding_register_results"
    filterset_class = WithholdingFilterSet
    list_export = ["title", "mode_label", "reason", "organisation", "decided_by", "decided_at", "site_status"]
    export_headings = {
        "title": _("标题"), "mode_label": _("公开属性"), "reason": _("不予主动公开的理由和依据"),
        "organisation": _("机构"), "decided_by": _("审查人"), "decided_at": _("审查时间"), "site_status": _("网站状态"),
    }
    # Beijing time as written in the register (Wagtail would write an XLSX date in UTC).
    custom_field_preprocess = {"decided_at": {fmt: local_minute for fmt in ReportView.FORMATS}}
    export_filename = "withholding-register"
    paginate_by = 50

    def visible_organisations(self):
        if not hasattr(self, "_organisations"):
            self._organisations = staff_organisations(self.request.user).order_by("kind", "sort_order", "pk")
        return self._organisations

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "organisations": self.visible_organisations()}

    def get_queryset(self):
        return withholding_decisions(self.visible_organisations())

    def decorate_paginated_queryset(self, object_list):
        return decision_rows(object_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["modes"] = DisclosureMode
        return context
