"""Running a query against the Whoosh index: matching set, facet counts, one ranked page.

Whoosh stores the inverted index; matching is done here with bitmaps (``bitmaps.py``), because
Whoosh's own matchers and collectors walk every matching posting in Python (hundreds of
milliseconds per query at 100,000 entries). Each term's document set is read block by block from
the postings and cached per index segment as one bitmap (one bit per document, however many hold
the term), so intersections and unions run in C, and facets and ranking in NumPy:

* a word matches when it occurs as one contiguous string (``segmenter.py``): a word that is
  one exact term is one bitmap lookup; any other word is looked up by all its pieces and each
  candidate is verified against its stored match form (``match_text`` column); a query word
  may match through any of its variants (synonyms, pinyin readings); every query word must
  match (AND) - unless nothing matches all of them and the caller allows relaxing, then the
  entries matching the most words come first and the result says ``relaxed``;
* facet values (kind, organisation, genre, topic, year) and dates come from Whoosh's sortable
  columns, read once per segment into NumPy arrays (a code per document and the list of values);
* ranking (``sort=relevance``): an exact document or index number first, then entries whose
  title holds the whole query, then more query words in the title, then body-only matches;
  newer first within each tier. ``sort=date``: newest first.

A process keeps one view of the index and re-opens it only when the index has a newer
generation; unchanged segments keep their caches.
"""

import os
import re
import threading
import zlib
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from itertools import chain
from pickle import loads

import numpy as np
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import TermNotFound

from .analysis import containing
from .bitmaps import from_numbers, members
from .segmenter import is_compound, word_terms

FACET_FIELDS = ("kind", "organisation", "genre", "topic", "year")
MATCH_TEXT_FIELD = "match_text"
DATE_FIELD = "published_at"
TERM_CACHE_SIZE = 4000
NO_DATE = np.iinfo(np.int64).min + 1  # sorts last, and can still be negated


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
    bitmaps of document numbers). Both the per-segment and the per-generation caches are one of these,
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
    """The bitmap of one term's documents in one segment, deletions included (removed later)."""
    if fieldname not in reader.schema:
        return 0
    btext = text.encode("utf-8")
    try:
        matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    except (KeyError, TermNotFound):
        return 0
    if isinstance(matcher, W3LeafMatcher):
        return from_numbers(_block_ids(matcher))
    return from_numbers(matcher.all_ids())


def _block_ids(matcher):
    """Every document number of a term's on-disk postings, as an int64 array, decoded with NumPy.

    Whoosh stores a block's numbers as differences, the first one as it is, and decodes them in Python,
    one block at a time (``W3LeafMatcher._read_ids``). Here each block's differences are only unpickled;
    the first number of each block is made a difference from the previous block's last (the block header
    holds it), and one cumulative sum over all blocks gives every number.
    """
    postfile = matcher._postfile
    blocks, previous_last = [], []
    last = 0
    while True:
        data = postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        blocks.append(loads(zlib.decompress(data) if matcher._compression else data)[0])
        previous_last.append(last)
        last = matcher._maxid
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    sizes = np.fromiter(map(len, blocks), dtype=np.int64, count=len(blocks))
    differences = np.fromiter(chain.from_iterable(blocks), dtype=np.int64, count=int(sizes.sum()))
    differences[np.cumsum(sizes) - sizes] -= previous_last
    return np.cumsum(differences)


def _coded(values):
    """``(distinct values in first-seen order, NumPy int32 array of each document's index into them)``."""
    codes = {}
    numbers = np.fromiter((codes.setdefault(value, len(codes)) for value in values), dtype=np.int32)
    return list(codes), numbers


def _timestamps(values):
    """Whoosh's stored date numbers as an int64 array; a document without a date gets ``NO_DATE``."""
    return np.fromiter((NO_DATE if value is None else value for value in values), dtype=np.int64)


def occurrence_search(word):
    """``search(buffer, start, end)`` -> bool: whether ``word`` (match form) occurs in ``buffer[start:end]`` (bytes,
    UTF-8, which is self-synchronising, so a byte search is a character search). A document number's numbers are
    not cut: ``12号`` does not occur in ``112号``. Nothing outside ``start:end`` is looked at, though a pattern's
    look-behind sees the bytes before ``start`` (in a column, the previous document's)."""
    needle = word.encode("utf-8")
    if not is_compound(word):
        def search(buffer, start, end):
            return buffer.find(needle, start, end) >= 0
        return search
    at_start = re.compile(re.escape(needle) + rb"(?![0-9])")
    inside = re.compile(rb"(?<![0-9])" + re.escape(needle) + rb"(?![0-9])")

    def search(buffer, start, end):
        return at_start.match(buffer, start, end) is not None or inside.search(buffer, start + 1, end) is not None
    return search


