"""Whoosh field types for the catalogue index: term fields in match form, and the match-form column.

``SegmentedText`` indexes term frequencies straight from :func:`segmenter.index_terms`
(``collections.Counter``) instead of pushing every term through Whoosh's Python analyzer
pipeline, which was the bulk of indexing time. The analyzer is still set so Whoosh's own tools
see the same terms.

``MatchTextColumn`` keeps each entry's whole text in match form, deflate-compressed, in a
per-document column: the engine reads it only for the few candidates of a word that is not one
exact term, to verify that the word occurs as one contiguous string.
"""

from collections import Counter

from whoosh import analysis, columns, fields, formats

from .segmenter import index_terms, match_form


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
    """A text field of match-form terms, indexed with frequencies only (no positions)."""

    def __init__(self, stored=False):
        super().__init__(analyzer=ChineseAnalyzer(), phrase=False, stored=stored)

    def index(self, value, **kwargs):
        for text, freq in Counter(index_terms(value)).items():
            yield text.encode("utf-8"), freq, float(freq), formats.pack_uint(freq)


class MatchTextColumn(fields.COLUMN):
    """The entry's text in match form, compressed, one value per document; not searchable by itself."""

    def __init__(self):
        super().__init__(columns.CompressedBytesColumn(level=1))

    def to_column_value(self, value):
        """The title line and the rest, each in match form, joined by a newline (no match spans it)."""
        title, _newline, rest = (value or "").partition("\n")
        return f"{match_form(title)}\n{match_form(rest)}".encode()

    def from_column_value(self, value):
        return value.decode("utf-8")
