"""Did you mean (纠错): a close, much more frequent spelling of a query that finds little or nothing.

Candidates for each Chinese word of the query come from the county's own vocabulary
(``vocabulary.py``: catalogue titles, synonyms, queries that found something): known words one
character off (社宝 → 社保: a typo or a confusable) and known words read the same (homophones).
A candidate is offered only when the index finds it in at least ``MIN_RESULTS`` entries and at
least ``FACTOR`` times as many as the word itself; a homophone that is is preferred to a more
frequent word that is only one character off (社宝 → 社保, not 社会).
"""

from .segmenter import CJK_WORD
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
        for candidates in known.close_words(word):  # homophones first, then words one character off
            best, best_count = None, max(MIN_RESULTS - 1, own * FACTOR - 1)
            for candidate in candidates[:MAX_CANDIDATES]:
                count = frequency(candidate)
                if count > best_count:
                    best, best_count = candidate, count
            if best is not None:
                corrections[word] = best
                break
    return parsed.replaced(corrections) if corrections else None
