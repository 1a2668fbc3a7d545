"""Downloads of the catalogue carry the browse filters, open in Excel with Chinese intact, and stream."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse
from openpyxl import load_workbook

from disclosure.models import CatalogueEntry
from portal.column_kinds import ColumnKind
from tests import factories


@pytest.fixture
def items(department, township):
    factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于做好秋季学期开学工作的通知")
    factories.article(factories.column(department), title="县教育局召开安全工作会议")
    factories.article(factories.column(township), title="城关镇开展防汛演练")
    gone = factories.article(factories.column(township), title="已撤回的旧闻")
    gone.unpublish()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_is_streamed_with_a_bom_and_the_filters(client, items, department):
    response = client.get("/disclosure/export.csv", {"org": department.slug})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["索引号", "标题", "内容概述", "发布机构"]
    assert "生成日期" in rows[0] and "法定公开事项" in rows[0]
    titles = {row[1] for row in rows[1:]}
    assert titles == {"关于做好秋季学期开学工作的通知", "县教育局召开安全工作会议"}
    policy_row = next(row for row in rows if row[1] == "关于做好秋季学期开学工作的通知")
    header = rows[0]
    assert policy_row[header.index("文号")] == "示政发〔2025〕12号"
    assert policy_row[header.index("体裁")] == "通知"
    assert policy_row[header.index("内容概述")].startswith("各乡镇人民政府")
    assert policy_row[header.index("法定公开事项")] == "行政法规、规章和规范性文件"


def test_withdrawn_entries_are_never_exported(client, items):
    raw = body(client.get("/disclosure/export.csv")).decode("utf-8-sig")
    assert "已撤回的旧闻" not in raw
    assert raw.count("\n") == 4  # header and three public items


def test_json_export_is_a_streamed_array_of_the_same_rows(client, items, township):
    response = client.get("/disclosure/export.json", {"org": township.slug})
    assert response.streaming
    rows = json.loads(body(response))
    assert [row["title"] for row in rows] == ["城关镇开展防汛演练"]
    assert rows[0]["organisation"] == "城关镇人民政府"
    assert rows[0]["index_number"] == CatalogueEntry.objects.get(title="城关镇开展防汛演练").index_number


def test_json_export_of_nothing_is_an_empty_array(client, items):
    assert json.loads(body(client.get("/disclosure/export.json", {"year": "1990"}))) == []


def test_xlsx_export_opens_as_a_workbook(client, items):
    response = client.get("/disclosure/export.xlsx", {"genre": "notice"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(body(response)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "索引号"
    assert [row[1] for row in rows[1:]] == ["关于做好秋季学期开学工作的通知"]


@pytest.mark.parametrize("extension", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("query", [{"org": "nobody"}, {"year": "abc"}, {"genre": "x"}])
def test_bad_filters_get_a_400_with_a_message(client, items, extension, query):
    response = client.get(f"/disclosure/export.{extension}", query)
    assert response.status_code == 400
    assert "，" in response.content.decode() or "。" in response.content.decode()
