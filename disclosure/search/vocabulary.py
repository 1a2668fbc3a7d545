"""The words the county's search knows, with their readings: the source of pinyin readings and corrections.

Built from the public catalogue's titles (every dictionary word of two or more characters, with
the number of titles it occurs in), the synonym groups and the queries citizens asked that found
something - the county's own vocabulary, not a hard-coded list. Readings come from ``pypinyin``'s
character dictionary: a word has every combination of its characters' readings (银行: yinhang and
yinxing, 重庆: chongqing and zhongqing), so a citizen's reading of a polyphonic character finds the word
without pypinyin's phrase dictionary, which costs every search process 56 MB (measured).

Counting the words reads every public title: 3.6 s at 100,000 entries. So it is done by the task worker
(``refresh_vocabulary``, asked for by the first search after the vocabulary is ``REFRESH_SECONDS`` old,
which still answers with it) and after a full rebuild of the index, and shared through the Django cache;
each process keeps it for ``MEMO_SECONDS``. A word published a minute ago is found at once by its
characters; its pinyin reading follows within about an hour.
"""

import os

# Before pypinyin is first imported (only here): its phrase dictionary is not loaded (see the docstring).
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

import logging
import time
from collections import Counter, defaultdict
from datetime import timedelta
from itertools import islice, product

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django_tasks import task
from pypinyin import Style, pinyin

from ..models import CatalogueEntry, SearchQueryLog
from .memo import forget, remembered
from .segmenter import CJK_WORD, cut_all, match_form
from .synonyms import synonym_groups

logger = logging.getLogger(__name__)

CACHE_KEY = "search:vocabulary:v3"  # v3: (built at, words with several readings each)
REFRESH_SECONDS = 3600  # a vocabulary older than this is rebuilt by the task worker
REFRESH_LOCK_KEY = "search:vocabulary:refreshing"
REFRESH_LOCK_SECONDS = 600  # a refresh asked for and not done within this is asked for again
MEMO_SECONDS = 300  # each process reads the shared vocabulary again after this
MAX_WORDS = 30_000
MAX_WORD_CHARS = 8
MAX_READINGS = 16  # combinations kept per word (each character's most common reading first)
QUERY_LOG_DAYS = 90


def readings(word, style=Style.NORMAL):
    """Every toneless reading of ``word`` (a str of CJK characters) as a tuple of str: the combinations of its
    characters' readings, the most common first, at most ``MAX_READINGS``. ``style=Style.FIRST_LETTER`` gives
    initials. 银行 → ("yinxing", "yinhang", …); a character without a reading stands for itself."""
    choices = [list(dict.fromkeys(character)) for character in pinyin(word, style=style, heteronym=True)]
    return tuple("".join(combination) for combination in islice(product(*choices), MAX_READINGS))


def _sound(full_readings):
    """The key of words that read alike: all their readings, in order (县长, read xianzhang or xianchang, does not
    sound like 现场, read only xianchang; 社宝 sounds like 社保)."""
    return tuple(sorted(set(full_readings)))


class Vocabulary:
    """``counts``: word → titles it occurs in; ``by_reading``: one full toneless pinyin reading → words, most used
    first; ``by_sound``: all of a word's readings (:func:`_sound`) → words; ``by_initials``: pinyin initials →
    words; ``by_pattern``: the word with one character replaced by ``?`` → words. ``words``: word →
    ``(count, readings, initials)`` (tuples of str, :func:`readings`)."""

    def __init__(self, words):
        self.counts = {word: count for word, (count, _readings, _initials) in words.items()}
        self.by_reading = defaultdict(list)
        self.by_sound = defaultdict(list)
        self.by_initials = defaultdict(list)
        self.by_pattern = defaultdict(list)
        for word, (_count, full, initials) in sorted(words.items(), key=lambda item: (-item[1][0], item[0])):
            for reading in dict.fromkeys(full):
                self.by_reading[reading].append(word)
            self.by_sound[_sound(full)].append(word)
            for reading in dict.fromkeys(initials):
                self.by_initials[reading].append(word)
            for index in range(len(word)):
                self.by_pattern[f"{word[:index]}?{word[index + 1:]}"].append(word)

    def close_words(self, word):
        """``(homophones, one character off)``: known words read the same as ``word`` (every reading the same, so a
        polyphonic character's other reading makes no homophone), and other known words one character off it;
        each list most used first. A typo read like a known word is most likely that word (社宝: 社保 before 社会)."""
        homophones = [known for known in self.by_sound.get(_sound(readings(word)), ()) if known != word]
        one_off = {known for index in range(len(word))
                   for known in self.by_pattern.get(f"{word[:index]}?{word[index + 1:]}", ())}
        one_off -= {word, *homophones}
        def most_used_first(known):
            return -self.counts[known], known
        return sorted(homophones, key=most_used_first), sorted(one_off, key=most_used_first)

    def readings_of(self, latin):
        """Known words one of whose full pinyin readings is ``latin`` (shebao → 社保), else one of whose initials
        are (sb → 社保)."""
        return list(self.by_reading.get(latin, ())) or list(self.by_initials.get(latin, ()))


