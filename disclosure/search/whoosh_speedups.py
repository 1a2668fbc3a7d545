"""Two targeted fixes of Whoosh 2.7.4: a faster segment flush, and index files read without copying them.

**Flush** (``install``, for bulk rebuilds). When Whoosh flushes a new segment it asks, for every single
posting, the length of the field in that posting's document, by reading the length column again
(``doc_field_length``). With segmented Chinese a document has hundreds of distinct terms, so the same few
numbers are read hundreds of times each; profiling showed this at about a third of the flush. The segment
being flushed is already closed for writing, so caching the answers is safe.

**Reads** (``install_zero_copy_reads``, every process, from ``DisclosureConfig.ready``). A segment's files
live in one memory-mapped compound file, and Whoosh hands each file out as a ``BufferFile`` whose stream is
``BytesIO(memoryview)``, which copies it. So every reader opened copied the whole postings and term index
into the process's own memory: at 100,000 entries about 500 MB per reader, in every web worker and again
each time a publish made a new index generation (measured, docs/search.md). ``_MemoryFile`` is the same
stream read straight from the mapped file, so the pages are the operating system's, shared by all processes.
"""

import io

from whoosh import writing
from whoosh.filedb import compound, structfile

_installed = False


class _CachedLengths:
    def __init__(self, reader):
        self._reader = reader
        self._cache = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        key = (docnum, fieldname)
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = self._reader.doc_field_length(docnum, fieldname, default)
            return value

    def __getattr__(self, name):
        return getattr(self._reader, name)


def install():
    global _installed
    if _installed:
        return
    original = writing.SegmentWriter.per_document_reader

    def per_document_reader(self):
        return _CachedLengths(original(self))

    writing.SegmentWriter.per_document_reader = per_document_reader
    _installed = True


class _MemoryFile(io.RawIOBase):
    """A read-only, seekable stream over a ``memoryview`` (of the mapped compound file), without a copy."""

    def __init__(self, buffer):
        super().__init__()
        self._buffer = buffer
        self._position = 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, target):
        chunk = self._buffer[self._position:self._position + len(target)]
        target[:len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def read(self, size=-1):
        end = len(self._buffer) if size is None or size < 0 else min(len(self._buffer), self._position + size)
        data = self._buffer[self._position:end].tobytes()
        self._position = max(self._position, end)
        return data

    def seek(self, offset, whence=io.SEEK_SET):
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._buffer)}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self):
        return self._position


class _SharedBufferFile(structfile.BufferFile):
    """Whoosh's ``BufferFile`` with its stream read from the buffer instead of from a copy of it."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _MemoryFile(buf)


def install_zero_copy_reads():
    """Make compound segment files hand out ``_SharedBufferFile`` (idempotent)."""
    compound.BufferFile = _SharedBufferFile
