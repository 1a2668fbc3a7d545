"""Yearly reports in the admin: create, edit narrative and entered figures, publish, download XLSX.

An organisation's report is open to its staff and the information office; the county-wide
report to the information office only.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from departments.roles import is_information_office
from disclosure.applications.access import can_handle, handled_organisations, handles_any
from disclosure.yearly_report.models import YearlyReport
from security.strict_input import parse_id

from .due import missing_reports
from .forms import COUNTY_WIDE, NewReportForm, ReportForm
from .publishing import submit_report
from .table2 import apply_derived_table2
from .table3 import COLUMN_LABELS, COLUMNS, compute_table3
from .xlsx import report_workbook


def _may_see(user, report):
    if report.organisation_id is None:
        return is_information_office(user)
    return can_handle(user, report.organisation_id)


def _get_report(request, pk):
    report = get_object_or_404(YearlyReport.objects.select_related("organisation"), pk=pk)
    if not _may_see(request.user, report):
        raise PermissionDenied
    return report


def index(request):
    if not handles_any(request.user):
        raise PermissionDenied
    organisations = handled_organisations(request.user)
    office = is_information_office(request.user)
    form = NewReportForm(request.POST or None, organisations=organisations, county_wide_allowed=office)
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["organisation"]
        organisation = None if choice == COUNTY_WIDE else organisations.get(pk=parse_id(choice))
        report = YearlyReport.objects.filter(organisation=organisation, year=form.cleaned_data["year"]).first()
        if report is None:
            report = apply_derived_table2(YearlyReport(organisation=organisation, year=form.cleaned_data["year"]))
            report.save()
        return redirect("disclosure_reports_admin:edit", pk=report.pk)
    reports = YearlyReport.objects.select_related("organisation").filter(organisation__in=organisations)
    if office:
        reports = reports | YearlyReport.objects.filter(organisation__isnull=True)
    today = timezone.localdate()
    missing = missing_reports(today.year - 1, organisations)
    return render(request, "disclosure/yearly_report/admin/index.html", {
        "form": form, "reports": reports.order_by("-year"), "missing": missing, "missing_year": today.year - 1,
        "today": today,
    }, status=400 if form.errors else 200)


def edit(request, pk):
    report = _get_report(request, pk)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("年度报告已保存。"))
            return redirect("disclosure_reports_admin:edit", pk=pk)
    table3 = compute_table3(report.year, report.organisation)
    return render(request, "disclosure/yearly_report/admin/edit.html", {
        "report": report, "form": form, "table3": table3, "column_labels": [COLUMN_LABELS[c] for c in COLUMNS],
        "table3_broken": table3.check(),
    }, status=400 if form.errors else 200)


@require_POST
def derive(request, pk):
    report = _get_report(request, pk)
    apply_derived_table2(report).save()
    messages.success(request, _("已根据政府信息公开目录重新统计行政规范性文件件数。"))
    return redirect("disclosure_reports_admin:edit", pk=pk)


@require_POST
def publish(request, pk):
    """Submit the report for approval (the organisation's workflow); approval publishes it."""
    report = _get_report(request, pk)
    try:
        submit_report(report, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("disclosure_reports_admin:edit", pk=pk)
    messages.success(request, _("年度报告已提交审核；本机关审核人员批准后发布到本机关政府信息公开年报栏目。"))
    return redirect("disclosure_reports_admin:edit", pk=pk)


def download_xlsx(request, pk):
    report = _get_report(request, pk)
    content = report_workbook(report)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    filename = f"yearly-report-{report.organisation.slug if report.organisation_id else 'county-internal'}-{report.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
