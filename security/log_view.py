"""The security log as a Wagtail report: filter by event, account and dates; export CSV or Excel.

Shown to users with the ``security.view_securityevent`` permission (the county information office
role grants it, see departments/roles.py) and to superusers.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from .models import SecurityEvent


class SecurityEventFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("事件"), choices=SecurityEvent.Kind.choices)
    username = django_filters.CharFilter(label=_("账号"), lookup_expr="icontains")
    at = django_filters.DateFromToRangeFilter(label=_("时间"), widget=DateRangePickerWidget)

    class Meta:
        model = SecurityEvent
        fields = ["kind", "username", "at"]


class SecurityLogReportView(ReportView):
    page_title = _("安全日志")
    header_icon = "warning"
    results_template_name = "security/admin/security_log_results.html"
    index_url_name = "security_log"
    index_results_url_name = "security_log_results"
    filterset_class = SecurityEventFilterSet
    list_export = ["at", "get_kind_display", "username", "actor", "ip_address", "path", "user_agent", "detail"]
    export_headings = {
        "at": _("时间"), "get_kind_display": _("事件"), "username": _("账号"), "actor": _("操作人"),
        "ip_address": _("IP 地址"), "path": _("地址"), "user_agent": _("浏览器"), "detail": _("详情"),
    }
    export_filename = "security-log"
    paginate_by = 100

    def get_queryset(self):
        return SecurityEvent.objects.all()
