"""Running a query against the Whoosh index: matches, facet counts, one page of ranked hits.

A process keeps one searcher and re-opens it only when the index has changed. Facet values
(organisation, genre, topic, year) and dates are read once per index segment from Whoosh's
columns and kept in lists, so counting facets over tens of thousands of matches is a
``Counter`` over list lookups rather than one Whoosh query per facet value.
"""

import heapq
import os
import threading
from collections import Counter
from dataclasses import dataclass, field

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

FACET_FIELDS = ("organisation", "genre", "topic", "year")
DATE_FIELD = "published_at"


class IndexUnavailable(Exception):
    """The index is missing, empty where the catalogue is not, or cannot be read."""


@dataclass
class EngineResult:
    total: int
    entry_ids: list
    facets: dict = field(default_factory=dict)


class _Columns:
    """Per-segment column values, concatenated in the searcher's document order."""

    _segment_cache = {}
    _cache_lock = threading.Lock()

    def __init__(self, searcher):
        self.values = {name: [] for name in (*FACET_FIELDS, DATE_FIELD)}
        live_segments = set()
        for reader, _offset in searcher.leaf_readers():
            key = reader.segment().segment_id() if hasattr(reader, "segment") and reader.segment() else id(reader)
            live_segments.add(key)
            with self._cache_lock:
                cached = self._segment_cache.get(key)
            if cached is None:
                cached = {}
                for name in self.values:
                    if reader.has_column(name):
                        translate = name != DATE_FIELD
                        cached[name] = list(reader.column_reader(name, translate=translate))
                    else:
                        cached[name] = [None] * reader.doc_count_all()
                with self._cache_lock:
                    self._segment_cache[key] = cached
            for name in self.values:
                self.values[name].extend(cached[name])
        with self._cache_lock:
            for key in list(self._segment_cache):
                if key not in live_segments:
                    del self._segment_cache[key]


class _View:
    def __init__(self, ix):
        self.searcher = ix.searcher()
        self.columns = _Columns(self.searcher).values


_view = None
_view_lock = threading.Lock()


def index_path():
    from haystack import connections

    return connections.connections_info["default"]["PATH"]


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
    """The shared searcher, re-opened when the index has a newer generation."""
    global _view
    with _view_lock:
        view = _view
        try:
            fresh = view is not None and view.searcher.up_to_date()
        except Exception:
            fresh = False
        if not fresh:
            try:
                view = _View(open_index())
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


def document_count():
    return current_view().searcher.doc_count()


def run(query, filters, sort, offset, limit):
    """Match ``query`` (a Whoosh query), keep docs matching every ``filters`` value, count facets
    over what is left and rank one page. ``sort`` is "relevance" or "date"."""
    view = current_view()
    searcher = view.searcher
    columns = view.columns
    try:
        docs = list(searcher.docs_for_query(query))
    except Exception as error:
        raise IndexUnavailable(f"unreadable: {error}") from error
    narrowed = False
    for name, value in filters.items():
        if value:
            values = columns[name]
            docs = [doc for doc in docs if values[doc] == value]
            narrowed = True
    facets = {}
    for name in FACET_FIELDS:
        values = columns[name]
        facets[name] = Counter(values[doc] for doc in docs)
        facets[name].pop(None, None)
        facets[name].pop("", None)
    total = len(docs)
    wanted = offset + limit
    dates = columns[DATE_FIELD]
    if total == 0 or offset >= total:
        page = []
    elif sort == "date":
        page = heapq.nlargest(wanted, docs, key=lambda doc: (dates[doc] or 0, doc))[offset:wanted]
    else:
        results = searcher.search(query, limit=wanted, filter=set(docs) if narrowed else None)
        ranked = sorted(((round(hit.score, 6), dates[hit.docnum] or 0, hit.docnum) for hit in results), reverse=True)
        page = [docnum for _score, _date, docnum in ranked][offset:wanted]
    entry_ids = [int(searcher.stored_fields(docnum)["django_id"]) for docnum in page]
    return EngineResult(total=total, entry_ids=entry_ids, facets=facets)
