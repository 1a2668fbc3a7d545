"""Which query parameters the handling of a request reads, so the hostile-input battery can aim.

A parameter that no view, middleware, form or template reads cannot change a response; sending each hostile
value to it one at a time tests nothing that one request with all of them set at once does not. While
:func:`recording` is active, every request's ``request.GET`` notes the names read through it. Taking the
query as a whole (iterating it, ``items()``, ``lists()``, ``dict()``) counts as reading every parameter
(:data:`EVERY`), so such a route still gets the whole battery; copying it or writing it back into a link
(``copy()``, ``urlencode()``) only passes values on and is not a read.

One whole-query read is not counted: the NUL guard (``security.null_characters``) looks at every value of
every request for U+0000 and answers 400 before any view runs; each battery sends NUL to every parameter
(alone to the read ones, together to the rest), so the guard is still tested on all of them.
"""

import contextlib
from unittest import mock

from django.core.handlers.wsgi import WSGIRequest, get_bytes_from_wsgi
from django.http import QueryDict
from django.utils.functional import cached_property

from security import null_characters

EVERY = "*"
_reads = set()
_quiet = 0


def _note(key):
    if not _quiet:
        _reads.add(key)


@contextlib.contextmanager
def _quietly():
    """Reads inside the block are not recorded."""
    global _quiet
    _quiet += 1
    try:
        yield
    finally:
        _quiet -= 1


class _RecordingQueryDict(QueryDict):
    def __getitem__(self, key):
        _note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        _note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        _note(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        _note(key)
        return super().__contains__(key)

    def pop(self, key, *default):
        _note(key)
        return super().pop(key, *default)


def _reads_everything(name):
    def method(self, *args, **kwargs):
        _note(EVERY)
        return getattr(QueryDict, name)(self, *args, **kwargs)

    method.__name__ = name
    return method


def _echoes(name):
    """Copying the query or writing it back into a link passes values on without acting on them: not a
    read (what the copy is then asked for is recorded; the echo itself is tested by the all-at-once request)."""
    def method(self, *args, **kwargs):
        with _quietly():
            return getattr(QueryDict, name)(self, *args, **kwargs)

    method.__name__ = name
    return method


for _name in ("__iter__", "keys", "values", "items", "lists", "dict", "__getstate__"):
    setattr(_RecordingQueryDict, _name, _reads_everything(_name))
for _name in ("copy", "__copy__", "__deepcopy__", "urlencode"):
    setattr(_RecordingQueryDict, _name, _echoes(_name))


def _recording_get(request):
    with _quietly():  # building the dict asks whether each key is already there: not a read
        return _RecordingQueryDict(get_bytes_from_wsgi(request.environ, "QUERY_STRING", ""), encoding=request._encoding)


@contextlib.contextmanager
def recording():
    """Within the block, requests handled by the test client record the names read from ``request.GET``;
    yields the set of names (with :data:`EVERY` when the query was taken as a whole)."""
    original = WSGIRequest.__dict__["GET"]
    replacement = cached_property(_recording_get)
    replacement.__set_name__(WSGIRequest, "GET")
    _reads.clear()
    WSGIRequest.GET = replacement
    try:
        with mock.patch("security.null_characters.carries_nul", _unrecorded(null_characters.carries_nul)):
            yield _reads
    finally:
        WSGIRequest.GET = original


def _unrecorded(check):
    def unrecorded(request):
        with _quietly():
            return check(request)

    return unrecorded


def parameters_read(client, path, names):
    """The query parameters a GET of ``path`` reads, probed without parameters and with each of ``names`` set
    to "1": ``names`` in their order when the query is read as a whole, else those of ``names`` it read,
    followed by any other name it asked for (a parameter the caller's list lacks), sorted."""
    with recording() as reads:
        client.get(path)
        client.get(path, {name: "1" for name in names})
        read = set(reads)
    listed = list(names) if EVERY in read else [name for name in names if name in read]
    return listed + sorted(read - set(names) - {EVERY})
