"""Highlighting the matched strings in titles and snippets, for Chinese as for Latin text.

A word matched where it occurs as one contiguous string in match form (``segmenter.py``), so
exactly those strings are marked: the text is put in match form with a map back to its own
characters, the query's variants are found there, and the original characters they came from
are marked (so ``COVID-19`` is marked for the query ``covid19``). Every piece of text is escaped
before ``<mark>`` is added: nothing from the query or the document can inject HTML.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .segmenter import match_form, match_form_mapped

SNIPPET_CHARS = 120
SCAN_FIRST = 400
SCAN_MARGIN = 40


@functools.lru_cache(maxsize=256)
def _compiled(terms):
    terms = sorted({match_form(term) for term in terms if term} - {""}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in terms))


def _spans(text, pattern):
    """Spans ``(start, end)`` in ``text`` whose match form is one of the pattern's strings."""
    if pattern is None or not text:
        return []
    form, origin = match_form_mapped(text)
    spans = []
    for found in pattern.finditer(form):
        start, end = origin[found.start()], origin[found.end() - 1] + 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def _marked(text, spans):
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def highlight_title(title, terms):
    return mark_safe(_marked(title, _spans(title, _compiled(tuple(terms)))))


def _snippet_spans(text, pattern, length, longest):
    """The spans of ``text`` a snippet of ``length`` characters marks: those of the whole text, or of its first
    ``SCAN_FIRST`` characters when the first span's window ends well inside them: ``SCAN_MARGIN`` characters
    before the cut (past anything the cut can change in the match form: a trailing space, a code joiner, a
    number's padding) and the ``longest`` term's length (a span the window shows ends before the cut).
    A page shows 20 snippets of texts of 1,000 characters and more, and mapping a whole text to its match form
    is most of a snippet's cost; the first match is usually in the title or summary."""
    if len(text) > SCAN_FIRST:
        spans = _spans(text[:SCAN_FIRST], pattern)
        if spans and spans[0][0] + length + longest <= SCAN_FIRST - SCAN_MARGIN:
            return spans
    return _spans(text, pattern)


def snippet(texts, terms, length=SNIPPET_CHARS):
    """A window of ``length`` characters around the first place a term occurs, marked and escaped."""
    text = " ".join(" ".join(part.split()) for part in texts if part)
    spans = _snippet_spans(text, _compiled(tuple(terms)), length, max(map(len, terms), default=0))
    start = max(0, spans[0][0] - length // 4) if spans else 0
    end = start + length
    window = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(escape(prefix) + _marked(text[start:end], window) + escape(suffix))
