"""The printable inspection report (检查报告): per website, each veto and deduction with its evidence.

The same ``AuditReport`` the dashboard shows, written out the way an inspector cites findings (URL,
dates, counts), plus the county-wide summary the office sends upward. HTML is rendered by a template
(``audit/inspection_report.html``); this module builds the summary and the XLSX workbook.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .evaluation import VetoState

FAIL_FILL = PatternFill("solid", fgColor="F8D7D7")


def county_summary(report):
    """{"websites", "failing", "channels", "passing_scores"}: the figures the office reports upward."""
    websites = report.websites or []
    return {
        "websites": len(websites),
        "failing": sum(1 for website in websites if website.fails_inspection),
        "channels": sum(len(website.channels) for website in websites),
        "not_evaluated": sorted({str(veto.label) for website in websites for veto in website.vetoes
                                 if veto.state == VetoState.NOT_EVALUATED}),
    }


def evidence_text(item):
    """One evidence entry (a dict) as one line an inspector can read."""
    if not isinstance(item, dict):
        return str(item)
    return "；".join(f"{key}: {value}" for key, value in item.items() if value not in (None, "", []))


def as_xlsx(report):
    """Sheet 1 the county summary and one row per website; sheet 2 every finding with its evidence."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("汇总")
    figures = county_summary(report)
    summary.append([_("政府网站检查报告 截至 %(day)s") % {"day": report.as_of.isoformat()}])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([_("网站数"), figures["websites"], _("单项否决（不合格）"), figures["failing"], _("栏目（子站）数"), figures["channels"]])
    summary.append([])
    headings = [_("网站名称"), _("网站标识码"), _("域名"), _("检查结论"), _("得分"), _("否决项"), _("栏目（子站）")]
    summary.append(headings)
    for cell in summary[4]:
        cell.font = Font(bold=True)
    for website in report.websites or []:
        summary.append([
            website.name, website.site_id_code, website.hostname,
            _("单项否决，不合格") if website.fails_inspection else _("未触发单项否决"), website.score,
            "；".join(str(veto.label) for veto in website.failed_vetoes),
            "、".join(channel.name for channel in website.channels),
        ])
        if website.fails_inspection:
            for cell in summary[summary.max_row]:
                cell.fill = FAIL_FILL
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["F"].width = 40

    findings = workbook.create_sheet(_("问题与证据"))
    findings.append([_("网站"), _("类别"), _("项目"), _("结论"), _("说明"), _("证据")])
    for cell in findings[1]:
        cell.font = Font(bold=True)
    for website in report.websites or []:
        for veto in website.vetoes:
            if veto.state not in (VetoState.FAIL, VetoState.NOT_EVALUATED):
                continue
            rows = veto.evidence or [None]
            for item in rows:
                findings.append([website.name, _("单项否决"), str(veto.label), str(veto.state_label), veto.detail,
                                 evidence_text(item) if item is not None else ""])
        for deduction in website.deductions:
            for item in deduction["evidence"] or [None]:
                findings.append([website.name, _("扣分"), deduction["label"], _("扣 %(points)s 分") % deduction,
                                 deduction["detail"], evidence_text(item) if item is not None else ""])
    for column, width in zip("ABCDEF", (24, 10, 28, 14, 40, 80)):
        findings.column_dimensions[column].width = width
    for row in findings.iter_rows(min_row=2):
        row[5].alignment = Alignment(wrap_text=True)
    findings.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
