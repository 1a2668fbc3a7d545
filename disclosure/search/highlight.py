"""Highlighting query words in titles and snippets, for Chinese as for Latin text.

Whoosh's highlighter needs stored, analysed text and works token by token; Chinese words are
simply substrings, so we find the query's words (and synonyms and their segments) in the
text ourselves. Every piece of text is escaped before ``<mark>`` is added: nothing from the
query or the document can inject HTML.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

SNIPPET_CHARS = 120


def _pattern(terms):
    return _compiled(tuple(terms))


@functools.lru_cache(maxsize=256)
def _compiled(terms):
    terms = [term for term in terms if term]
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True)), re.IGNORECASE)


def _marked(text, pattern):
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position:match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def highlight_title(title, terms):
    return mark_safe(_marked(title, _pattern(terms)))


def snippet(texts, terms, length=SNIPPET_CHARS):
    """A window of ``length`` characters around the first place a term occurs, marked and escaped."""
    text = " ".join(" ".join(part.split()) for part in texts if part)
    pattern = _pattern(terms)
    start = 0
    if pattern is not None:
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - length // 4)
    window = text[start:start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(escape(prefix) + _marked(window, pattern) + escape(suffix))

