"""Synonyms maintained by the information office (同义词), used to widen each query word."""

from ..models import SynonymGroup
from .memo import forget, remembered
from .segmenter import match_form

CACHE_KEY = "search:synonyms:v1"
MAX_VARIANTS = 6


def synonym_groups():
    """The active groups as lists of normalised words (memoised; forgotten when a group is saved)."""

    def compute():
        groups = []
        for group in SynonymGroup.objects.filter(active=True):
            words = list(dict.fromkeys(form for form in map(match_form, group.word_list()) if form))
            if len(words) > 1:
                groups.append(words)
        return groups

    return remembered(CACHE_KEY, compute)


def forget_synonyms(**kwargs):
    forget(CACHE_KEY)


def variants(word, groups=None):
    """``word`` and the words it may mean: a synonym found inside the word is swapped for each other one.

    社保 → 社保, 社会保险; 社保政策 → 社保政策, 社会保险政策.
    """
    word = match_form(word)
    found = [word]
    for group in synonym_groups() if groups is None else groups:
        for member in sorted(group, key=len, reverse=True):
            if member in word:
                for other in group:
                    candidate = word.replace(member, other)
                    if candidate not in found:
                        found.append(candidate)
                break
        if len(found) >= MAX_VARIANTS:
            break
    return found[:MAX_VARIANTS]
