"""Which engine answers a search: the Whoosh matcher (``whoosh_engine.py``) or Elasticsearch (``elastic.py``).

Chosen by the class of the configured haystack backend. Both modules offer ``run``,
``document_count`` and ``forget_view`` and raise :class:`whoosh_engine.IndexUnavailable`, so the service
and the checks work the same on either. ``elastic`` is imported only when asked for, so a Whoosh
deployment needs no Elasticsearch client.
"""

import functools

from haystack import connections
from haystack.exceptions import MissingDependency

from . import whoosh_engine
from .backend import CountyWhooshSearchBackend


@functools.cache
def _elastic():
    try:
        from . import elastic
    except (ImportError, MissingDependency):
        return None
    return elastic


def for_backend(backend):
    """The engine module for ``backend``, or None for a backend we have no engine for."""
    if isinstance(backend, CountyWhooshSearchBackend):
        return whoosh_engine
    elastic = _elastic()
    if elastic is not None and isinstance(backend, elastic.CountyElasticsearchSearchBackend):
        return elastic
    return None


def current():
    """The engine of the default connection (the Whoosh one for an unknown backend, as before: it falls back)."""
    return for_backend(connections["default"].get_backend()) or whoosh_engine
