"""Whoosh field types for the catalogue index: term fields in match form, and the match-form column.

``SegmentedText`` indexes the distinct terms of :func:`segmenter.index_terms` straight away
instead of pushing every term through Whoosh's Python analyzer pipeline, which was the bulk of
indexing time. The analyzer is still set so Whoosh's own tools see the same terms.

``MatchTextColumn`` keeps each entry's whole text in match form, LZ4-compressed, in a
per-document column: the engine reads it only for the few candidates of a word that is not one
exact term, to verify that the word occurs as one contiguous string.
"""

from collections import Counter

import lz4.block
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


class LZ4BytesColumn(columns.VarBytesColumn):
    """Variable-length bytes, each value compressed with LZ4 (python-lz4's block format).

    The engine decompresses one value per candidate document of a word it must verify, thousands for a
    common compound at 100,000 entries. Measured on county texts of 3.4 KB (match form, UTF-8): Whoosh's
    deflate column keeps 34 % of the size and decompresses in 16.6 µs; LZ4 keeps 45 % in 2.1 µs.
    """

    class Writer(columns.VarBytesColumn.Writer):
        def add(self, docnum, v):
            super().add(docnum, lz4.block.compress(v))

    class Reader(columns.VarBytesColumn.Reader):
        def __getitem__(self, docnum):
            value = super().__getitem__(docnum)
            return lz4.block.decompress(value) if value else value

        def __iter__(self):
            for value in super().__iter__():
                yield lz4.block.decompress(value) if value else value

        def load(self):
            return list(self)


class MatchTextColumn(fields.COLUMN):
    """The entry's text in match form, compressed, one value per document; not searchable by itself."""

    def __init__(self):
        super().__init__(LZ4BytesColumn())

    def to_column_value(self, value):
        """The title line and the rest, each in match form, joined by a newline (no match spans it)."""
        return text_match_form(value).encode()

    def from_column_value(self, value):
        return value.decode("utf-8")
