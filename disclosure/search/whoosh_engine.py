"""Running a query against the Whoosh index: matching set, facet counts, one ranked page.

Whoosh stores the inverted index; matching is done here with Python sets, because Whoosh's
own matchers and collectors walk every matching posting in Python (hundreds of milliseconds
per query at 100,000 entries). Each term's document set is read block by block from the
postings and cached per index segment, so intersections, unions and facet counts run in C:

* a word matches when it occurs as one contiguous string (``segmenter.py``): a word that is
  one exact term is one set lookup; any other word is looked up by all its pieces and each
  candidate is verified against its stored match form (``match_text`` column); a query word
  may match through any of its variants (synonyms, pinyin readings); every query word must
  match (AND) - unless nothing matches all of them and the caller allows relaxing, then the
  entries matching the most words come first and the result says ``relaxed``;
* facet values (kind, organisation, genre, topic, year) and dates come from Whoosh's sortable
  columns, read once per segment;
* ranking (``sort=relevance``): an exact document or index number first, then entries whose
  title holds the whole query, then more query words in the title, then body-only matches;
  newer first within each tier. ``sort=date``: newest first.

A process keeps one view of the index and re-opens it only when the index has a newer
generation; unchanged segments keep their caches.
"""

import heapq
import os
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import TermNotFound

from .segmenter import is_compound, word_terms

FACET_FIELDS = ("kind", "organisation", "genre", "topic", "year")
MATCH_TEXT_FIELD = "match_text"
DATE_FIELD = "published_at"
TERM_CACHE_SIZE = 4000


class IndexUnavailable(Exception):
    """The index is missing or cannot be read."""


@dataclass
class EngineResult:
    total: int
    # One page of hits, best first: ``(model label, primary key)``, e.g. ``("disclosure.catalogueentry", 12)``.
    hits: list
    facets: dict = field(default_factory=dict)
    # True when no entry matched every query word and these are the best partial matches.
    relaxed: bool = False


class TermCache:
    """A thread-safe least-recently-used map of at most ``size`` entries (term or verified-word keys to
    frozensets of document numbers). Both the per-segment and the per-generation caches are one of these,
    so a hot common term stays cached however many rare terms pass through."""

    def __init__(self, size=TERM_CACHE_SIZE):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """The cached value for ``key`` (marked most recently used), or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key, value):
        """Store ``value`` and drop the least recently used entry beyond ``size``; returns ``value``."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def __len__(self):
        return len(self._entries)


def _read_ids(reader, fieldname, text):
    """All document numbers of one term in one segment, deletions included (removed later)."""
    if fieldname not in reader.schema:
        return frozenset()
    btext = text.encode("utf-8")
    try:
        matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    except (KeyError, TermNotFound):
        return frozenset()
    if isinstance(matcher, W3LeafMatcher):
        ids = []
        while not matcher._atend:
            if matcher._ids is None:
                matcher._read_ids()
            ids.extend(matcher._ids)
            matcher._next_block()
        return frozenset(ids)
    return frozenset(matcher.all_ids())


class _Segment:
    """Caches of one immutable segment: column values and term document sets."""

    def __init__(self, reader):
        self.reader = reader
        self.size = reader.doc_count_all()
        self.columns = {}
        for name in (*FACET_FIELDS, DATE_FIELD, "django_ct", "django_id"):
            if reader.has_column(name):
                self.columns[name] = list(reader.column_reader(name, translate=name != DATE_FIELD))
            else:
                self.columns[name] = [None] * self.size
        self.match_text = reader.column_reader(MATCH_TEXT_FIELD, translate=False) \
            if reader.has_column(MATCH_TEXT_FIELD) else None
        self.terms = TermCache()

    def verified(self, fieldname, word, candidates):
        """The ``candidates`` (local numbers) whose match form (its first line, the title, for "title")
        contains ``word``, cached; UTF-8 is self-synchronising, so a byte search is a character search."""
        key = ("verified", fieldname, word)
        found = self.terms.get(key)
        if found is not None:
            return found
        needle = word.encode("utf-8")
        if is_compound(word):  # a document number: its numbers are not cut (12号 is not in 112号)
            pattern = re.compile(rb"(?<![0-9])" + re.escape(needle) + rb"(?![0-9])")
            contains = pattern.search
        else:
            def contains(data):
                return needle in data
        column = self.match_text
        if column is None:
            found = frozenset()
        elif fieldname == "title":
            found = frozenset(doc for doc in candidates if contains(column[doc].split(b"\n", 1)[0]))
        else:
            found = frozenset(doc for doc in candidates if contains(column[doc]))
        return self.terms.put(key, found)

    def term(self, fieldname, text):
        key = (fieldname, text)
        found = self.terms.get(key)
        if found is None:
            found = self.terms.put(key, _read_ids(self.reader, fieldname, text))
        return found


