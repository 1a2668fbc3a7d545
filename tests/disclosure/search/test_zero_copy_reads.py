"""Index files are read from the mapped compound file, not copied into each process (whoosh_speedups.py)."""

import io

import pytest
from whoosh.filedb import compound

from disclosure.search import whoosh_engine
from disclosure.search.whoosh_speedups import _MemoryFile, _SharedBufferFile
from tests import factories

DATA = b"first line\nsecond line\n\x00\x01\x02 binary tail"


def test_the_memory_stream_reads_seeks_and_tells_as_bytesio_does():
    ours, theirs = _MemoryFile(memoryview(DATA)), io.BytesIO(DATA)
    for step in (lambda f: f.read(5), lambda f: f.readline(), lambda f: f.tell(), lambda f: f.seek(3),
                 lambda f: f.read(4), lambda f: f.seek(-4, io.SEEK_END), lambda f: f.read(), lambda f: f.read(10),
                 lambda f: f.seek(2, io.SEEK_CUR), lambda f: f.seek(0), lambda f: f.read(-1)):
        assert step(ours) == step(theirs)


def test_the_memory_stream_does_not_copy_its_buffer():
    buffer = bytearray(DATA)
    stream = _MemoryFile(memoryview(buffer))
    buffer[0:5] = b"FIRST"
    assert stream.read(5) == b"FIRST"


@pytest.mark.django_db
def test_every_file_of_an_opened_index_is_read_from_the_mapped_file(search_index, indexed):
    with indexed():
        factories.article(factories.column(factories.county(), "headlines"), title="全县秋粮收购工作会议召开")
    assert compound.BufferFile is _SharedBufferFile
    reader = whoosh_engine.open_index().reader()
    try:
        streams = [leaf._terms._postfile for leaf, _offset in reader.leaf_readers()]
        assert streams and all(isinstance(stream.file, _MemoryFile) for stream in streams)
    finally:
        reader.close()
