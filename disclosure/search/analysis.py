"""Whoosh field types for segmented Chinese text.

``SegmentedText`` indexes term frequencies straight from the segmenter's token list
(``collections.Counter``) instead of pushing every token through Whoosh's Python analyzer
pipeline: with full-mode segmentation a document has two to three tokens per character, and
the pipeline's per-token objects were the bulk of indexing time. The analyzer is still set so
Whoosh's own tools (query parser, highlighter) see the same tokens.
"""

from collections import Counter

from whoosh import analysis, fields, formats

from .segmenter import index_tokens


class ChineseTokenizer(analysis.Tokenizer):
    """A Whoosh tokenizer over :func:`index_tokens` (positions only; no character offsets)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = analysis.Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, text in enumerate(index_tokens(value) if tokenize else [value]):
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
    """A scorable text field of segmented Chinese, indexed with frequencies only (no positions)."""

    def __init__(self, field_boost=1.0, stored=False):
        super().__init__(analyzer=ChineseAnalyzer(), phrase=False, stored=stored, field_boost=float(field_boost))

    def index(self, value, **kwargs):
        counts = Counter(index_tokens(value))
        boost = self.format.field_boost
        for text, freq in counts.items():
            yield text.encode("utf-8"), freq, freq * boost, formats.pack_uint(freq)
