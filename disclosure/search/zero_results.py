"""The zero-results report (无结果搜索词): what citizens looked for and did not find, most asked first."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from security.strict_input import StrictInputError, parse_optional_int

from .querylog import zero_result_queries


class ZeroResultsReportView(ReportView):
    page_title = _("无结果搜索词")
    header_icon = "search"
    results_template_name = "search/admin/zero_results_results.html"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results"
    list_export = ["query", "times", "last_searched"]
    export_headings = {"query": _("搜索词"), "times": _("次数"), "last_searched": _("最近一次")}
    paginate_by = 50

    def get_queryset(self):
        try:
            self.days = parse_optional_int(self.request.GET.get("days"), 30, minimum=1, maximum=366)
        except StrictInputError:
            self.days = 30
        return zero_result_queries(days=self.days)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = self.days
        return context
