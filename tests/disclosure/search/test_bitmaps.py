"""Document sets as bitmaps (disclosure/search/bitmaps.py): what goes in comes out, in order."""

import numpy as np
import pytest

from disclosure.search.bitmaps import from_numbers, members


@pytest.mark.parametrize("numbers", [[], [0], [7], [0, 1, 2, 63, 64, 65], [104_999, 3, 50_000], list(range(0, 10_000, 3))])
def test_members_gives_back_the_numbers_ascending(numbers):
    assert members(from_numbers(numbers)).tolist() == sorted(set(numbers))


def test_set_algebra_is_integer_algebra():
    odd, small = from_numbers(range(1, 20, 2)), from_numbers(range(6))
    assert members(odd & small).tolist() == [1, 3, 5]
    assert members(odd | small).tolist() == [0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 17, 19]
    assert members(odd & ~small).tolist() == [7, 9, 11, 13, 15, 17, 19]
    assert (odd & small).bit_count() == 3
    assert members(small << 100).tolist() == [100, 101, 102, 103, 104, 105]


def test_an_empty_set_is_zero_and_has_no_members():
    assert from_numbers([]) == 0
    assert members(0).dtype == np.int64 and members(0).size == 0


def test_a_bitmap_of_every_document_of_a_large_index_is_one_bit_each():
    everything = from_numbers(range(105_000))
    assert everything.bit_count() == 105_000
    assert len(everything.to_bytes((everything.bit_length() + 7) // 8, "little")) == 13_125


@pytest.mark.parametrize("dtype", [np.int64, np.int32])
def test_a_numpy_array_of_numbers_makes_the_same_bitmap_as_the_numbers(dtype):
    numbers = [104_999, 3, 50_000, 0, 64]
    assert from_numbers(np.array(numbers, dtype=dtype)) == from_numbers(numbers)
    assert from_numbers(np.empty(0, dtype=dtype)) == 0