class _Segment:
    """Caches of one immutable segment: column values (NumPy) and term bitmaps."""

    def __init__(self, reader):
        self.reader = reader
        self.size = reader.doc_count_all()
        self.coded = {}
        for name in (*FACET_FIELDS, "django_ct"):
            values = reader.column_reader(name) if reader.has_column(name) else [None] * self.size
            self.coded[name] = _coded(values)
        self.ids = np.fromiter(map(int, reader.column_reader("django_id")), dtype=np.int64, count=self.size) \
            if reader.has_column("django_id") else np.zeros(self.size, dtype=np.int64)
        self.dates = _timestamps(reader.column_reader(DATE_FIELD, translate=False)) \
            if reader.has_column(DATE_FIELD) else np.full(self.size, NO_DATE, dtype=np.int64)
        self.match_text = reader.column_reader(MATCH_TEXT_FIELD, translate=False) \
            if reader.has_column(MATCH_TEXT_FIELD) else None
        self.terms = TermCache()

    def verified(self, fieldname, word, candidates):
        """The ``candidates`` (a bitmap of local numbers) whose match form (its first line, the title, for
        "title") contains ``word``, cached; UTF-8 is self-synchronising, so a byte search is a character search."""
        key = ("verified", fieldname, word)
        found = self.terms.get(key)
        if found is not None:
            return found
        column = self.match_text
        if column is None:
            return self.terms.put(key, 0)
        found = containing(column, members(candidates).tolist(), occurrence_search(word),
                           first_line=fieldname == "title")
        return self.terms.put(key, from_numbers(found))

    def term(self, fieldname, text):
        key = (fieldname, text)
        found = self.terms.get(key)
        if found is None:
            found = self.terms.put(key, _read_ids(self.reader, fieldname, text))
        return found


