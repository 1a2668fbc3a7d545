"""What the index stores for a piece of text, and how a query word is looked up in it.

Matching is exact: a document matches a query word only when the word occurs in it as one
contiguous string, after both sides are put in the same *match form* (:func:`match_form`):
full-width to half-width and upper to lower case (NFKC), one bracket style, joined
letter–digit codes (``COVID-19`` = ``covid19``), and no zero padding in numbers
(``〔2026〕04号`` = ``〔2026〕4号``).

The index holds, for every run of letters, digits and CJK characters:

* every single character and every pair of neighbouring characters (character bigrams), so any
  word of one or two characters is one exact term;
* every dictionary word of three or more CJK characters (rjieba's full mode, which emits every
  dictionary word wherever it occurs), so such a word is one exact term too;
* every substring of three to ``MAX_ALNUM_TERM`` characters of a letter/digit run, so Latin
  words, numbers and codes (``covid19``, ``2026``) are exact terms.

Any other word (a compound the dictionary lacks: 河长制, 林长制) is looked up by all its bigrams
and dictionary words - a superset - and each candidate is then verified against the entry's
stored match form (``whoosh_engine.py``). So no result ever matches scattered pieces of a word.
"""

import functools
import operator
import re
import unicodedata

try:  # the compiled segmenter
    import rjieba as _segmenter

    def _cut_all(text):
        return _segmenter.cut_all(text)

    SEGMENTER_NAME = "rjieba"
except ImportError:  # pragma: no cover - exercised only where rjieba is missing
    import jieba as _segmenter

    def _cut_all(text):
        return _segmenter.lcut(text, cut_all=True)

    SEGMENTER_NAME = "jieba"

MAX_ALNUM_TERM = 12
_CJK = "\u3400-\u9fff\uf900-\ufaff"
# A run of what a word is made of: letters, digits, CJK characters (everything else separates words).
_WORD_RUN = re.compile(f"[0-9a-z{_CJK}]+")
_WORDLIKE = re.compile(f"[0-9a-z{_CJK}]")
_CJK_WORD = re.compile(f"[{_CJK}]+")
_ALNUM_RUN = re.compile(r"[0-9a-z]+")
# Brackets that people write interchangeably in document numbers (示政发〔2025〕12号 / [2025] / （2025）).
_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "［": "[", "］": "]", "【": "[", "】": "]", "(": "[", ")": "]",
                           "（": "[", "）": "]", "﹝": "[", "﹞": "]", "{": "[", "}": "]", "〈": "[", "〉": "]",
                           "〖": "[", "〗": "]"})
# Separators inside letter-digit codes, dropped: COVID-19, Wi-Fi, ISO 9001, H1N1_2.
_CODE_JOINER = re.compile(r"(?<=[a-z])[-_\u00b7\u2010-\u2013]+(?=[0-9a-z])|(?<=[0-9])[-_\u00b7\u2010-\u2013]+(?=[a-z])"
                          r"|(?<=[a-z]) (?=[0-9])|(?<=[0-9]) (?=[a-z])")
# Zero padding at the start of a number (04号, 第01期); a lone 0 and decimals (0.5, 3.05) stay.
_LEADING_ZEROS = re.compile(r"(?<![0-9a-z.])0+(?=[0-9])")


def normalise(text):
    """NFKC (full-width letters and digits to half-width) and lower case; used for logs, picks and synonyms."""
    return unicodedata.normalize("NFKC", text or "").lower()


_BRACKET_CHARACTERS = re.compile("[" + re.escape("".join(map(chr, _BRACKETS))) + "]")


def _one_bracket_style(text):
    """``text.translate(_BRACKETS)``, but only looking at the brackets (translate walks every CJK character)."""
    return _BRACKET_CHARACTERS.sub(lambda found: _BRACKETS[ord(found.group())], text)


def match_form(text):
    """The form both documents and queries are matched in (module docstring); ``str`` → ``str``."""
    text = " ".join(_one_bracket_style(normalise(text)).split())
    return _LEADING_ZEROS.sub("", _CODE_JOINER.sub("", text))


@functools.lru_cache(maxsize=32)
def text_match_form(text):
    """The match form of a document's text, its first line (the title) and the rest apart: ``"title\nrest"``.

    The index terms (:func:`index_terms`) and the stored verification form (``analysis.MatchTextColumn``) are
    both made from it, so no match spans the end of the title, and a rebuild computes it once per document."""
    title, _newline, rest = (text or "").partition("\n")
    return f"{match_form(title)}\n{match_form(rest)}"


_SPACES = re.compile(r"\s")
_EXTRA_SPACES = re.compile(r"^ +| +$|(?<= ) +")


