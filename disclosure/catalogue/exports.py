"""Downloads of the catalogue (条例 art. 24: search, reading and download) with the browse page's filters.

Rows are read in chunks straight from the database (``values_list(...).iterator()``) and written out
as they come, so 100,000 rows use the same memory as 10,000: CSV and JSON stream to the client;
XLSX is written by openpyxl's write-only workbook to an anonymous temporary file that is then streamed.
"""

import codecs
import csv
import json
import tempfile

from django.http import FileResponse, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.taxonomy import Genre, Validity

from ..models import CatalogueEntry
from . import links
from .filters import CatalogueFilterForm, filter_entries
from .models import made_date

CHUNK_SIZE = 2000

COLUMNS = (
    ("index_number", gettext_lazy("索引号")),
    ("title", gettext_lazy("标题")),
    ("summary", gettext_lazy("内容概述")),
    ("organisation", gettext_lazy("发布机构")),
    ("topic", gettext_lazy("主题分类")),
    ("genre", gettext_lazy("体裁")),
    ("document_number", gettext_lazy("文号")),
    ("written_date", gettext_lazy("成文日期")),
    ("made_date", gettext_lazy("生成日期")),
    ("display_date", gettext_lazy("发布日期")),
    ("validity", gettext_lazy("有效性")),
    ("keywords", gettext_lazy("主题词")),
    ("statutory_item", gettext_lazy("法定公开事项")),
    ("url", gettext_lazy("网址")),
)

_QUERY_FIELDS = (
    "index_number", "title", "summary", "organisation__name", "topic__name", "topic__parent__name", "genre",
    "document_number", "written_date", "display_date", "validity", "keywords", "statutory_item__name", "url",
    "site_id", "path",
)


def export_rows(queryset, request=None):
    """Plain rows (strings) in ``COLUMNS`` order, read in chunks. Links are absolute for ``request``'s host
    (``links.py``); without a request, the entries' stored full URLs."""
    genres = dict(Genre.choices)
    validities = dict(Validity.choices)
    rows = queryset.order_by("-display_date", "-pk").values_list(*_QUERY_FIELDS).iterator(chunk_size=CHUNK_SIZE)
    for (index_number, title, summary, organisation, topic, topic_parent, genre, document_number, written_date,
         display_date, validity, keywords, statutory_item, url, site_id, path) in rows:
        if request is not None:
            url = links.url_for(site_id, path, url, request)
            url = request.build_absolute_uri(url) if url.startswith("/") else url
        yield (
            index_number,
            title,
            summary,
            organisation,
            f"{topic_parent}\\{topic}" if topic_parent else (topic or ""),
            str(genres.get(genre, genre)),
            document_number,
            written_date.isoformat() if written_date else "",
            made_date(written_date, display_date).isoformat(),
            timezone.localtime(display_date).strftime("%Y-%m-%d"),
            str(validities.get(validity, validity)),
            keywords,
            statutory_item or "",
            url,
        )


def filtered_entries(request):
    """The public entries under the request's filters, or an error message for bad filters."""
    form = CatalogueFilterForm(request.GET)
    if not form.is_valid():
        return None, " ".join(message for messages in form.errors.values() for message in messages)
    return filter_entries(CatalogueEntry.objects.public(), form.cleaned_data), None


def _bad_request(message):
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _filename(extension):
    return f"catalogue-{timezone.localdate():%Y%m%d}.{extension}"


class _Echo:
    """A file-like object whose write returns what was written, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_lines(queryset, request=None):
    writer = csv.writer(_Echo())
    yield codecs.BOM_UTF8.decode("utf-8") + writer.writerow([str(label) for _name, label in COLUMNS])
    for row in export_rows(queryset, request):
        yield writer.writerow(row)


def export_csv(request):
    entries, error = filtered_entries(request)
    if error:
        return _bad_request(error)
    response = StreamingHttpResponse(csv_lines(entries, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def json_chunks(queryset, request=None):
    names = [name for name, _label in COLUMNS]
    yield "["
    first = True
    for row in export_rows(queryset, request):
        yield ("" if first else ",") + "\n" + json.dumps(dict(zip(names, row)), ensure_ascii=False)
        first = False
    yield "\n]\n"


def export_json(request):
    entries, error = filtered_entries(request)
    if error:  # a JSON export answers its errors in JSON, as /api/catalogue/ does
        return JsonResponse({"detail": error}, status=400, json_dumps_params={"ensure_ascii": False})
    response = StreamingHttpResponse(json_chunks(entries, request), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


def write_xlsx(queryset, fileobj, request=None):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("政府信息公开目录"))
    sheet.append([str(label) for _name, label in COLUMNS])
    for row in export_rows(queryset, request):
        sheet.append(row)
    workbook.save(fileobj)


def export_xlsx(request):
    entries, error = filtered_entries(request)
    if error:
        return _bad_request(error)
    spool = tempfile.TemporaryFile(prefix="catalogue-", suffix=".xlsx")
    write_xlsx(entries, spool, request)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