_segments = {}
_segments_lock = threading.Lock()


class View:
    """One generation of the index: its segments (with offsets), live documents and columns."""

    def __init__(self, ix):
        self.ix = ix
        self.directory = directory_identity()
        self.reader = ix.reader()
        self.generation = self.reader.generation()
        self.parts = []
        live_keys = set()
        for leaf, offset in self.reader.leaf_readers():
            segment = leaf.segment() if hasattr(leaf, "segment") else None
            key = segment.segment_id() if segment is not None else id(leaf)
            live_keys.add(key)
            with _segments_lock:
                cached = _segments.get(key)
                if cached is None:
                    cached = _segments[key] = _Segment(leaf)
            deleted = frozenset(d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d)) \
                if leaf.has_deletions() else frozenset()
            self.parts.append((cached, offset, deleted))
        with _segments_lock:
            for key in list(_segments):
                if key not in live_keys:
                    del _segments[key]
        self.columns = {name: [] for name in (*FACET_FIELDS, DATE_FIELD, "django_ct", "django_id")}
        for cached, _offset, _deleted in self.parts:
            for name in self.columns:
                self.columns[name].extend(cached.columns[name])
        self._terms = TermCache()

    def doc_count(self):
        return self.reader.doc_count()

    def up_to_date(self):
        """Same directory (a rebuild swaps in a new one, whose generation may equal ours) and same generation."""
        return directory_identity() == self.directory and self.ix.latest_generation() == self.generation

    def term(self, fieldname, text):
        """Global document numbers (live only) of one term, cached for this generation."""
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is not None:
            return found
        parts = []
        for cached, offset, deleted in self.parts:
            ids = cached.term(fieldname, text)
            if deleted:
                ids = ids - deleted
            parts.append(ids if offset == 0 else frozenset(offset + d for d in ids))
        return self._terms.put(key, parts[0] if len(parts) == 1 else frozenset().union(*parts))

    def all_of(self, fieldname, tokens):
        sets = sorted((self.term(fieldname, token) for token in tokens), key=len)
        if not sets:
            return frozenset()
        return sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]

    def occurrences(self, fieldname, word):
        """Documents whose ``fieldname`` ("text" or "title") contains ``word`` (match form) as one string."""
        terms, exact = word_terms(word)
        if exact:
            return self.all_of(fieldname, terms)
        key = ("verified", fieldname, word)
        found = self._terms.get(key)
        if found is not None:
            return found
        parts = []
        for cached, offset, deleted in self.parts:
            sets = sorted((cached.term(fieldname, term) for term in terms), key=len)
            candidates = sets[0].intersection(*sets[1:]) if sets else frozenset()
            if candidates:
                local = cached.verified(fieldname, word, candidates)
                if deleted:
                    local = local - deleted
                parts.append(local if offset == 0 else frozenset(offset + d for d in local))
        return self._terms.put(key, frozenset().union(*parts) if parts else frozenset())

    def word(self, fieldname, word_variants):
        """Documents where any variant of a word occurs in ``fieldname``."""
        found = [self.occurrences(fieldname, variant) for variant in word_variants]
        found = [docs for docs in found if docs]
        if not found:
            return frozenset()
        return found[0] if len(found) == 1 else frozenset().union(*found)

    def frequency(self, word):
        """How many documents contain ``word`` (match form) anywhere: for corrections and pinyin readings."""
        return len(self.occurrences("text", word))


_view = None
_view_lock = threading.Lock()


def index_path():
    from haystack import connections

    return connections.connections_info["default"]["PATH"]


def directory_identity():
    """(device, inode) of the index directory, or None when it is gone: changes when a rebuild swaps one in."""
    try:
        stat = os.stat(index_path())
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def open_index():
    path = index_path()
    if not os.path.isdir(path):
        raise IndexUnavailable("missing")
    try:
        return FileStorage(path).open_index()
    except whoosh_index.EmptyIndexError as error:
        raise IndexUnavailable("missing") from error
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error


