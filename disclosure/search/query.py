"""From what a citizen typed to the words the engine matches.

User input never reaches a query parser: ``AND OR (``, ``title:`` or ``*`` are just characters
here. The query is split into words on spaces and punctuation (at most ``MAX_WORDS`` from the
first ``MAX_QUERY_CHARS`` characters); each word carries its synonym variants; the whole
query, normalised, is also tried as an exact document or index number.
"""

from dataclasses import dataclass, field

from .segmenter import identifier_key, split_query_words, word_tokens
from .synonyms import variants

MAX_QUERY_CHARS = 100
MAX_WORDS = 12


@dataclass
class ParsedQuery:
    raw: str
    text: str
    words: list = field(default_factory=list)
    truncated: bool = False
    identifier: str = ""
    # word -> its variants (the word itself first)
    expansions: dict = field(default_factory=dict)

    @property
    def is_empty(self):
        return not self.words

    def highlight_terms(self):
        """Strings to mark in titles and snippets: each variant, and its segments of two or more characters."""
        terms = []
        for word_variants in self.expansions.values():
            for variant in word_variants:
                terms.append(variant)
                terms.extend(token for token in word_tokens(variant) if len(token) > 1 or len(variant) == 1)
        return sorted(set(terms), key=len, reverse=True)


def parse(raw):
    raw = (raw or "").strip()
    truncated = len(raw) > MAX_QUERY_CHARS
    text = raw[:MAX_QUERY_CHARS]
    words = []
    for word in split_query_words(text):
        if word not in words:
            words.append(word)
    truncated = truncated or len(words) > MAX_WORDS
    words = words[:MAX_WORDS]
    identifier = identifier_key(text) if len(text) >= 4 else ""
    return ParsedQuery(raw=raw, text=text, words=words, truncated=truncated, identifier=identifier,
                       expansions={word: variants(word) for word in words})

