"""Whoosh field types for the catalogue index: term fields in match form, and the match-form column.

``SegmentedText`` indexes the distinct terms of :func:`segmenter.index_terms` straight away
instead of pushing every term through Whoosh's Python analyzer pipeline, which was the bulk of
indexing time. The analyzer is still set so Whoosh's own tools see the same terms.

``MatchTextColumn`` keeps each entry's whole text in match form, uncompressed, in a per-document
column: the engine reads it only for the candidates of a word that is not one exact term, to
verify that the word occurs as one contiguous string.
"""

from collections import Counter

import lz4.block
import numpy as np
from whoosh import analysis, columns, fields, formats

from .segmenter import index_terms, text_match_form


class ChineseTokenizer(analysis.Tokenizer):
    """A Whoosh tokenizer over :func:`index_terms` (positions only; no character offsets)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = analysis.Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, text in enumerate(index_terms(value) if tokenize else [value]):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + position
            yield token


def ChineseAnalyzer():
    return ChineseTokenizer()


class SegmentedText(fields.TEXT):
    """A text field of match-form terms, indexed by presence only: no positions, frequencies or lengths.

    Nothing reads them (matching is by document sets, ranking by tiers, ``whoosh_engine.py``), and without
    them a rebuild keeps a third less per posting and the postings file is smaller to map and to read.
    """

    def __init__(self, stored=False):
        super().__init__(analyzer=ChineseAnalyzer(), phrase=False, stored=stored)
        self.format = formats.Existence()
        self.scorable = False

    def index(self, value, **kwargs):
        if isinstance(self.format, formats.Existence):
            for text in set(index_terms(value)):
                yield text.encode("utf-8"), 1, 1.0, b""
        else:  # an index built before presence-only terms: its schema still says Frequency
            for text, freq in Counter(index_terms(value)).items():
                yield text.encode("utf-8"), freq, float(freq), formats.pack_uint(freq)


class MappedBytesColumn(columns.VarBytesColumn):
    """Variable-length bytes, uncompressed, whose reader searches many values at once (:meth:`Reader.containing`).

    The engine reads one value per candidate document of a word it must verify: 86,000 of them for a compound
    found in most county documents (政务服务中心) at 100,000 entries. Measured on 3,000 county texts of 3.5 KB
    (match form, UTF-8): a value is searched in place in 0.85 µs uncompressed, read and searched in 2.2 µs
    with LZ4 (which keeps 45 % of the size) and 17 µs with Whoosh's deflate (34 %). The index is larger on
    disk and in the page cache, which every search process shares; no process keeps its own copy.
    """

    class Reader(columns.VarBytesColumn.Reader):
        compressed = False  # a subclass whose values must be decompressed, so read one by one
        _extents = None  # (absolute start in the mapping, length) of every value, NumPy, read once

        def containing(self, docnums, search, first_line=False):
            """The documents of ``docnums`` (a list of ``int``) whose value (or its first line) ``search`` accepts,
            in their order. ``search(buffer, start, end)`` -> bool looks at ``buffer[start:end]``, as
            ``bytes.find`` and compiled patterns take a start and an end.

            From a memory-mapped segment file (``whoosh_speedups``) it searches the mapping in place: no
            per-value lookups or copies (0.85 µs a 3.5 KB value instead of 3.3 µs through ``__getitem__``)."""
            mapping = getattr(self._dbfile, "mapping", None)
            if mapping is None or self.compressed:
                return _containing_by_value(self, docnums, search, first_line)
            if self._extents is None:
                self._extents = (np.asarray(self._offsets, dtype=np.int64) + (self._dbfile.mapping_offset + self._basepos),
                                 np.asarray(self._lengths, dtype=np.int64))
            starts, lengths = self._extents
            wanted = np.asarray(docnums, dtype=np.int64)
            found = []
            for docnum, start, length in zip(docnums, starts[wanted].tolist(), lengths[wanted].tolist()):
                end = start + length
                if first_line:
                    newline = mapping.find(b"\n", start, end)
                    end = end if newline < 0 else newline
                if search(mapping, start, end):
                    found.append(docnum)
            return found


def containing(reader, docnums, search, first_line=False):
    """:meth:`MappedBytesColumn.Reader.containing` for any Whoosh column reader of bytes (an index built before
    the match-text column was a ``MappedBytesColumn`` has another), reading value by value where it must."""
    if isinstance(reader, MappedBytesColumn.Reader):
        return reader.containing(docnums, search, first_line)
    return _containing_by_value(reader, docnums, search, first_line)


def _containing_by_value(reader, docnums, search, first_line):
    found = []
    for docnum in docnums:
        value = reader[docnum]
        if first_line:
            value = value.split(b"\n", 1)[0]
        if search(value, 0, len(value)):
            found.append(docnum)
    return found


class DateColumn(fields.DATETIME):
    """A date kept only as a sortable column (Whoosh's ``DATETIME`` column, the same bytes), not as terms.

    Results are sorted and tiered by date from the column (``whoosh_engine``); nothing looks a date up as a
    term. Indexed, each date was eight range-query terms per document: a quarter of all the terms a rebuild
    wrote (51,680 of 202,000 at 10,500 documents). An index built before keeps its date terms, unread."""

    indexed = False

    def __init__(self):
        super().__init__(sortable=True)


class LZ4BytesColumn(MappedBytesColumn):
    """Each value compressed with LZ4 (python-lz4's block format): the match-text column of indexes built
    before it was kept uncompressed (:class:`MappedBytesColumn`); such an index reads it until rebuilt."""

    class Writer(columns.VarBytesColumn.Writer):
        def add(self, docnum, v):
            super().add(docnum, lz4.block.compress(v))

    class Reader(MappedBytesColumn.Reader):
        compressed = True

        def __getitem__(self, docnum):
            value = super().__getitem__(docnum)
            return lz4.block.decompress(value) if value else value

        def __iter__(self):
            for value in super().__iter__():
                yield lz4.block.decompress(value) if value else value

        def load(self):
            return list(self)


class MatchTextColumn(fields.COLUMN):
    """The entry's text in match form, one value per document; not searchable by itself."""

    def __init__(self):
        super().__init__(MappedBytesColumn())

    def to_column_value(self, value):
        """The title line and the rest, each in match form, joined by a newline (no match spans it)."""
        return text_match_form(value).encode()

    def from_column_value(self, value):
        return value.decode("utf-8")
