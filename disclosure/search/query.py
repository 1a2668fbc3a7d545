"""From what a citizen typed to the words the engine matches.

User input never reaches a query parser: ``AND OR (``, ``title:`` or ``*`` are just characters
here. The query is put in match form and split into words on everything that is not a letter,
digit or CJK character (at most ``MAX_WORDS`` from the first ``MAX_QUERY_CHARS`` characters).

* Questions in plain language (怎么办理教师资格证, 低保怎么申请): a word that segments into
  several dictionary words, some of them question or function words of the stopwords-iso
  Chinese list (怎么, 如何, 哪里, 吗, 的 …), is replaced by its other words.
* Each word carries its variants: synonyms (``synonyms.py``) and, for a Latin word, the known
  words it is the pinyin of (shebao → 社保; initials such as sb only for strings without vowels,
  which no Latin word or full pinyin is). ``she bao`` is read as one pinyin word when the
  joined form is a known reading.
* The whole query is also tried as an exact document or index number.
"""

import functools
import re
from dataclasses import dataclass, field

from .segmenter import CJK_WORD, cut_words, identifier_key, split_query_words
from .synonyms import variants
from .vocabulary import vocabulary

MAX_QUERY_CHARS = 100
MAX_WORDS = 12
MAX_READINGS = 3
_LATIN_WORD = re.compile(r"[a-z]{2,}")
_INITIALS = re.compile(r"[b-df-hj-np-tw-z]{2,4}")


@functools.cache
def stop_words():
    """The stopwords-iso Chinese list (question and function words), loaded once."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh"))


@dataclass
class ParsedQuery:
    raw: str
    text: str
    words: list = field(default_factory=list)
    truncated: bool = False
    identifier: str = ""
    # word -> its variants (the word itself first)
    expansions: dict = field(default_factory=dict)
    # question and function words left out of the search (怎么, 如何 …)
    dropped: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.words

    def highlight_terms(self):
        """The strings to mark in titles and snippets: every variant of every word, whole."""
        terms = {variant for word_variants in self.expansions.values() for variant in word_variants}
        return sorted(terms, key=len, reverse=True)

    def replaced(self, corrections):
        """The query text with words replaced (``{word: correction}``), for a did-you-mean link."""
        return " ".join(corrections.get(word, word) for word in self.words)


def without_question_words(word):
    """``(kept words, dropped words)`` of one query word: its dictionary words minus stop words, when it has both."""
    if not CJK_WORD.search(word) or len(word) < 3:
        return [word], []
    tokens = cut_words(word)
    stops = stop_words()
    dropped = [token for token in tokens if token in stops]
    kept = [token for token in tokens if token not in stops]
    if not dropped or not kept:
        return [word], []
    return kept, dropped


def pinyin_readings(word):
    """Known Chinese words that ``word`` (Latin letters) is the pinyin or the initials of; most used first."""
    if not _LATIN_WORD.fullmatch(word):
        return []
    known = vocabulary()
    readings = list(known.by_reading.get(word, ()))
    if not readings and _INITIALS.fullmatch(word):
        readings = list(known.by_initials.get(word, ()))
    return readings[:MAX_READINGS]


def word_variants(word):
    found = variants(word)
    for reading in pinyin_readings(word):
        for variant in variants(reading):
            if variant not in found:
                found.append(variant)
    return found


def parse(raw):
    raw = (raw or "").strip()
    truncated = len(raw) > MAX_QUERY_CHARS
    text = raw[:MAX_QUERY_CHARS]
    typed = split_query_words(text)
    if len(typed) > 1 and all(_LATIN_WORD.fullmatch(word) for word in typed) and pinyin_readings("".join(typed)):
        typed = ["".join(typed)]
    words, dropped = [], []
    for typed_word in typed:
        kept, left_out = without_question_words(typed_word)
        dropped.extend(left_out)
        for word in kept:
            if word not in words:
                words.append(word)
    truncated = truncated or len(words) > MAX_WORDS
    words = words[:MAX_WORDS]
    identifier = identifier_key(text) if len(text) >= 4 else ""
    return ParsedQuery(raw=raw, text=text, words=words, truncated=truncated, identifier=identifier,
                       expansions={word: word_variants(word) for word in words}, dropped=dropped)
