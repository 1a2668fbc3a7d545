"""The information office's dashboard, the drill-down per organisation and the table exports.

Views only read request parameters, call ``audit.findings`` and pick a template; every rule lives
in ``audit.evaluation``. Bad parameters (an unreadable or future ``as_of``, an unknown kind or
format) get a Chinese message and a 400, never a 500.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from departments.models import Organisation

from . import charts, exports, inspection_report, snapshot
from .dates import AsOfError, months_back, parse_as_of, today
from .evaluation import ColumnStatus, VetoState
from .findings import build_report
from .permissions import forbidden, may_audit

CHART_MONTHS = 24


class BadParameter(ValueError):
    pass


def sort_value(key):
    """Sort keys for the table; missing values (no update yet, interaction not evaluated) sort last."""
    def value(audit):
        raw = getattr(audit, key)
        if key == "score":
            raw = audit.score.value
        if key == "kind":
            raw = (audit.kind, audit.facts.sort_order)
        return (raw is None, raw if raw is not None else 0)
    return value


SORTABLE = {
    "name": gettext_lazy("机构"),
    "kind": gettext_lazy("类型"),
    "last_published": gettext_lazy("最近更新"),
    "items_30d": gettext_lazy("近30天"),
    "items_90d": gettext_lazy("近90天"),
    "items_365d": gettext_lazy("近365天"),
    "stale_columns": gettext_lazy("未按期更新栏目"),
    "empty_columns": gettext_lazy("空白栏目"),
    "overdue_messages": gettext_lazy("超期未回复留言"),
    "score": gettext_lazy("得分"),
    "rank": gettext_lazy("同类排名"),
    "fails_inspection": gettext_lazy("单项否决"),
}
KIND_FILTERS = {"": gettext_lazy("全部"), **{kind.value: kind.label for kind in Organisation.Kind}}


def table_parameters(query):
    """Read ``as_of``, ``kind`` and ``ordering`` from a query dict; raise ``BadParameter`` with a message."""
    try:
        day = parse_as_of(query.get("as_of"))
    except AsOfError as error:
        raise BadParameter(str(error)) from None
    kind = query.get("kind", "")
    if kind not in KIND_FILTERS:
        raise BadParameter(_("未知的机构类型“%(kind)s”，可选：部门、乡镇（街道）、县政府。") % {"kind": kind})
    ordering = query.get("ordering", "kind")
    if ordering.lstrip("-") not in SORTABLE:
        raise BadParameter(_("不能按“%(ordering)s”排序。") % {"ordering": ordering})
    return day, kind, ordering


def table_rows(report, kind, ordering):
    rows = [audit for audit in report.organisations if not kind or audit.kind == kind]
    key = ordering.lstrip("-")
    rows.sort(key=sort_value(key), reverse=ordering.startswith("-"))
    if ordering.startswith("-"):
        # Keep missing values last in both directions.
        rows.sort(key=lambda audit: sort_value(key)(audit)[0])
    return rows


def query_string(**params):
    return urlencode({name: value for name, value in params.items() if value})


class AuditAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not may_audit(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def bad_request(self, message):
        context = self.get_context_data(error=message)
        return self.render_to_response(context, status=400)


class DashboardView(AuditAdminView):
    template_name = "audit/dashboard.html"
    page_title = gettext_lazy("站点监测")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        try:
            day, kind, ordering = table_parameters(request.GET)
        except BadParameter as error:
            return self.bad_request(str(error))
        report = build_report(day)
        rows = table_rows(report, kind, ordering)
        as_of_param = day.isoformat() if day != today() else ""
        headers = []
        for key, label in SORTABLE.items():
            current = ordering.lstrip("-") == key
            descending = ordering.startswith("-")
            next_ordering = f"-{key}" if current and not descending else key
            headers.append({
                "key": key, "label": label, "current": current,
                "aria_sort": ("descending" if descending else "ascending") if current else None,
                "url": "?" + query_string(as_of=as_of_param, kind=kind, ordering=next_ordering),
            })
        context = self.get_context_data(
            report=report, rows=rows, headers=headers, as_of=day, as_of_param=as_of_param, kind=kind,
            kind_filters=[
                {"value": value, "label": label, "current": value == kind,
                 "url": "?" + query_string(as_of=as_of_param, kind=value, ordering=ordering)}
                for value, label in KIND_FILTERS.items()
            ],
            failing=sum(1 for audit in rows if audit.fails_inspection),
            export_query=query_string(as_of=as_of_param, kind=kind, ordering=ordering),
            organisation_query=query_string(as_of=as_of_param),
        )
        return self.render_to_response(context)


class OrganisationAuditView(AuditAdminView):
    template_name = "audit/organisation.html"
    page_title = gettext_lazy("站点监测")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("audit:dashboard"), "label": _("站点监测")},
            {"url": "", "label": getattr(self, "organisation_name", "")},
        ]

    def get_page_subtitle(self):
        return getattr(self, "organisation_name", "")

    def get(self, request, slug, *args, **kwargs):
        try:
            day = parse_as_of(request.GET.get("as_of"))
        except AsOfError as error:
            return self.bad_request(str(error))
        report = build_report(day)
        audit = report.find(slug)
        if audit is None:
            raise Http404(_("没有英文标识为“%(slug)s”的启用机构。") % {"slug": slug})
        self.organisation_name = audit.name
        months = months_back(day, CHART_MONTHS)
        counts = snapshot.monthly_counts(audit.facts.id, months, day)
        context = self.get_context_data(
            audit=audit, report=report, as_of=day, columns=audit.columns,
            as_of_param=day.isoformat() if day != today() else "",
            chart=charts.monthly_chart(counts),
            false_date_entries=snapshot.false_date_entries(audit.facts.id, day),
            statuses=ColumnStatus,
        )
        return self.render_to_response(context)


def export_table(request, file_format):
    """The dashboard table, filtered and sorted the same way, as CSV or XLSX."""
    if not may_audit(request.user):
        return forbidden(request)
    if file_format not in ("csv", "xlsx"):
        return HttpResponseBadRequest(_("不支持的导出格式“%(format)s”，可选 csv 或 xlsx。") % {"format": file_format},
                                      content_type="text/plain; charset=utf-8")
    try:
        day, kind, ordering = table_parameters(request.GET)
    except BadParameter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    rows = table_rows(build_report(day), kind, ordering)
    filename = f"audit-{day.isoformat()}.{file_format}"
    if file_format == "csv":
        response = HttpResponse(exports.as_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(rows, day),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class WebsiteAuditView(AuditAdminView):
    """One website's inspection: every veto with its state and evidence, and its channels underneath."""

    template_name = "audit/website.html"
    page_title = gettext_lazy("网站检查")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("audit:dashboard"), "label": _("站点监测")},
            {"url": "", "label": getattr(self, "website_name", "")},
        ]

    def get_page_subtitle(self):
        return getattr(self, "website_name", "")

    def get(self, request, key, *args, **kwargs):
        try:
            day = parse_as_of(request.GET.get("as_of"))
        except AsOfError as error:
            return self.bad_request(str(error))
        report = build_report(day)
        website = report.find_website(key)
        if website is None:
            raise Http404(_("没有网站标识码为“%(key)s”的网站。") % {"key": key})
        self.website_name = website.name
        as_of_param = day.isoformat() if day != today() else ""
        context = self.get_context_data(
            website=website, report=report, as_of=day, as_of_param=as_of_param, states=VetoState,
            organisation_query=query_string(as_of=as_of_param),
        )
        return self.render_to_response(context)


def inspection_report_view(request, file_format="html"):
    """The printable inspection report for an as-of date: HTML (print from the browser) or XLSX."""
    if not may_audit(request.user):
        return forbidden(request)
    try:
        day = parse_as_of(request.GET.get("as_of"))
    except AsOfError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    report = build_report(day)
    key = request.GET.get("site", "")
    if key:
        website = report.find_website(key)
        if website is None:
            return HttpResponseBadRequest(_("没有网站标识码为“%(key)s”的网站。") % {"key": key},
                                          content_type="text/plain; charset=utf-8")
        report.websites = [website]
    if file_format == "xlsx":
        response = HttpResponse(
            inspection_report.as_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="inspection-{day.isoformat()}.xlsx"'
        return response
    return TemplateResponse(request, "audit/inspection_report.html", {
        "report": report, "as_of": day, "summary": inspection_report.county_summary(report), "states": VetoState,
    })
