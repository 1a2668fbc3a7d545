"""The rebuild's array segment writer writes what Whoosh's own SegmentWriter writes (segment_writer.py)."""

import datetime
import os
import random

import pytest
from haystack import connections
from whoosh import fields as whoosh_fields
from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from disclosure.search.analysis import SegmentedText
from disclosure.search.backend import CountyWhooshSearchBackend
from disclosure.search.bitmaps import members
from disclosure.search.segment_writer import ArraySegmentWriter, check_schema
from disclosure.search.whoosh_engine import _read_ids

BLOCK = 128  # Whoosh's default block size, so common terms here span several blocks
WORDS = ["安全生产", "河长制", "最低生活保障", "城关镇", "住房公积金", "通知", "实施方案", "COVID-19", "示政发〔2026〕4号",
         "乡村振兴", "的", "和", "2026年", "会议", "社会保险", "林长制", "高标准农田建设", "老旧小区改造"]


def county_schema(path):
    backend = CountyWhooshSearchBackend("default", PATH=str(path))
    return backend.build_schema(connections["default"].get_unified_index().all_searchfields())[1]


def documents(count, seed=7):
    """``count`` documents of the county schema: repeated words (frequencies above 1), a term in every
    document (several posting blocks), missing and empty values, dates and facet values."""
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        body = "，".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
        title = f"关于{rng.choice(WORDS)}的通知" if number % 5 else ""
        doc = {
            "id": f"disclosure.catalogueentry.{number}", "django_ct": "disclosure.catalogueentry",
            "django_id": str(number), "text": f"{title}\n{body}", "match_text": f"{title}\n{body}", "title": title,
            "identifiers": f"示政发[2026]{number}号 001-{number:04d}" if number % 3 else "",
            "kind": rng.choice(["document", "service", "interaction"]), "organisation": f"org{number % 7}",
            "genre": rng.choice(["notice", "report", ""]), "topic": str(number % 4), "year": "2026",
        }
        if number % 4:
            doc["published_at"] = datetime.datetime(2026, 1 + number % 12, 1 + number % 28, 9, 30)
        docs.append(doc)
    return docs


def build(path, make_writer, docs):
    path.mkdir()
    ix = FileStorage(str(path)).create_index(county_schema(path))
    writer = make_writer(ix)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return ix


def postings(reader, fieldname, text):
    """Every posting of one term (document, weight, value) and every block's statistics."""
    matcher = reader.postings(fieldname, text)
    found, blocks = [], []
    while matcher.is_active():
        blocks.append((matcher.block_min_id(), matcher.block_max_id(), matcher.block_max_weight(),
                       matcher.block_min_length(), matcher.block_max_length()))
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found, blocks


def segment_file(ix, extension):
    segment = ix._segments()[0]
    files = segment.open_compound_file(ix.storage)
    return bytes(files.open_file(segment.make_filename(extension)).read())


@pytest.fixture
def both(tmp_path):
    docs = documents(420)
    return (build(tmp_path / "whoosh", lambda ix: SegmentWriter(ix, codec=W3Codec(blocklimit=BLOCK)), docs),
            build(tmp_path / "array", lambda ix: ArraySegmentWriter(ix, block_limit=BLOCK), docs))


def test_the_same_terms_postings_statistics_and_blocks(both):
    theirs, ours = (ix.reader() for ix in both)
    assert ours.doc_count_all() == theirs.doc_count_all() == 420
    assert list(ours.all_terms()) == list(theirs.all_terms())
    assert len(list(ours.all_terms())) > 500
    multi_block = 0
    for fieldname, text in theirs.all_terms():
        mine, whooshs = ours.term_info(fieldname, text), theirs.term_info(fieldname, text)
        for stat in ("weight", "doc_frequency", "min_length", "max_length", "max_weight", "min_id", "max_id"):
            assert getattr(mine, stat)() == getattr(whooshs, stat)(), (fieldname, text, stat)
        mine_postings, mine_blocks = postings(ours, fieldname, text)
        assert (mine_postings, mine_blocks) == postings(theirs, fieldname, text), (fieldname, text)
        multi_block += len(set(mine_blocks)) > 1
    assert multi_block >= 5


def test_the_same_lengths_columns_and_stored_fields(both):
    theirs, ours = (ix.reader() for ix in both)
    for fieldname in ("text", "title", "identifiers"):
        assert ours.field_length(fieldname) == theirs.field_length(fieldname)
        assert ([ours.doc_field_length(doc, fieldname) for doc in range(420)]
                == [theirs.doc_field_length(doc, fieldname) for doc in range(420)])
    for column in ("match_text", "kind", "organisation", "published_at", "django_ct", "django_id"):
        assert list(ours.column_reader(column, translate=False)) == list(theirs.column_reader(column, translate=False))
    assert list(ours.all_stored_fields()) == list(theirs.all_stored_fields())


