"""Running a query against the Whoosh index: matching set, facet counts, one ranked page.

Whoosh stores the inverted index; matching is done here with Python sets, because Whoosh's
own matchers and collectors walk every matching posting in Python (hundreds of milliseconds
per query at 100,000 entries). Each term's document set is read block by block from the
postings and cached per index segment, so intersections, unions and facet counts run in C:

* a word matches when all its segments are in ``text``; a query word may match through any
  synonym; every query word must match (AND);
* facet values (organisation, genre, topic, year) and dates come from Whoosh's sortable
  columns, read once per segment;
* ranking (``sort=relevance``): an exact document or index number first, then by how many
  query words are in the title, newer first within each tier. ``sort=date``: newest first.

A process keeps one view of the index and re-opens it only when the index has a newer
generation; unchanged segments keep their caches.
"""

import heapq
import os
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import TermNotFound

from .segmenter import word_tokens

FACET_FIELDS = ("organisation", "genre", "topic", "year")
DATE_FIELD = "published_at"
TERM_CACHE_SIZE = 4000


class IndexUnavailable(Exception):
    """The index is missing or cannot be read."""


@dataclass
class EngineResult:
    total: int
    entry_ids: list
    facets: dict = field(default_factory=dict)


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
        for name in (*FACET_FIELDS, DATE_FIELD, "django_id"):
            if reader.has_column(name):
                self.columns[name] = list(reader.column_reader(name, translate=name != DATE_FIELD))
            else:
                self.columns[name] = [None] * self.size
        self.terms = OrderedDict()
        self.lock = threading.Lock()

    def term(self, fieldname, text):
        key = (fieldname, text)
        with self.lock:
            found = self.terms.get(key)
            if found is not None:
                self.terms.move_to_end(key)
                return found
        found = _read_ids(self.reader, fieldname, text)
        with self.lock:
            self.terms[key] = found
            if len(self.terms) > TERM_CACHE_SIZE:
                self.terms.popitem(last=False)
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
        self.columns = {name: [] for name in (*FACET_FIELDS, DATE_FIELD, "django_id")}
        for cached, _offset, _deleted in self.parts:
            for name in self.columns:
                self.columns[name].extend(cached.columns[name])
        self._terms = OrderedDict()
        self._lock = threading.Lock()

    def doc_count(self):
        return self.reader.doc_count()

    def up_to_date(self):
        """Same directory (a rebuild swaps in a new one, whose generation may equal ours) and same generation."""
        return directory_identity() == self.directory and self.ix.latest_generation() == self.generation

    def term(self, fieldname, text):
        """Global document numbers (live only) of one term, cached for this generation."""
        key = (fieldname, text)
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                return found
        parts = []
        for cached, offset, deleted in self.parts:
            ids = cached.term(fieldname, text)
            if deleted:
                ids = ids - deleted
            parts.append(ids if offset == 0 else frozenset(offset + d for d in ids))
        found = parts[0] if len(parts) == 1 else frozenset().union(*parts)
        with self._lock:
            self._terms[key] = found
            if len(self._terms) > TERM_CACHE_SIZE:
                self._terms.popitem(last=False)
        return found

    def all_of(self, fieldname, tokens):
        sets = sorted((self.term(fieldname, token) for token in tokens), key=len)
        if not sets:
            return frozenset()
        return sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]

    def word(self, fieldname, word_variants):
        """Documents where any variant of a word has all its segments in ``fieldname``."""
        found = [self.all_of(fieldname, word_tokens(variant)) for variant in word_variants]
        found = [docs for docs in found if docs]
        if not found:
            return frozenset()
        return found[0] if len(found) == 1 else frozenset().union(*found)


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


def match(view, parsed):
    """(matching documents, exact identifier matches) for a parsed query."""
    matched = None
    for word in parsed.words:
        docs = view.word("text", parsed.expansions[word])
        matched = docs if matched is None else matched & docs
        if not matched:
            break
    matched = matched or frozenset()
    exact = view.term("identifiers", parsed.identifier) if parsed.identifier else frozenset()
    return matched | exact, exact


def run(parsed, filters, sort, offset, limit):
    """Match, narrow by ``filters``, count facets, rank one page. ``sort`` is "relevance" or "date"."""
    view = current_view()
    try:
        docs, exact = match(view, parsed)
        for name, value in filters.items():
            if value and docs:
                docs = docs & view.term(name, value)
    except IndexUnavailable:
        raise
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error
    columns = view.columns
    facets = {}
    for name in FACET_FIELDS:
        counts = Counter(map(columns[name].__getitem__, docs))
        counts.pop(None, None)
        counts.pop("", None)
        facets[name] = counts
    total = len(docs)
    wanted = offset + limit
    dates = columns[DATE_FIELD]
    date_key = dates.__getitem__
    if total == 0 or offset >= total:
        page = []
    elif sort == "date":
        page = heapq.nlargest(wanted, docs, key=date_key)[offset:wanted]
    else:
        page = _by_relevance(view, parsed, docs, exact, wanted, date_key)[offset:wanted]
    ids = columns["django_id"]
    return EngineResult(total=total, entry_ids=[int(ids[doc]) for doc in page], facets=facets)


def _by_relevance(view, parsed, docs, exact, wanted, date_key):
    """Exact identifier matches, then documents with more query words in the title; newer first in each tier."""
    in_title = Counter()
    for word in parsed.words:
        in_title.update(view.word("title", parsed.expansions[word]) & docs)
    tiers = {}
    for doc in exact & docs:
        in_title[doc] = len(parsed.words) + 1
    for doc, count in in_title.items():
        tiers.setdefault(count, []).append(doc)
    ranked = []
    for count in sorted(tiers, reverse=True):
        ranked.extend(heapq.nlargest(wanted - len(ranked), tiers[count], key=date_key))
        if len(ranked) >= wanted:
            return ranked
    rest = docs - in_title.keys()
    ranked.extend(heapq.nlargest(wanted - len(ranked), rest, key=date_key))
    return ranked
