"""A Whoosh segment writer for full rebuilds: postings kept in arrays and written a term at a time.

Whoosh's ``SegmentWriter`` sends every posting (one term in one document) through a Python tuple
into an external-sort pool: pickled into temporary runs, merged back with ``heapq``, then handed
one at a time to the postings writer. Profiled on 10,500 county documents (9.6 million postings),
the pool and the per-posting writes were about three quarters of a rebuild.

:class:`ArraySegmentWriter` keeps each field's postings as three integer arrays (term number,
document number, frequency), orders them once with NumPy when the segment is flushed, and hands
each term's postings to Whoosh's own postings writer a block at a time. Everything else is
Whoosh's: the per-document writer (columns, stored fields), the term table, the block
layout and compression, the segment and its compound file. So Whoosh and the engine read the
result as any other segment, and later incremental writers add to it and merge it as usual
(``tests/disclosure/search/test_segment_writer.py`` reads both writers' segments back and
compares them posting by posting).

It writes the index formats this schema uses (``Existence`` and ``Frequency`` postings, boost 1,
no term vectors or spelling fields) and raises ``ValueError`` for any other, rather than writing
something Whoosh would read differently.
"""

import zlib
from array import array
from pickle import dumps

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter, W3TermInfo
from whoosh.writing import SegmentWriter

from .analysis import SegmentedText
from .segmenter import index_terms

# Postings per block. Whoosh's default is 128; the engine reads a term's blocks whole (whoosh_engine._block_ids),
# and each block costs about 10 µs besides its postings, so bigger blocks read a common term several times faster.
# Whoosh's own matchers read any block size; its incremental writers keep writing blocks of 128.
BLOCK_LIMIT = 1024
COMPRESSION = 3  # zlib level of each block: Whoosh's default


def check_schema(schema):
    """Raise ``ValueError`` unless every indexed field of ``schema`` is one this writer writes exactly
    as Whoosh's ``SegmentWriter`` would: ``Existence`` or ``Frequency`` format with boost 1, not scorable
    (no field lengths: nothing here scores), no term vectors, no separate spelling field."""
    for name, field in schema.items():
        if not field.indexed:
            continue
        kind = type(field.format)
        if kind not in (formats.Existence, formats.Frequency) or field.format.field_boost != 1.0:
            raise ValueError(f"field {name!r}: postings format {kind.__name__} with boost {field.format.field_boost} "
                             "is not written by ArraySegmentWriter")
        if field.scorable or field.vector or field.separate_spelling():
            raise ValueError(f"field {name!r}: field lengths, term vectors and spelling fields are not written by "
                             "ArraySegmentWriter")


class _FieldPostings:
    """One field's postings in the order they were added: parallel arrays of term number, document number
    and frequency, with the term texts numbered in first-seen order."""

    def __init__(self):
        self.numbers = {}  # term (str for segmented text, bytes otherwise) -> term number
        self.terms = array("i")
        self.docs = array("i")
        self.freqs = array("i")

    def add(self, docnum, counts):
        """Add one document's ``{term: frequency}``."""
        numbers = self.numbers
        self.terms.extend([numbers.setdefault(term, len(numbers)) for term in counts])
        self.freqs.extend(counts.values())
        self.docs.extend(array("i", [docnum]) * len(counts))

    def grouped(self, block_limit):
        """:class:`_Grouped`: the postings ordered by term text (Whoosh's order), each term's in document order."""
        texts = [term.encode("utf-8") if isinstance(term, str) else term for term in self.numbers]
        ranked = sorted(range(len(texts)), key=texts.__getitem__)
        rank = np.empty(len(texts), dtype=np.int32)
        rank[ranked] = np.arange(len(texts), dtype=np.int32)
        order = np.argsort(rank[np.frombuffer(self.terms, dtype=np.int32)], kind="stable")  # keeps document order
        counts = np.bincount(np.frombuffer(self.terms, dtype=np.int32), minlength=len(texts))[ranked]
        return _Grouped([texts[number] for number in ranked], counts, np.frombuffer(self.docs, dtype=np.int32)[order],
                        np.frombuffer(self.freqs, dtype=np.int32)[order], block_limit)


class _Grouped:
    """One field's postings grouped by term, cut into blocks of at most ``block_limit``, with every statistic
    Whoosh keeps per block and per term computed for all of them at once (NumPy ``reduceat``)."""

    def __init__(self, texts, counts, docs, freqs, block_limit):
        self.texts, self.docs, self.freqs = texts, docs, freqs
        self.term_ends = np.cumsum(counts)
        self.term_starts = self.term_ends - counts
        blocks_per_term = (counts + block_limit - 1) // block_limit
        first_block = np.cumsum(blocks_per_term) - blocks_per_term
        block_term = np.repeat(np.arange(len(texts)), blocks_per_term)
        within = np.arange(len(block_term)) - first_block[block_term]
        self.block_starts = self.term_starts[block_term] + within * block_limit
        self.block_ends = np.minimum(self.block_starts + block_limit, self.term_ends[block_term])
        self.first_block, self.blocks_per_term = first_block, blocks_per_term
        # Whoosh stores each block's ids as differences from the previous id, the first one as it is.
        self.deltas = np.diff(docs, prepend=0)
        self.deltas[self.block_starts] = docs[self.block_starts]


