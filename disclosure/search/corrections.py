"""Did you mean (纠错): a close, much more frequent spelling of a query that finds little or nothing.

Candidates for each Chinese word of the query come from the county's own vocabulary
(``vocabulary.py``: catalogue titles, synonyms, queries that found something): known words one
character off (社宝 → 社保: a typo or a confusable) and known words read the same (homophones).
A candidate is offered only when the index finds it in at least ``MIN_RESULTS`` entries and at
least ``FACTOR`` times as many as the word itself; a homophone that qualifies is preferred to a more
frequent word that is only one character off (社宝 → 社保, not 社会). A word of the segmenter's
dictionary or of a synonym group is a real term, not a typo: it gets no word one character off
(低保 is not offered 社保), only a homophone.
"""

from .segmenter import CJK_WORD, is_dictionary_word
from .synonyms import synonym_groups
from .vocabulary import vocabulary

FEW_RESULTS = 3
MIN_RESULTS = 3
FACTOR = 3
MAX_CANDIDATES = 12


def correction_for(parsed, frequency):
    """The corrected query text, or None. ``frequency(word) -> int`` counts entries containing ``word``."""
    known = vocabulary()
    corrections = {}
    for word in parsed.words:
        if not CJK_WORD.fullmatch(word) or not 2 <= len(word) <= 8:
            continue
        own = frequency(word)
        if own >= FEW_RESULTS * FACTOR:
            continue
        homophones, one_off = known.close_words(word)
        # A word the dictionary or a synonym group knows was typed as meant: 低保 is not a typo of 社保.
        for candidates in (homophones,) if _is_a_known_term(word) else (homophones, one_off):
            best, best_count = None, max(MIN_RESULTS - 1, own * FACTOR - 1)
            for candidate in candidates[:MAX_CANDIDATES]:
                count = frequency(candidate)
                if count > best_count:
                    best, best_count = candidate, count
            if best is not None:
                corrections[word] = best
                break
    return parsed.replaced(corrections) if corrections else None


def _is_a_known_term(word):
    return is_dictionary_word(word) or any(word in group for group in synonym_groups())