def _without(form, origin, pattern):
    """``form`` and ``origin`` with the pattern's matches deleted."""
    pieces, origins, last = [], [], 0
    for found in pattern.finditer(form):
        pieces.append(form[last:found.start()])
        origins.extend(origin[last:found.start()])
        last = found.end()
    if not last:
        return form, origin
    pieces.append(form[last:])
    origins.extend(origin[last:])
    return "".join(pieces), origins


def match_form_mapped(text):
    """``(form, origin)``: :func:`match_form` of ``text`` and, for each of its characters, the index in
    ``text`` it came from - so a match found in the form can be marked in the original (highlighting)."""
    text = text or ""
    form = _one_bracket_style(unicodedata.normalize("NFKC", text).lower())
    if len(form) == len(text):
        origin = list(range(len(text)))
    else:  # some character became several (or none): map character by character
        pieces, origin = [], []
        for position, char in enumerate(text):
            piece = unicodedata.normalize("NFKC", char).lower().translate(_BRACKETS)
            pieces.append(piece)
            origin.extend([position] * len(piece))
        form = "".join(pieces)
    form = _SPACES.sub(" ", form)
    for pattern in (_EXTRA_SPACES, _CODE_JOINER, _LEADING_ZEROS):
        form, origin = _without(form, origin, pattern)
    return form, origin


CJK_WORD = _CJK_WORD


def cut_all(text):
    """Every dictionary word (and character) of ``text``, rjieba's full mode."""
    return _cut_all(text)


def index_terms(text):
    """All terms of ``text`` for the index (module docstring), with repeats, in no particular order."""
    form = text_match_form(text)
    terms = []
    for run in _WORD_RUN.findall(form):
        terms.extend(run)
        terms.extend(map(operator.add, run, run[1:]))  # its character bigrams
    for alnum in _ALNUM_RUN.findall(form):
        size = len(alnum)
        for length in range(3, min(size, MAX_ALNUM_TERM) + 1):
            terms.extend(alnum[i:i + length] for i in range(size - length + 1))
    # The segmenter cuts only within runs of CJK characters; keep its CJK words of three or more.
    terms.extend(token for token in _cut_all(form) if len(token) >= 3 and _CJK_WORD.fullmatch(token))
    return terms


# A query word: a run, or runs joined the way document and index numbers are (示政发[2025]12号, .../2025-12).
_QUERY_WORD = re.compile(f"[0-9a-z{_CJK}]+(?:[-/.:\\[\\]]+[0-9a-z{_CJK}]+)*\\]?")


def split_query_words(text):
    """The words of a query: runs of letters, digits and CJK characters of its match form, kept together
    where they are joined by brackets, hyphens, slashes or dots as in a document or index number."""
    return [word.rstrip("]") if "[" not in word else word for word in _QUERY_WORD.findall(match_form(text))]


def is_compound(word):
    """Whether ``word`` is several runs joined like a document number (matched whole, numbers not cut)."""
    return not _WORD_RUN.fullmatch(word)


def cut_words(text):
    """Dictionary segmentation (jieba's precise mode) of a query word, for dropping question words."""
    return list(_segmenter.cut(text))


def is_dictionary_word(word):
    """Whether the segmenter's full mode emits ``word`` as a token wherever it occurs."""
    return word in _cut_all(word)


def word_terms(word):
    """``(terms, exact)`` for one query word in match form.

    Every document containing ``word`` holds all ``terms``. When ``exact`` is true the single term is
    the word itself and holding it means containing the word; otherwise the documents holding all
    terms are candidates that must be verified against their match form.
    """
    if not word:
        return [], True
    if is_compound(word):
        terms = set()
        for run in _WORD_RUN.findall(word):
            terms.update(word_terms(run)[0])
        return sorted(terms), False
    if len(word) <= 2 or (_ALNUM_RUN.fullmatch(word) and len(word) <= MAX_ALNUM_TERM):
        return [word], True
    if _CJK_WORD.fullmatch(word) and is_dictionary_word(word):
        return [word], True
    terms = {word[i:i + 2] for i in range(len(word) - 1)}
    for chinese in _CJK_WORD.findall(word):
        if len(chinese) >= 3:
            terms.update(token for token in _cut_all(chinese) if len(token) >= 3)
    for alnum in _ALNUM_RUN.findall(word):
        if 3 <= len(alnum) <= MAX_ALNUM_TERM:
            terms.add(alnum)
        elif len(alnum) > MAX_ALNUM_TERM:
            terms.add(alnum[:MAX_ALNUM_TERM])
    return sorted(terms), False


def identifier_key(text):
    """A document number or index number in the form looked up exactly: match form without spaces."""
    return re.sub(r"\s+", "", match_form(text))