class _ArrayPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer for one term, given all the term's blocks at once (``write_term``).

    The block layout is Whoosh's (``W3PostingsWriter._write_block``): the block's size (negative for the
    last), a pickled info tuple (count, last id, highest weight, compression, shortest and longest field
    length: 0, no field is scorable), then the compressed pickle of (id differences, weights, values). The
    byte-for-byte test against Whoosh's own writer keeps the two equal.
    """

    def write_term(self, ids, weights, values, infos):
        """Write the term's blocks: per block the id differences (tuple), weights (None, one float or a tuple),
        values (bytes or None) and the info tuple; sets the term's extent on its ``W3TermInfo``."""
        postfile = self._postfile
        postfile.write(WHOOSH3_HEADER_MAGIC)
        last = len(infos) - 1
        for number, info in enumerate(infos):
            data = zlib.compress(dumps((ids[number], weights[number], values[number]), 2), COMPRESSION)
            infobytes = dumps(info, 2)
            size = len(infobytes) + len(data)
            postfile.write_int(-size if number == last else size)
            postfile.write(infobytes)
            postfile.write(data)
        self._blockcount = len(infos)
        self._terminfo.set_extent(self._startoffset, postfile.tell() - self._startoffset)

    def finish_postings(self):
        terminfo, self._terminfo = self._terminfo, None
        return terminfo


class ArraySegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` (same arguments, same commit) whose postings are kept in arrays (module docstring)."""

    def __init__(self, ix, block_limit=BLOCK_LIMIT, **kwargs):
        super().__init__(ix, codec=W3Codec(blocklimit=block_limit, compression=COMPRESSION), **kwargs)
        check_schema(self.schema)
        self.block_limit = block_limit
        self._postings = {}

    def postings_bytes(self):
        """Memory held by the postings so far: three 4-byte numbers per posting (bytes, an ``int``)."""
        return 12 * sum(len(postings.terms) for postings in self._postings.values())

    def write_segment(self):
        """Write the documents added so far as one finished segment, without committing it, and close this
        writer; returns the segment, to be committed with others by :meth:`commit_segments`.

        The index's temporary directory is shared by every writer on it (other workers' are still writing
        there), so it is left for :meth:`commit_segments` to remove, as Whoosh's own multi-process writer does.
        """
        segment = self._finalize_segment()
        self.is_closed = True
        return segment

    def commit_segments(self, segments):
        """Commit a new generation holding the index's segments and ``segments`` (from :meth:`write_segment`
        of other writers, in this process or others); this writer's own documents, if any, are discarded."""
        self._check_state()
        self._close_segment()
        self._commit_toc([*self.segments, *segments])
        self._finish()

    def add_document(self, **fields):
        """As ``SegmentWriter.add_document``; a segmented-text field's terms come straight from
        :func:`segmenter.index_terms`, any other field's from the field's own ``index``."""
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            if field.indexed:
                if isinstance(field, SegmentedText) and isinstance(field.format, formats.Existence):
                    counts = dict.fromkeys(index_terms(value), 1)
                else:
                    counts = {term: freq for term, freq, _weight, _value in field.index(value)}
                if counts:
                    self._postings.setdefault(name, _FieldPostings()).add(docnum, counts)
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, 0)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        for name in sorted(self._postings):
            self._write_field(fieldwriter, name, self.schema[name], self._postings.pop(name))
        fieldwriter.close()

    def _write_field(self, fieldwriter, name, field, postings):
        grouped = postings.grouped(self.block_limit)
        starts, ends = grouped.block_starts, grouped.block_ends
        frequency = isinstance(field.format, formats.Frequency)
        weights = grouped.freqs.astype(np.float32) if frequency else np.ones(len(grouped.freqs), dtype=np.float32)
        values = grouped.freqs.astype(">u4").tobytes() if frequency else None  # Frequency: count as big-endian uint
        highest, lowest = np.maximum.reduceat(weights, starts), np.minimum.reduceat(weights, starts)
        term_weights = np.add.reduceat(weights.astype(np.float64), grouped.term_starts) if len(weights) else []
        starts, ends, highest, lowest = starts.tolist(), ends.tolist(), highest.tolist(), lowest.tolist()
        docs = grouped.docs
        fieldwriter.start_field(name, field)
        # The field writer made Whoosh's postings writer for this field; ours writes the same bytes.
        writer = fieldwriter._postwriter = _ArrayPostingsWriter(
            fieldwriter._postfile, blocklimit=self.block_limit, compression=COMPRESSION)
        for term, text in enumerate(grouped.texts):
            first = int(grouped.first_block[term])
            blocks = range(first, first + int(grouped.blocks_per_term[term]))
            ids, block_weights, block_values, infos = [], [], [], []
            for block in blocks:
                start, end = starts[block], ends[block]
                ids.append(tuple(grouped.deltas[start:end].tolist()))
                if lowest[block] != highest[block]:
                    block_weights.append(tuple(weights[start:end].tolist()))
                else:  # Whoosh's shorthand: None when every weight is 1, else the one weight
                    block_weights.append(None if highest[block] == 1.0 else highest[block])
                block_values.append(values[start * 4:end * 4] if values is not None else None)
                infos.append((end - start, int(docs[end - 1]), highest[block], COMPRESSION, 0, 0))
            start, end = int(grouped.term_starts[term]), int(grouped.term_ends[term])
            fieldwriter.start_term(text)
            writer._terminfo = W3TermInfo(
                weight=float(term_weights[term]), df=end - start, maxweight=max(highest[block] for block in blocks),
                minid=int(docs[start]), maxid=int(docs[end - 1]))
            writer.write_term(ids, block_weights, block_values, infos)
            fieldwriter.finish_term()
        fieldwriter.finish_field()
