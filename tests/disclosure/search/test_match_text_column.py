"""The match-text column is searched in place in the mapped segment file (analysis.MappedBytesColumn), and
answers as reading each value would: whole text or title line, plain words or document numbers (also one at the
very start of a value after a value ending in a digit), empty values, an unmapped index and an index whose column
is still LZ4-compressed from before."""

import re

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage

from disclosure.search.analysis import LZ4BytesColumn, MappedBytesColumn, MatchTextColumn, containing
from disclosure.search.segmenter import is_compound
from disclosure.search.whoosh_engine import occurrence_search

TEXTS = [
    "关于做好河长制工作的通知\n各乡镇：为全面推行河长制，现将有关事项通知如下。",
    "县政务服务中心办事指南\n办理地点：县政务服务中心二楼。",
    "示教发〔2026〕112号\n关于学生资助的通知，文号示教发〔2026〕112号。",
    "示教发〔2026〕12号\n关于招生入学的通知。",
    "",  # a document without text: an empty value
    "林长制\n",
    "COVID-19 疫苗接种安排\n接种点设在县医院。",
    "报告编号2026\n附件1",  # ends with a digit, just before a value that starts with a document number
    "001-2026-0004号\n索引号001-2026-0004号",
]


SEARCHES = ["河长制", "政务服务中心", "通知", "林长制", "covid19", "示教发[2026]12号", "示教发[2026]112号", "1-2026-4号",
            "2026-4号", "不存在的词"]


def _column_reader(tmp_path, column, supports_mmap=True):
    schema = fields.Schema(key=fields.ID(stored=True), match_text=fields.COLUMN(column))
    schema["match_text"].to_column_value = MatchTextColumn().to_column_value
    ix = FileStorage(str(tmp_path)).create_index(schema)
    writer = ix.writer()
    for number, text in enumerate(TEXTS):
        writer.add_document(key=str(number), **({"match_text": text} if text else {}))
    writer.commit()
    ix = FileStorage(str(tmp_path), supports_mmap=supports_mmap).open_index()
    reader = ix.reader()
    return reader, reader.column_reader("match_text", translate=False)


def _expected(word, first_line):
    from disclosure.search.segmenter import text_match_form

    found = []
    for number, text in enumerate(TEXTS):
        form = text_match_form(text) if text else ""
        form = form.split("\n", 1)[0] if first_line else form
        occurs = re.search(rf"(?<![0-9]){re.escape(word)}(?![0-9])", form) if is_compound(word) else word in form
        if occurs:
            found.append(number)
    return found


@pytest.mark.parametrize("first_line", [False, True], ids=["whole text", "title line"])
@pytest.mark.parametrize("word", SEARCHES)
def test_searching_the_mapping_finds_what_reading_each_value_finds(tmp_path, word, first_line):
    reader, column = _column_reader(tmp_path, MappedBytesColumn())
    try:
        assert column._dbfile.mapping is not None  # the in-place path, not the fallback
        docs = list(range(len(TEXTS)))
        assert column.containing(docs, occurrence_search(word), first_line) == _expected(word, first_line)
        assert column.containing(docs[::-1], occurrence_search(word), first_line) == _expected(word, first_line)[::-1]
    finally:
        reader.close()


def test_the_expected_answers_are_not_trivial():
    assert _expected("河长制", False) == [0]
    assert _expected("通知", False) == [0, 2, 3]
    assert _expected("通知", True) == [0]
    assert _expected("示教发[2026]12号", False) == [3]
    assert _expected("covid19", True) == [6]
    assert _expected("1-2026-4号", False) == [8] and _expected("1-2026-4号", True) == [8]


@pytest.mark.parametrize("column,supports_mmap", [(MappedBytesColumn(), False), (LZ4BytesColumn(), True)],
                         ids=["unmapped index", "LZ4 column of an index built before"])
def test_other_columns_are_read_value_by_value_with_the_same_answers(tmp_path, column, supports_mmap):
    reader, column_reader = _column_reader(tmp_path, column, supports_mmap)
    try:
        docs = list(range(len(TEXTS)))
        for word in SEARCHES:
            for first_line in (False, True):
                assert containing(column_reader, docs, occurrence_search(word), first_line) == _expected(word, first_line)
    finally:
        reader.close()


def test_only_the_asked_documents_are_searched(tmp_path):
    reader, column = _column_reader(tmp_path, MappedBytesColumn())
    try:
        assert column.containing([1, 3, 5], occurrence_search("通知"), False) == [3]
        assert column.containing([], occurrence_search("通知"), False) == []
    finally:
        reader.close()
