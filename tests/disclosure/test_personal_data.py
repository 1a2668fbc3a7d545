"""Recognising and masking personal identifiers in free text (disclosure/personal_data.py)."""

from disclosure.id_numbers import make_id_number
from disclosure.personal_data import find_personal_data, luhn_valid, mask_personal_data

VALID_ID = make_id_number("33010619850312123")


def kinds(text):
    return [(datum.kind, datum.value) for datum in find_personal_data(text)]


def test_only_checksum_valid_id_numbers_are_personal_data():
    wrong_check = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
    assert kinds(f"身份证{VALID_ID}。") == [("id_number", VALID_ID)]
    assert kinds(f"身份证{wrong_check}。") == []
    assert kinds("统一社会信用代码 113301990010000018") == []


def test_mobile_numbers_written_with_or_without_separators():
    assert kinds("电话13812345678，或 138-1234-5678，或 +86 139 1234 5678") == [
        ("mobile", "13812345678"), ("mobile", "138-1234-5678"), ("mobile", "+86 139 1234 5678")]
    assert kinds("固定电话 0571-88888888，编号 12812345678") == []


def test_bank_cards_need_a_network_prefix_a_card_length_and_a_luhn_digit():
    assert luhn_valid("6222021234567890128") and not luhn_valid("6222021234567890127")
    assert kinds("卡号 6222021234567890128") == [("bank_card", "6222021234567890128")]
    assert kinds("卡号 6222 0212 3456 7890 128") == [("bank_card", "6222 0212 3456 7890 128")]
    assert kinds("卡号 6222021234567890127") == []
    assert kinds("流水号 1234567890123452") == []


def test_masking_keeps_length_and_the_ends_and_leaves_masked_numbers_alone():
    text = f"王小明 {VALID_ID} 13812345678 4111111111111111"
    masked = mask_personal_data(text)
    assert len(masked) == len(text)
    assert masked == f"王小明 {VALID_ID[:4]}**********{VALID_ID[-4:]} 138****5678 4111********1111"
    assert find_personal_data(masked) == []
    assert mask_personal_data("3301**********1239") == "3301**********1239"