def _word_counts():
    counts = Counter()
    titles = CatalogueEntry.objects.public().values_list("title", flat=True)
    for title in titles.iterator(chunk_size=5000):
        words = set()
        for run in CJK_WORD.findall(match_form(title)):
            words.update(token for token in cut_all(run) if 2 <= len(token) <= MAX_WORD_CHARS)
        counts.update(words)
    for group in synonym_groups():
        for word in group:
            if CJK_WORD.fullmatch(word) and len(word) <= MAX_WORD_CHARS:
                counts[word] += 1
    since = timezone.now() - timedelta(days=QUERY_LOG_DAYS)
    asked = (SearchQueryLog.objects.filter(searched_at__gte=since, result_count__gt=0)
             .values("query").annotate(times=Count("pk")).order_by("-times")[:2000])
    for row in asked:
        query = match_form(row["query"])
        if CJK_WORD.fullmatch(query) and 2 <= len(query) <= MAX_WORD_CHARS:
            counts[query] += row["times"]
    return Counter(dict(counts.most_common(MAX_WORDS)))


def build_vocabulary():
    """Count the vocabulary's words from the database and store them in the shared cache; returns the
    ``words`` mapping :class:`Vocabulary` takes. 3.6 s at 100,000 entries (measured): done by the task worker
    (:func:`refresh_vocabulary`) and after a full index rebuild, not in a citizen's search."""
    words = {word: (count, readings(word), readings(word, Style.FIRST_LETTER))
             for word, count in _word_counts().items()}
    cache.set(CACHE_KEY, (time.time(), words), None)  # kept until replaced: a stale vocabulary still serves
    forget(CACHE_KEY)
    return words


@task(priority=10)
def refresh_vocabulary():
    """The django-tasks task (``manage.py db_worker``): rebuild the vocabulary (:func:`build_vocabulary`)."""
    try:
        build_vocabulary()
    finally:
        cache.delete(REFRESH_LOCK_KEY)


def vocabulary():
    """The current :class:`Vocabulary` (shared cache, then per-process memo for ``MEMO_SECONDS``).

    Older than ``REFRESH_SECONDS``, it still answers while the task worker builds the next one (asked once,
    ``REFRESH_LOCK_KEY``); only when none was ever stored (a new deployment, a cleared cache) does the
    search that needs it build it."""

    def compute():
        stored = cache.get(CACHE_KEY)
        if stored is None:
            return Vocabulary(build_vocabulary())
        built_at, words = stored
        if time.time() - built_at > REFRESH_SECONDS and cache.add(REFRESH_LOCK_KEY, True, REFRESH_LOCK_SECONDS):
            try:
                refresh_vocabulary.enqueue()
            except Exception:  # the search still answers with the vocabulary it has
                cache.delete(REFRESH_LOCK_KEY)
                logger.exception("Could not enqueue the search vocabulary refresh.")
        return Vocabulary(words)

    return remembered(CACHE_KEY, compute, seconds=MEMO_SECONDS)


def forget_vocabulary():
    cache.delete(CACHE_KEY)
    forget(CACHE_KEY)