def test_the_postings_and_term_table_files_are_byte_for_byte_whooshs(both):
    theirs, ours = both
    assert segment_file(ours, ".pst") == segment_file(theirs, ".pst")
    assert segment_file(ours, ".trm") == segment_file(theirs, ".trm")


def test_whoosh_searches_updates_and_merges_the_segment(both):
    _theirs, ours = both
    with ours.searcher() as searcher:
        assert searcher.document_number(id="disclosure.catalogueentry.17") is not None
    docs = documents(420)
    added = documents(1, seed=99)[0] | {"id": "disclosure.catalogueentry.900", "django_id": "900", "text": "河长制公示"}
    writer = ours.writer()
    writer.delete_by_term("id", "disclosure.catalogueentry.17")
    writer.add_document(**added)
    writer.commit(optimize=True)  # merges the array-written segment with Whoosh's new one
    expected = sum("河长" in doc["text"] for number, doc in enumerate(docs) if number != 17) + 1
    with ours.refresh().searcher() as searcher:
        assert searcher.doc_count() == 420
        assert len(searcher.reader().leaf_readers()) == 1
        assert searcher.document_number(id="disclosure.catalogueentry.17") is None
        assert searcher.document_number(id="disclosure.catalogueentry.900") is not None
        assert len(list(searcher.reader().postings("text", "河长").all_ids())) == expected


def test_a_format_it_does_not_write_is_refused():
    with pytest.raises(ValueError, match="Positions"):
        check_schema(whoosh_fields.Schema(body=whoosh_fields.TEXT(phrase=True)))
    with pytest.raises(ValueError, match="boost"):
        check_schema(whoosh_fields.Schema(body=whoosh_fields.TEXT(phrase=False, field_boost=2.0)))
    with pytest.raises(ValueError, match="field lengths"):
        check_schema(whoosh_fields.Schema(body=whoosh_fields.TEXT(phrase=False)))  # scorable


def test_the_engine_reads_blocks_of_any_size_as_whoosh_does(tmp_path):
    docs = documents(420)
    for size in (1, 7, 128, 1024):
        ix = build(tmp_path / f"blocks-{size}", lambda ix, size=size: ArraySegmentWriter(ix, block_limit=size), docs)
        reader = ix.reader()
        for fieldname, text in reader.all_terms():
            if fieldname in ("text", "title", "identifiers"):
                expected = list(reader.postings(fieldname, text).all_ids())
                assert members(_read_ids(reader, fieldname, text.decode())).tolist() == expected, (size, text)


def test_an_index_built_with_frequencies_keeps_writing_them_until_it_is_rebuilt(tmp_path):
    old_text = SegmentedText()  # as unpickled from an index built before presence-only terms
    old_text.format, old_text.scorable = formats.Frequency(), True
    schema = whoosh_fields.Schema(id=whoosh_fields.ID(stored=True, unique=True), text=old_text)
    ix = FileStorage(str(tmp_path)).create_index(schema)
    writer = ix.writer()
    writer.add_document(id="1", text="全面推行河长制，河长巡河")
    writer.commit()
    matcher = ix.reader().postings("text", "河长")
    assert (matcher.id(), matcher.value_as("frequency")) == (0, 2)
    assert SegmentedText().format.__class__ is formats.Existence


def test_writers_on_one_index_write_their_segments_in_any_order_and_commit_them_together(tmp_path):
    """Worker processes each write segments on the index being built, all at the same time (bulk.py)."""
    docs = documents(60)
    ix = FileStorage(str(tmp_path)).create_index(county_schema(tmp_path))
    first, second = ArraySegmentWriter(ix, _lk=False), ArraySegmentWriter(ix, _lk=False)
    for number, doc in enumerate(docs):
        (first if number % 2 else second).add_document(**doc)
    segments = [first.write_segment()]  # the other writer is still open, its column file in the shared temp folder
    third = ArraySegmentWriter(ix, _lk=False)
    third.add_document(**documents(1, seed=5)[0] | {"id": "disclosure.catalogueentry.600", "django_id": "600"})
    segments += [second.write_segment(), third.write_segment()]
    ArraySegmentWriter(ix).commit_segments(segments)
    with ix.refresh().searcher() as searcher:
        assert searcher.doc_count() == 61
        assert len(searcher.reader().leaf_readers()) == 3
        assert searcher.document_number(id="disclosure.catalogueentry.600") is not None
    assert sorted(os.listdir(tmp_path)) == sorted(name for name in os.listdir(tmp_path) if not name.endswith(".tmp"))