def current_view():
    """The shared view, re-opened when the index has a newer generation."""
    global _view
    with _view_lock:
        view = _view
        try:
            fresh = view is not None and view.up_to_date()
        except Exception:
            fresh = False
        if not fresh:
            try:
                view = View(open_index())
            except IndexUnavailable:
                raise
            except Exception as error:
                raise IndexUnavailable(f"unreadable: {error}") from error
            _view = view
        return view


def forget_view():
    global _view
    with _view_lock:
        _view = None
    with _segments_lock:
        _segments.clear()


def document_count():
    return current_view().doc_count()


def word_frequency(word):
    """How many entries contain ``word`` (match form) as one string. Raises :class:`IndexUnavailable`."""
    try:
        return current_view().frequency(word)
    except IndexUnavailable:
        raise
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error


def match(view, parsed, relax=False):
    """``(documents, exact identifier matches, relaxed, words matched per document or None)``.

    Every query word must match. With ``relax`` and no document matching all of several words,
    the documents matching any of them are returned, with how many words each matched.
    """
    matched = None
    for word in parsed.words:
        docs = view.word("text", parsed.expansions[word])
        matched = docs if matched is None else matched & docs
        if not matched:
            break
    matched = matched or frozenset()
    exact = view.term("identifiers", parsed.identifier) if parsed.identifier else frozenset()
    if matched or exact or not relax or len(parsed.words) < 2:
        return matched | exact, exact, False, None
    counts = Counter()
    for word in parsed.words:
        counts.update(view.word("text", parsed.expansions[word]))
    return frozenset(counts), exact, bool(counts), counts


def run(parsed, filters, sort, offset, limit, relax=False):
    """Match, narrow by ``filters``, count facets, rank one page. ``sort`` is "relevance" or "date".

    ``relax``: when no entry has every query word, answer with the entries that have the most
    (``EngineResult.relaxed``). Raises :class:`IndexUnavailable` when the index cannot be read.
    """
    view = current_view()
    try:
        docs, exact, relaxed, counts = match(view, parsed, relax)
        for name, value in filters.items():
            if value and docs:
                docs = docs & view.term(name, value)
        columns = view.columns
        facets = {}
        for name in FACET_FIELDS:
            facet_counts = Counter(map(columns[name].__getitem__, docs))
            facet_counts.pop(None, None)
            facet_counts.pop("", None)
            facets[name] = facet_counts
        total = len(docs)
        wanted = offset + limit
        dates = columns[DATE_FIELD]
        date_key = dates.__getitem__
        if total == 0 or offset >= total:
            page = []
        elif sort == "date":
            page = heapq.nlargest(wanted, docs, key=date_key)[offset:wanted]
        else:
            page = _by_relevance(view, parsed, docs, exact, wanted, date_key, counts)[offset:wanted]
    except IndexUnavailable:
        raise
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error
    models, ids = columns["django_ct"], columns["django_id"]
    return EngineResult(total=total, hits=[(models[doc], int(ids[doc])) for doc in page], facets=facets, relaxed=relaxed)


def _by_relevance(view, parsed, docs, exact, wanted, date_key, word_counts=None):
    """Tiers, best first, newer first within each: an exact document or index number; then (when relaxed)
    more query words matched; then the whole query in the title; then more query words in the title."""
    tier = Counter()
    words = parsed.words
    in_title = Counter()
    for word in words:
        in_title.update(view.word("title", parsed.expansions[word]) & docs)
    whole = "".join(words)
    width = len(words) + 2
    for doc, count in in_title.items():
        tier[doc] = count
    if len(words) > 1 and in_title:
        for doc in view.occurrences("title", whole) & docs:
            tier[doc] = len(words) + 1
    if word_counts is not None:
        for doc in docs:
            tier[doc] += word_counts[doc] * width
    top = (len(words) + 1) * width + width
    for doc in exact & docs:
        tier[doc] = top
    tiers = {}
    for doc, value in tier.items():
        tiers.setdefault(value, []).append(doc)
    ranked = []
    for value in sorted(tiers, reverse=True):
        ranked.extend(heapq.nlargest(wanted - len(ranked), tiers[value], key=date_key))
        if len(ranked) >= wanted:
            return ranked
    rest = docs - tier.keys()
    ranked.extend(heapq.nlargest(wanted - len(ranked), rest, key=date_key))
    return ranked
