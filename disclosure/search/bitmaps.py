"""Sets of document numbers as bitmaps: a Python ``int`` whose bit *n* is set when document *n* is in the set.

The index is by character, so a common character's posting set holds most documents. As a ``frozenset`` a
set of 100,000 numbers took about 7 MB, and the term caches of one search process grew to gigabytes at
100,000 entries; as a bitmap it takes one bit per document of the index (12.5 KB), whatever it holds.
``&``, ``|``, ``~``, ``<<`` and ``int.bit_count`` run in C. ``members`` turns a bitmap back into document
numbers for the steps that look at each document (verification, facets, ranking), with NumPy.
"""

import numpy as np


def from_numbers(numbers):
    """The bitmap of non-negative document numbers: an iterable of ``int`` or a NumPy integer array (used as it is:
    iterating one element by element took 2 ms for a common term's 60,000 numbers)."""
    numbers = numbers if isinstance(numbers, np.ndarray) else np.fromiter(numbers, dtype=np.int64)
    if numbers.size == 0:
        return 0
    flags = np.zeros(int(numbers.max()) + 1, dtype=np.uint8)
    flags[numbers] = 1
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def members(bits):
    """The document numbers in ``bits``, ascending, as a NumPy ``int64`` array."""
    if not bits:
        return np.empty(0, dtype=np.int64)
    raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), dtype=np.uint8)
    return np.flatnonzero(np.unpackbits(raw, bitorder="little"))
