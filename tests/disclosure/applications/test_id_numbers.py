"""Mainland ID numbers are checked as GB 11643 defines them, with messages a citizen can act on."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from disclosure.id_numbers import is_valid_id_number, make_id_number, validate_id_number


def message(value):
    with pytest.raises(ValidationError) as caught:
        validate_id_number(value)
    return caught.value.messages[0]


def test_the_standard_example_with_check_character_x_is_valid():
    assert make_id_number("11010519491231002") == "11010519491231002X"
    assert is_valid_id_number("11010519491231002X")


def test_lower_case_x_and_spaces_are_accepted():
    assert is_valid_id_number(" 110105 19491231 002x ")


def test_a_wrong_check_character_names_the_expected_one():
    assert "第18位应为“X”" in message("110105194912310021")


def test_an_impossible_birth_date_is_refused():
    assert "出生日期" in message(make_id_number("11010519490231002"))


@time_machine.travel(datetime.datetime(2026, 11, 16, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_a_birth_date_in_the_future_is_refused():
    assert "出生日期" in message(make_id_number("11010520261117002"))
    assert is_valid_id_number(make_id_number("11010520261116002"))


def test_an_unknown_region_is_refused():
    assert "行政区划" in message(make_id_number("99010519491231002"))


def test_first_generation_numbers_are_refused_with_their_own_message():
    assert "15位" in message("110105491231002")


def test_wrong_length_and_letters_are_explained():
    assert "18位" in message("1101051949")
    assert "数字" in message("11010519491231A02X")
