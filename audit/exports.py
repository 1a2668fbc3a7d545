"""The dashboard table as CSV or XLSX: the same rows, the same order, the same column headings."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .findings import iso_date


def headings():
    return [
        _("机构"), _("英文标识"), _("类型"), _("最近更新"), _("近30天"), _("近90天"), _("近365天"),
        _("未按期更新栏目"), _("空白栏目"), _("超期未回复留言"), _("得分"), _("同类排名"), _("是否单项否决"),
    ]


def rows(audits):
    for audit in audits:
        yield [
            audit.name, audit.slug, str(audit.kind_label), iso_date(audit.last_published) or "",
            audit.items_30d, audit.items_90d, audit.items_365d, audit.stale_columns, audit.empty_columns,
            audit.overdue_messages if audit.overdue_messages is not None else _("未评估"),
            audit.score.value, f"{audit.rank}/{audit.peers}" if audit.rank else "",
            _("是") if audit.fails_inspection else _("否"),
        ]


def as_csv(audits):
    """UTF-8 with a byte-order mark, so Excel on Windows opens the Chinese text correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headings())
    writer.writerows(rows(audits))
    return buffer.getvalue().encode("utf-8")


def as_xlsx(audits, as_of):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("站点监测 %(day)s") % {"day": as_of.isoformat()}
    sheet.append(headings())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(audits):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
