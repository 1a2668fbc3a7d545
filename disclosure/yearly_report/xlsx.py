"""The yearly report as an XLSX workbook in the layout of 国办公开办函〔2021〕30号.

One sheet, in the order of the official text: title, 一 narrative, table 2, table 3 (with its
two-level column header), table 4 (with its two-level header), 五 and 六 narratives.
"""

from io import BytesIO

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .table3 import Table3, compute_table3
from .table4 import TABLE4_RESULTS

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
BOLD = Font(bold=True)
WIDTH = 9  # columns A..I


class _Sheet:
    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 1

    def cell(self, row, column, value, bold=False, align=CENTRE, box=True):
        if isinstance(value, Promise):  # lazy translations
            value = str(value)
        cell = self.sheet.cell(row=row, column=column, value=value)
        cell.alignment = align
        if bold:
            cell.font = BOLD
        if box:
            cell.border = BOX
        return cell

    def merged(self, row, first, last, value, bold=False, align=CENTRE, box=True, rows=1):
        for r in range(row, row + rows):
            for c in range(first, last + 1):
                self.cell(r, c, None, box=box)
        self.cell(row, first, value, bold=bold, align=align, box=box)
        if last > first or rows > 1:
            self.sheet.merge_cells(start_row=row, start_column=first, end_row=row + rows - 1, end_column=last)

    def heading(self, text):
        self.merged(self.row, 1, WIDTH, text, bold=True, align=Alignment(horizontal="left"), box=False)
        self.row += 1

    def paragraph(self, text):
        self.merged(self.row, 1, WIDTH, text or "", align=WRAP, box=False)
        lines = max(1, sum(len(line) // 60 + 1 for line in (text or "").splitlines()))
        self.sheet.row_dimensions[self.row].height = min(409, 15 * lines)
        self.row += 1


def _table2(out, report):
    top = out.row
    out.merged(top, 1, WIDTH, "第二十条第（一）项", bold=True)
    out.merged(top + 1, 1, 3, "信息内容", bold=True)
    out.merged(top + 1, 4, 5, "本年制发件数", bold=True)
    out.merged(top + 1, 6, 7, "本年废止件数", bold=True)
    out.merged(top + 1, 8, 9, "现行有效件数", bold=True)
    for offset, (label, prefix) in enumerate([("规章", "regulations"), ("行政规范性文件", "normative")], start=2):
        out.merged(top + offset, 1, 3, label)
        out.merged(top + offset, 4, 5, getattr(report, f"{prefix}_issued"))
        out.merged(top + offset, 6, 7, getattr(report, f"{prefix}_abolished"))
        out.merged(top + offset, 8, 9, getattr(report, f"{prefix}_valid"))
    row = top + 4
    for title, header, items in [
        ("第二十条第（五）项", "本年处理决定数量", [("行政许可", report.licensing_decisions)]),
        ("第二十条第（六）项", "本年处理决定数量",
         [("行政处罚", report.penalty_decisions), ("行政强制", report.coercion_decisions)]),
        ("第二十条第（八）项", "本年收费金额（万元）", [("行政事业性收费", report.fees_amount)]),
    ]:
        out.merged(row, 1, WIDTH, title, bold=True)
        out.merged(row + 1, 1, 5, "信息内容", bold=True)
        out.merged(row + 1, 6, 9, header, bold=True)
        row += 2
        for label, value in items:
            out.merged(row, 1, 5, label)
            out.merged(row, 6, 9, float(value) if not isinstance(value, int) else value)
            row += 1
    out.row = row + 1


def _table3(out, table):
    top = out.row
    out.merged(top, 1, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rows=3)
    out.merged(top, 3, 9, "申请人情况", bold=True)
    out.merged(top + 1, 3, 3, "自然人", bold=True, rows=2)
    out.merged(top + 1, 4, 8, "法人或其他组织", bold=True)
    for column, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        out.cell(top + 2, column, label, bold=True)
    out.merged(top + 1, 9, 9, "总计", bold=True, rows=2)
    row = top + 3
    groups = {}  # section label -> (first row, last row) of sub-rows
    for section, sub, values in table.rows():
        if values is None:  # the heading row of 三、本年度办理结果
            out.merged(row, 1, WIDTH, section, bold=True, align=Alignment(horizontal="left", vertical="center"))
            row += 1
            continue
        if sub:
            first, _last = groups.get(section, (row, row))
            groups[section] = (first, row)
            out.cell(row, 1, section if first == row else None)
            out.cell(row, 2, sub, align=WRAP)
        else:
            out.merged(row, 1, 2, section, align=WRAP)
        for column, value in enumerate(values, start=3):
            out.cell(row, column, value)
        row += 1
    for first, last in groups.values():
        if last > first:
            out.sheet.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    out.row = row + 1


def _table4(out, report):
    top = out.row
    labels = [label for _key, label in TABLE4_RESULTS]
    # 15 numbers in 15 columns would be too wide for A..I; the official table has them side by side.
    out.merged(top, 1, 5, "行政复议", bold=True)
    out.merged(top, 6, 15, "行政诉讼", bold=True)
    out.merged(top + 1, 6, 10, "未经复议直接起诉", bold=True)
    out.merged(top + 1, 11, 15, "复议后起诉", bold=True)
    for index, label in enumerate(labels):
        out.merged(top + 1, 1 + index, 1 + index, label, bold=True, rows=2)
        out.cell(top + 2, 6 + index, label, bold=True)
        out.cell(top + 2, 11 + index, label, bold=True)
    values = [value for _label, numbers in report.table4() for value in numbers]
    for column, value in enumerate(values, start=1):
        out.cell(top + 3, column, value)
    out.row = top + 5


def report_workbook(report, table3: Table3 | None = None):
    """XLSX bytes of ``report``; table 3 from ``table3``, the published snapshot, or computed now."""
    if table3 is None:
        table3 = compute_table3(report.year, report.organisation)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{report.year}年度报告"
    for column in range(1, 16):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 30
    out = _Sheet(sheet)
    out.merged(1, 1, WIDTH, str(report), bold=True, box=False)
    out.row = 3
    out.heading("一、总体情况")
    out.paragraph(report.overview)
    out.heading("二、主动公开政府信息情况")
    _table2(out, report)
    out.heading("三、收到和处理政府信息公开申请情况")
    _table3(out, table3)
    out.heading("四、政府信息公开行政复议、行政诉讼情况")
    _table4(out, report)
    out.heading("五、存在的主要问题及改进情况")
    out.paragraph(report.problems)
    out.heading("六、其他需要报告的事项")
    out.paragraph(report.other_matters)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
