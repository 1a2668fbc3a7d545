"""From what a citizen typed to a Whoosh query.

We never hand user input to Whoosh's query parser: ``AND OR (``, ``title:`` or ``*`` are just
characters here. The query is split into words on spaces and punctuation; every word must
match (AND); each word may match through any of its synonyms (OR); within a variant, every
segment must be present. Matching happens in ``text`` (title and body); the same terms in
``title`` only add score, so title matches rank first. A document or index number typed as a
whole also matches the exact ``identifiers`` field.
"""

from dataclasses import dataclass, field

from whoosh.query import And, AndMaybe, Or, Term

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


def _all_of(fieldname, tokens):
    terms = [Term(fieldname, token) for token in tokens]
    return terms[0] if len(terms) == 1 else And(terms)


def _any_of(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


def build(parsed):
    """The Whoosh query for ``parsed`` (which must have words)."""
    required = []
    title_terms = set()
    for word in parsed.words:
        alternatives = []
        for variant in parsed.expansions[word]:
            tokens = word_tokens(variant)
            if tokens:
                alternatives.append(_all_of("text", tokens))
                title_terms.update(tokens)
        if alternatives:
            required.append(_any_of(alternatives))
    if not required:
        return None
    matching = required[0] if len(required) == 1 else And(required)
    scored = AndMaybe(matching, Or([Term("title", token) for token in sorted(title_terms)]))
    if parsed.identifier:
        return Or([Term("identifiers", parsed.identifier, boost=1.0), scored])
    return scored
