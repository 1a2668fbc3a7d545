"""A full rebuild of the Whoosh index, fast enough for a county's whole catalogue.

Haystack's generic ``update_index`` prepares and writes one batch at a time through the
backend; with Chinese segmentation that is ~30 entries/s. Here the main process reads the
catalogue in primary-key chunks and prepares documents, while ``procs`` forked worker processes
segment them and write segments with the array segment writer (``segment_writer.py``): each worker
starts a new segment once its postings reach ``limitmb``. The main process then commits all the
segments at once. The new index is built beside the live one and swapped in, so search keeps
answering during a rebuild; ``queue.rebuild_index`` queues the entries changed meanwhile afterwards.
"""

import gc
import logging
import multiprocessing
import os
import queue
import shutil
import time
import traceback

from django.db import connections as db_connections
from haystack import connections
from whoosh.filedb.filestore import FileStorage

from . import whoosh_engine
from .documents import catalogue_index, indexes_by_label
from .segment_writer import ArraySegmentWriter

logger = logging.getLogger(__name__)

BATCH_SIZE = 200  # documents handed to a worker at a time
# Postings a worker keeps before it writes them as a segment (12 bytes each, about 22 million). At 100,000 county
# documents each of two workers writes three segments and peaks near 1 GB; with 512 MB (two segments each) the
# build took longer (231 s instead of 200 s) and a worker peaked at 2.3 GB.
LIMIT_MB = 256
WORKER_CHECK_SECONDS = 5.0


class RebuildFailed(Exception):
    """A worker process failed or died; the message holds its traceback or exit code."""


def rebuild(procs=2, chunk_size=2000, limitmb=LIMIT_MB, progress=None):
    """Build a complete new index from the public catalogue (then public letters and organisations, every
    other search index) and swap it in.

    ``procs``: worker processes writing segments (1: in this process); ``chunk_size``: rows read from the
    database at a time; ``limitmb``: postings a worker keeps in memory before it writes them as a segment
    (its peak at that moment is about three times this); ``progress(count)`` is called after each chunk.
    Returns ``(documents written, seconds)``. Raises :class:`RebuildFailed` when a worker fails; the live
    index is then left as it was.
    """
    started_clock = time.perf_counter()
    backend = connections["default"].get_backend()
    path = os.path.abspath(backend.path)
    building = f"{path}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    os.makedirs(building)
    _content_field, schema = backend.build_schema(connections["default"].get_unified_index().all_searchfields())
    ix = FileStorage(building).create_index(schema)
    try:
        documents = _documents(backend, chunk_size, progress)
        if procs > 1:
            count = _write_in_workers(ix, documents, procs, limitmb)
        else:
            count = _write_here(ix, documents, limitmb)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    ix.close()
    _swap_in(building, path)
    backend.setup_complete = False
    whoosh_engine.forget_view()
    return count, time.perf_counter() - started_clock


def _documents(backend, chunk_size, progress):
    """Every document of every search index, the catalogue first, as the dicts Whoosh writes."""
    count = 0
    for index in (catalogue_index(), *(other for other in indexes_by_label().values() if other is not catalogue_index())):
        last_pk = 0
        queryset = index.index_queryset()
        while True:
            chunk = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:chunk_size])
            if not chunk:
                break
            for obj in chunk:
                doc = backend.prepare_document(index, obj)
                if doc is not None:
                    count += 1
                    yield doc
            last_pk = chunk[-1].pk
            if progress:
                progress(count)


class _Segments:
    """Array segment writers on one index, a new one whenever the current one's postings reach ``limitmb``.
    They take no lock: the index being built is this rebuild's own until it is swapped in."""

    def __init__(self, ix, limitmb):
        self.ix, self.limit = ix, limitmb * 1024 * 1024
        self.writer = None
        self.finished = []

    def add(self, doc):
        if self.writer is None:
            self.writer = ArraySegmentWriter(self.ix, _lk=False)
        self.writer.add_document(**doc)
        if self.writer.postings_bytes() >= self.limit:
            self.finish()

    def finish(self):
        """Write the current segment (if any); returns every segment written so far."""
        if self.writer is not None:
            self.finished.append(self.writer.write_segment())
            self.writer = None
        return self.finished


def _write_here(ix, documents, limitmb):
    segments = _Segments(ix, limitmb)
    count = 0
    for doc in documents:
        segments.add(doc)
        count += 1
    _commit(ix, segments.finish())
    return count


def _write_in_workers(ix, documents, procs, limitmb):
    context = multiprocessing.get_context("fork")  # workers inherit the loaded apps and segmenter
    jobs, results = context.Queue(maxsize=procs * 4), context.Queue()
    for connection in db_connections.all(initialized_only=True):  # a forked child must not share them
        if not connection.in_atomic_block:
            connection.close()
    workers = [context.Process(target=_worker, args=(ix.storage.folder, ix.indexname, limitmb, jobs, results),
                               daemon=True) for _ in range(procs)]
    for worker in workers:
        worker.start()
    try:
        count, batch = 0, []
        for doc in documents:
            batch.append(doc)
            count += 1
            if len(batch) == BATCH_SIZE:
                _put(jobs, batch, workers, results)
                batch = []
        if batch:
            _put(jobs, batch, workers, results)
        for _worker_process in workers:
            _put(jobs, None, workers, results)
        segments = []
        for _worker_process in workers:
            segments.extend(_result(results, workers))
        for worker in workers:
            worker.join()
    except BaseException:
        for worker in workers:
            worker.terminate()
        jobs.cancel_join_thread()  # batches no worker will read must not keep this process from exiting
        raise
    _commit(ix, segments)
    return count


def _put(jobs, item, workers, results):
    """Hand ``item`` to the workers; raise :class:`RebuildFailed` as soon as one has stopped (none may stop
    before it is sent its end), with the error it reported."""
    while True:
        try:
            jobs.put(item, timeout=WORKER_CHECK_SECONDS)
            return
        except queue.Full:
            _raise_reported_error(results)
            stopped = [worker for worker in workers if worker.exitcode is not None]
            if stopped:
                raise RebuildFailed(f"index worker {stopped[0].pid} stopped with code {stopped[0].exitcode}") from None


def _raise_reported_error(results):
    try:
        outcome, value = results.get_nowait()
    except queue.Empty:
        return
    raise RebuildFailed(value if outcome == "error" else f"index worker finished before its end: {outcome}")


def _result(results, workers):
    while True:
        try:
            outcome, value = results.get(timeout=WORKER_CHECK_SECONDS)
        except queue.Empty:
            for worker in workers:
                if worker.exitcode not in (None, 0):
                    raise RebuildFailed(f"index worker {worker.pid} exited with code {worker.exitcode}") from None
            continue
        if outcome == "error":
            raise RebuildFailed(value)
        return value


def _worker(folder, indexname, limitmb, jobs, results):
    """A worker process: write the documents of every batch it takes into segments; report them or the error."""
    gc.freeze()  # the heap inherited from the parent (Django, the apps) lives on: full collections need not walk it
    try:
        segments = _Segments(FileStorage(folder).open_index(indexname), limitmb)
        while (batch := jobs.get()) is not None:
            for doc in batch:
                segments.add(doc)
        results.put(("segments", segments.finish()))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _commit(ix, segments):
    """Make ``segments`` the index's content: one new generation listing them all."""
    ArraySegmentWriter(ix).commit_segments(segments)


def _swap_in(building, path):
    old = f"{path}.old-{os.getpid()}"
    if os.path.exists(path):
        os.rename(path, old)
    os.rename(building, path)
    shutil.rmtree(old, ignore_errors=True)
