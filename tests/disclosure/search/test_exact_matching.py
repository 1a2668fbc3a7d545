"""A result matches a query word only where the word occurs as one contiguous string (搜得准).

The failing inputs of the issue: 河长制 matched 河 in 河口乡, 长 in 县长 and 制 in 一贯制. Recall
stays whole for compounds the segmenter's dictionary lacks, single characters are exact, and the
variants people type for numbers and codes are equal.
"""

import re

from disclosure.search.segmenter import match_form, match_form_mapped
from portal.column_kinds import ColumnKind
from tests import factories
from tests.disclosure.search.helpers import find, titles

SCATTERED = {
    "河口乡召开县长办公会部署九年一贯制学校建设": "河长制",
    "林业局局长带队检查森林防火责任制落实": "林长制",
    "城区乡镇道路建设进展": "城乡建设",
    "安全教育进校园 生产经营单位开展培训": "安全生产",
}
CONTAINING = {
    "全面推行河长制 守护一江清水": "河长制",
    "我县深化林长制改革": "林长制",
    "住房和城乡建设局召开年度工作会议": "城乡建设",
    "全县召开安全生产工作会议": "安全生产",
}


def test_compounds_match_only_where_they_occur_whole(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for title in [*SCATTERED, *CONTAINING]:
            factories.article(column, title=title, body="详见附件。")
    for word in ("河长制", "林长制", "城乡建设", "安全生产"):
        expected = [title for title, wanted in CONTAINING.items() if wanted == word]
        assert titles(find(word)) == expected, word


def test_a_compound_is_found_inside_long_bodies_and_across_segmentation(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="水利局工作动态", body="今年以来，我县全面落实河长制湖长制，巡河三千余次。")
        factories.article(column, title="县长调研河道治理", body="调研组察看了河道，长期以来制度建设不断完善。")
    assert titles(find("河长制")) == ["水利局工作动态"]
    assert titles(find("长制湖")) == ["水利局工作动态"]


def test_no_match_spans_the_end_of_the_title(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="疫情防控知识问答COVID", body="19个常见问题的解答。")
        factories.article(column, title="COVID-19疫苗接种须知", body="接种前请如实告知健康状况。")
    assert titles(find("covid19")) == ["COVID-19疫苗接种须知"]
    assert titles(find("covid")) == ["COVID-19疫苗接种须知", "疫情防控知识问答COVID"]


def test_single_characters_are_exact(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="冬季取暖安全提示", body="注意用电。")
        factories.article(column, title="春耕备耕工作会议", body="部署春耕。")
    assert titles(find("暖")) == ["冬季取暖安全提示"]
    assert titles(find("耕")) == ["春耕备耕工作会议"]
    assert titles(find("雪")) == []


def test_document_numbers_with_zero_padding_find_the_document(department, search_index, indexed):
    column = factories.column(department, ColumnKind.POLICIES)
    with indexed():
        factories.policy(column, title="关于做好2026年春季学期开学工作的通知", number="示教发〔2026〕4号")
        factories.policy(column, title="关于做好2026年秋季学期开学工作的通知", number="示教发〔2026〕14号")
    assert titles(find("示教发〔2026〕04号")) == ["关于做好2026年春季学期开学工作的通知"]
    assert titles(find("示教发[2026]4号")) == ["关于做好2026年春季学期开学工作的通知"]
    assert titles(find("示教发（２０２６）４号")) == ["关于做好2026年春季学期开学工作的通知"]


def test_codes_written_with_or_without_hyphens_and_in_full_width_are_equal(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="COVID-19疫苗第二剂次接种安排", body="请携带身份证。")
        factories.article(column, title="ＷＩＦＩ覆盖全县政务大厅", body="免费上网。")
    for query in ("covid19", "COVID-19", "ｃｏｖｉｄ１９", "covid 19"):
        assert titles(find(query)) == ["COVID-19疫苗第二剂次接种安排"], query
    assert titles(find("wifi")) == ["ＷＩＦＩ覆盖全县政务大厅"]


def test_highlighting_marks_exactly_the_matched_strings(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="全面推行河长制 河口乡县长调研",
                          body="河长制工作中，县长强调一贯制学校建设。")
    result = find("河长制").results[0]
    assert re.findall(r"<mark>(.*?)</mark>", str(result["title_html"])) == ["河长制"]
    assert re.findall(r"<mark>(.*?)</mark>", str(result["snippet"])) == ["河长制", "河长制"]
    code = find("covid19")
    assert code.total == 0
    with indexed():
        factories.article(factories.column(department), title="COVID-19防控指南", body="做好防护。")
    assert re.findall(r"<mark>(.*?)</mark>", str(find("covid19").results[0]["title_html"])) == ["COVID-19"]


def test_the_match_form_maps_back_to_the_original_characters():
    for text in ("示教发〔２０２６〕04号　关于COVID-19\n\n疫情", "㈠河长制 Wi-Fi ISO 9001 0.5", "  第01期  "):
        form, origin = match_form_mapped(text)
        assert form == match_form(text)
        assert len(origin) == len(form)
    form, origin = match_form_mapped("关于COVID-19")
    start = form.index("covid19")
    assert "关于COVID-19"[origin[start]:origin[start + 6] + 1] == "COVID-19"
