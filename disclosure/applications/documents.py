"""Notices as Word documents (.docx) for the applicant to download and staff to print and sign.

Laid out as a 公文-style letter: the organ's name and the title centred, the text in paragraphs,
then the delivery record (送达记录) when asked for, so that one printout serves as the 送达回证.
"""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

FONT = "宋体"


def _font(run, size=14, bold=False):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def notice_docx(notice, with_deliveries=False):
    """The notice as .docx bytes; ``with_deliveries`` appends its 送达记录 table (for the case file)."""
    document = Document()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(heading.add_run(notice.application.organisation.name), 16, bold=True)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(notice.title), 18, bold=True)
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(number.add_run(f"申请编号：{notice.application.tracking_number}"), 10)
    for line in notice.body.splitlines():
        paragraph = document.add_paragraph()
        _font(paragraph.add_run(line))
    if with_deliveries:
        document.add_paragraph()
        _font(document.add_paragraph().add_run("送达记录"), 14, bold=True)
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["送达方式", "送达日期", "邮件单号", "签收人", "说明"], strict=True):
            cell.text = text
        for delivery in notice.deliveries.all():
            row = table.add_row().cells
            row[0].text = delivery.get_method_display()
            row[1].text = delivery.delivered_on.isoformat() if delivery.delivered_on else "未送达"
            row[2].text = delivery.tracking_number
            row[3].text = delivery.signed_by
            row[4].text = delivery.note
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_filename(notice):
    return f"{notice.application.tracking_number}-{notice.get_kind_display()}.docx"
