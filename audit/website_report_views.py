"""网站年度报表 in the admin (information office only): list by year, generate, edit, approve, publish.

The report's rows are the official form's (``website_report_figures.ROWS``); the form has one field per row,
generated rows pre-filled and still editable, so the office can correct a count before publishing. Saving
returns the report to 草稿; “审核通过” approves what is stored; “发布到网站” publishes an approved report only.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from security.strict_input import StrictInputError, StrictIntegerField, parse_id, parse_year

from .models import WebsiteYearlyReport
from .views import AuditAdminView
from .website_report_figures import GENERATED, ROWS, SECTIONS
from .website_report_publishing import (
    approve_report,
    due_on,
    edit_report,
    generate_report,
    publish_report,
    website_for_key,
)
from .websites import resolve_websites

BOOL_CHOICES = [("", gettext_lazy("未填写")), ("1", gettext_lazy("是")), ("0", gettext_lazy("否"))]


class ReportFiguresForm(forms.Form):
    """One field per row of the official form; blank means not filled in."""

    def __init__(self, *args, figures=None, **kwargs):
        super().__init__(*args, **kwargs)
        figures = figures or {}
        for code, _section, label, unit, kind, source in ROWS:
            help_text = _("系统统计，可修改") if source == GENERATED else ""
            full_label = f"{label}（{unit}）" if unit else str(label)
            if kind == "int":
                field = StrictIntegerField(label=full_label, min_value=0, required=False, help_text=help_text,
                                           error_messages={"invalid": _("请填写整数。"), "min_value": _("不能为负数。")})
                initial = figures.get(code)
            elif kind == "bool":
                field = forms.TypedChoiceField(label=full_label, choices=BOOL_CHOICES, required=False, help_text=help_text,
                                               coerce=lambda value: value == "1", empty_value=None)
                value = figures.get(code)
                initial = "" if value is None else ("1" if value else "0")
            else:
                field = forms.CharField(label=full_label, max_length=200, required=False, help_text=help_text)
                initial = figures.get(code, "")
            field.initial = initial
            self.fields[code] = field

    def sections(self):
        """[(section label, [bound fields])] in the official order, for the template."""
        return [(label, [self[code] for code, row_section, *_rest in ROWS if row_section == section])
                for section, label in SECTIONS]


def chosen_year(raw):
    """The report year asked for (default: last year); a bad one raises ``StrictInputError`` with its message."""
    if raw in (None, ""):
        return timezone.localdate().year - 1
    return parse_year(raw)


class ReportListView(AuditAdminView):
    template_name = "audit/yearly_reports.html"
    page_title = gettext_lazy("政府网站工作年度报表")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        try:
            year = chosen_year(request.GET.get("year"))
        except StrictInputError as error:
            return self.bad_request(error.messages[0])
        return self.render_to_response(self.get_context_data(**self.listing(year)))

    def listing(self, year):
        reports = {report.site_key: report for report in WebsiteYearlyReport.objects.filter(year=year)}
        today = timezone.localdate()
        rows = [{"website": website, "report": reports.get(website.key)} for website in resolve_websites()]
        return {"year": year, "rows": rows, "due_on": due_on(year), "overdue": today > due_on(year),
                "reminding": today >= due_on(year).replace(month=1, day=1)}

    def post(self, request, *args, **kwargs):
        """生成: create or refresh the report of one website for one year, then open it."""
        try:
            year = chosen_year(request.POST.get("year"))
        except StrictInputError as error:
            return self.bad_request(error.messages[0])
        website = website_for_key(request.POST.get("site", ""))
        if website is None:
            return self.bad_request(_("未找到该网站。"))
        report = generate_report(website, year, request.user)
        messages.success(request, _("已根据目录、留言、办事指南、阅读次数和可用性监测生成报表，请核对并填写其余项目。"))
        return redirect("audit_yearly_reports:edit", pk=report.pk)


class ReportEditView(AuditAdminView):
    template_name = "audit/yearly_report_edit.html"
    page_title = gettext_lazy("编辑政府网站工作年度报表")

    def get_report(self, pk):
        try:
            return get_object_or_404(WebsiteYearlyReport, pk=parse_id(pk))
        except StrictInputError:
            raise Http404 from None

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, pk, *args, **kwargs):
        report = self.get_report(pk)
        form = ReportFiguresForm(figures=report.figures)
        return self.render_to_response(self.get_context_data(report=report, form=form))

    def post(self, request, pk, *args, **kwargs):
        report = self.get_report(pk)
        action = request.POST.get("action", "save")
        if action in ("approve", "publish"):
            return self.advance(request, report, action)
        form = ReportFiguresForm(request.POST, figures=report.figures)
        if not form.is_valid():
            context = self.get_context_data(report=report, form=form, error=_("请修改标红的项目后再保存。"))
            return self.render_to_response(context, status=400)
        edit_report(report, {**(report.figures or {}), **form.cleaned_data}, request.user)
        messages.success(request, _("报表已保存为草稿，审核通过后方可发布。"))
        return redirect("audit_yearly_reports:edit", pk=report.pk)

    def advance(self, request, report, action):
        """审核通过 or 发布到网站 the stored report; a step out of order is a 400 with the reason."""
        try:
            if action == "approve":
                approve_report(report, request.user)
                done = _("报表已审核通过，可以发布。")
            else:
                website = website_for_key(report.site_key)
                if website is None:
                    raise ValueError(_("未找到该网站。"))
                publish_report(report, website, request.user)
                done = _("报表已发布到网站。")
        except ValueError as error:
            form = ReportFiguresForm(figures=report.figures)
            context = self.get_context_data(report=report, form=form, error=str(error))
            return self.render_to_response(context, status=400)
        messages.success(request, done)
        return redirect("audit_yearly_reports:edit", pk=report.pk)
