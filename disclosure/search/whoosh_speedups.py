"""A targeted fix of Whoosh 2.7.4: index files read without copying them.

``install_zero_copy_reads`` (every process, from ``DisclosureConfig.ready``): a segment's files
live in one memory-mapped compound file, and Whoosh hands each file out as a ``BufferFile`` whose stream is
``BytesIO(memoryview)``, which copies it. So every reader opened copied the whole postings and term index
into the process's own memory: at 100,000 entries about 500 MB per reader, in every web worker and again
each time a publish made a new index generation (measured, docs/search.md). ``_MemoryFile`` is the same
stream read straight from the mapped file, so the pages are the operating system's, shared by all processes.
"""

import io

from whoosh.filedb import compound, structfile

PEEK_BYTES = 256  # more than a postings block header's pickle (about 20 bytes)


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

    def peek(self, size=0):
        """Up to ``PEEK_BYTES`` bytes from the position, without moving it. The C unpickler asks this first and
        then reads what it used, so a small pickle (a postings block's header) costs two calls, not one per
        opcode."""
        return self._buffer[self._position:self._position + PEEK_BYTES].tobytes()

    def seek(self, offset, whence=io.SEEK_SET):
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._buffer)}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self):
        return self._position


class _SharedBufferFile(structfile.BufferFile):
    """Whoosh's ``BufferFile`` with its stream read from the buffer instead of from a copy of it."""

    mapping = None  # set by _open_file: the mmap this file is part of, and where in it it starts
    mapping_offset = 0

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _MemoryFile(buf)


_whoosh_open_file = compound.CompoundStorage.open_file


def _open_file(storage, name, *args, **kwargs):
    """Whoosh's ``open_file``; a file read from the mapping also says where: ``mapping`` (the ``mmap``) and
    ``mapping_offset`` (its first byte there), so a column can be searched in place (``analysis.MappedBytesColumn``)."""
    opened = _whoosh_open_file(storage, name, *args, **kwargs)
    if storage._source and isinstance(opened, _SharedBufferFile):
        opened.mapping, opened.mapping_offset = storage._source, storage.range(name)[0]
    return opened


def install_zero_copy_reads():
    """Make compound segment files hand out ``_SharedBufferFile`` and say where they are mapped (idempotent)."""
    compound.BufferFile = _SharedBufferFile
    compound.CompoundStorage.open_file = _open_file