def _joined(parts, name):
    """One view-wide ``(values, codes)`` from the segments' own codings of column ``name``."""
    index, pieces = {}, []
    for cached, _offset, _deleted in parts:
        local_values, local_codes = cached.coded[name]
        remap = np.fromiter((index.setdefault(value, len(index)) for value in local_values), dtype=np.int32,
                            count=len(local_values))
        pieces.append(remap[local_codes] if len(local_values) else local_codes)
    return list(index), (np.concatenate(pieces) if pieces else np.empty(0, dtype=np.int32))


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
            if not leaf.has_deletions():
                deleted = 0
            elif segment is not None:  # the segment keeps its deleted numbers as a set
                deleted = from_numbers(segment.deleted_docs())
            else:
                deleted = from_numbers(d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d))
            self.parts.append((cached, offset, deleted))
        with _segments_lock:
            for key in list(_segments):
                if key not in live_keys:
                    del _segments[key]
        # Per column: (values, codes) with codes[doc] the index of doc's value; primary keys and dates as int64.
        self.coded = {name: _joined(self.parts, name) for name in (*FACET_FIELDS, "django_ct")}
        self.ids = np.concatenate([cached.ids for cached, _o, _d in self.parts] or [np.empty(0, dtype=np.int64)])
        self.dates = np.concatenate([cached.dates for cached, _o, _d in self.parts] or [np.empty(0, dtype=np.int64)])
        self._terms = TermCache()

    def doc_count(self):
        return self.reader.doc_count()

    def up_to_date(self):
        """Same directory (a rebuild swaps in a new one, whose generation may equal ours) and same generation."""
        return directory_identity() == self.directory and self.ix.latest_generation() == self.generation

    def keys(self, docs):
        """``[(model label, primary key), …]`` of document numbers ``docs`` (an iterable of ``int``), in order."""
        models, model_codes = self.coded["django_ct"]
        return [(models[model_codes[doc]], int(self.ids[doc])) for doc in docs]

    def term(self, fieldname, text):
        """The bitmap of the live documents holding one term, cached for this generation."""
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is not None:
            return found
        bits = 0
        for cached, offset, deleted in self.parts:
            local = cached.term(fieldname, text)
            if deleted:
                local &= ~deleted
            bits |= local << offset
        return self._terms.put(key, bits)

    def all_of(self, fieldname, tokens):
        bits = None
        for token in tokens:
            found = self.term(fieldname, token)
            bits = found if bits is None else bits & found
            if not bits:
                return 0
        return bits or 0

    def occurrences(self, fieldname, word):
        """Documents whose ``fieldname`` ("text" or "title") contains ``word`` (match form) as one string."""
        terms, exact = word_terms(word)
        if exact:
            return self.all_of(fieldname, terms)
        key = ("verified", fieldname, word)
        found = self._terms.get(key)
        if found is not None:
            return found
        bits = 0
        for cached, offset, deleted in self.parts:
            candidates = None
            for term in terms:
                local = cached.term(fieldname, term)
                candidates = local if candidates is None else candidates & local
                if not candidates:
                    break
            if candidates:
                local = cached.verified(fieldname, word, candidates)
                if deleted:
                    local &= ~deleted
                bits |= local << offset
        return self._terms.put(key, bits)

    def word(self, fieldname, word_variants):
        """Documents where any variant of a word occurs in ``fieldname``."""
        bits = 0
        for variant in word_variants:
            bits |= self.occurrences(fieldname, variant)
        return bits

    def frequency(self, word):
        """How many documents contain ``word`` (match form) anywhere: for corrections and pinyin readings."""
        return self.occurrences("text", word).bit_count()


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
    """``(documents, exact identifier matches, relaxed, words matched per document or None)``: two bitmaps,
    a flag and, when relaxed, an int array indexed by document number.

    Every query word must match. With ``relax`` and no document matching all of several words,
    the documents matching any of them are returned, with how many words each matched.
    """
    matched = None
    for word in parsed.words:
        docs = view.word("text", parsed.expansions[word])
        matched = docs if matched is None else matched & docs
        if not matched:
            break
    matched = matched or 0
    exact = view.term("identifiers", parsed.identifier) if parsed.identifier else 0
    if matched or exact or not relax or len(parsed.words) < 2:
        return matched | exact, exact, False, None
    counts = np.zeros(len(view.dates), dtype=np.int32)
    anything = 0
    for word in parsed.words:
        found = view.word("text", parsed.expansions[word])
        counts[members(found)] += 1
        anything |= found
    return anything, exact, bool(anything), counts


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
                docs &= view.term(name, value)
        numbers = members(docs)
        facets = {name: _facet_counts(*view.coded[name], numbers) for name in FACET_FIELDS}
        total = len(numbers)
        wanted = offset + limit
        if total == 0 or offset >= total:
            page = []
        elif sort == "date":
            page = _newest(numbers, view.dates, wanted)[offset:wanted]
        else:
            page = _by_relevance(view, parsed, docs, numbers, exact, wanted, counts)[offset:wanted]
        hits = view.keys(page)
    except IndexUnavailable:
        raise
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error
    return EngineResult(total=total, hits=hits, facets=facets, relaxed=relaxed)


def _facet_counts(values, codes, numbers):
    """``Counter`` of the column's values over documents ``numbers``; no value ("" or None) is not counted."""
    tallies = np.bincount(codes[numbers], minlength=len(values)) if len(numbers) else ()
    return Counter({values[code]: int(count) for code, count in enumerate(tallies)
                    if count and values[code] not in (None, "")})


def _newest(numbers, dates, wanted):
    """The ``wanted`` newest of document numbers ``numbers`` (ascending), newest first; equal dates in
    ascending document order (the order they were indexed). A list of ``int``."""
    if wanted <= 0 or not len(numbers):
        return []
    if len(numbers) > wanted:
        own = dates[numbers]
        cutoff = np.partition(own, len(own) - wanted)[len(own) - wanted]
        numbers = numbers[own >= cutoff]  # keeps every document tied at the cutoff
    order = np.lexsort((numbers, -dates[numbers]))
    return numbers[order[:wanted]].tolist()


def _by_relevance(view, parsed, docs, numbers, exact, wanted, word_counts=None):
    """Tiers, best first, newer first within each: an exact document or index number; then (when relaxed)
    more query words matched; then the whole query in the title; then more query words in the title."""
    tier = np.zeros(len(view.dates), dtype=np.int32)
    words = parsed.words
    in_title = 0
    for word in words:
        found = view.word("title", parsed.expansions[word]) & docs
        tier[members(found)] += 1
        in_title |= found
    width = len(words) + 2
    if len(words) > 1 and in_title:
        tier[members(view.occurrences("title", "".join(words)) & docs)] = len(words) + 1
    if word_counts is not None:
        tier += word_counts * width
    tier[members(exact & docs)] = (len(words) + 1) * width + width
    own = tier[numbers]
    ranked = []
    for value in np.unique(own)[::-1]:
        ranked.extend(_newest(numbers[own == value], view.dates, wanted - len(ranked)))
        if len(ranked) >= wanted:
            break
    return ranked
