"""Personal identifiers in free text (个人信息): the one place that recognises and masks them.

Used by the search query log (a citizen's own number typed into the search box is never stored),
by the search index (no number in any indexed text or snippet) and by the content checks (a page
that shows one is a finding). Recognised:

- resident identity card numbers (居民身份证号码), only when their GB 11643 check character is right
  (``id_numbers.is_valid_id_number``), so that 18-digit credit codes and serial numbers are not hits;
- mainland mobile numbers (手机号码, 11 digits from 13x to 19x, also written 138-1234-5678 or 138 1234 5678);
- bank card numbers (银行卡号): 16 or 19 digits (the lengths UnionPay debit and credit cards use; 18 is
  left out so ID numbers and credit codes are never taken for cards) with a card-network prefix
  (62 UnionPay, 4 Visa, 51–55 Mastercard) and a valid Luhn check digit (ISO/IEC 7812-1).

Masking keeps the length and the first and last few characters, as notices publish them
(``3301**********1239``, ``138****5678``, ``6222***********1234``), so positions in a text do not move.
"""

import re
from dataclasses import dataclass

from .id_numbers import is_valid_id_number

ID_NUMBER = "id_number"
MOBILE = "mobile"
BANK_CARD = "bank_card"
LABELS = {ID_NUMBER: "居民身份证号码", MOBILE: "手机号码", BANK_CARD: "银行卡号"}

_PATTERNS = (
    (ID_NUMBER, re.compile(r"(?<![0-9A-Za-z*])\d{17}[\dXx](?![0-9A-Za-z*])")),
    (BANK_CARD, re.compile(r"(?<![0-9A-Za-z*])(?:62\d{2}|4\d{3}|5[1-5]\d{2})(?:[ -]?\d{4}){2}(?:[ -]?\d{4}[ -]?\d{3}|[ -]?\d{4})(?![0-9A-Za-z*])")),
    (MOBILE, re.compile(r"(?<![0-9A-Za-z*])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z*])")),
)
_KEEP = {ID_NUMBER: (4, 4), MOBILE: (3, 4), BANK_CARD: (4, 4)}


@dataclass(frozen=True)
class PersonalDatum:
    """One identifier found in a text: ``text[start:end] == value``."""

    kind: str
    start: int
    end: int
    value: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def masked(self) -> str:
        return mask_value(self.value, self.kind)


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check of a string of digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _accept(kind, value):
    digits = re.sub(r"[ -]", "", value)
    if kind == ID_NUMBER:
        return is_valid_id_number(digits)
    if kind == BANK_CARD:
        return len(digits) in (16, 19) and luhn_valid(digits)
    return True


def find_personal_data(text: str) -> list[PersonalDatum]:
    """Every identifier in ``text``, in order of position, never two overlapping (the first kind wins)."""
    found = []
    taken = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text or ""):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            if _accept(kind, match.group()):
                found.append(PersonalDatum(kind, start, end, match.group()))
                taken.append((start, end))
    return sorted(found, key=lambda datum: datum.start)


def mask_value(value: str, kind: str) -> str:
    """``value`` with its middle digits replaced by ``*`` (separators kept, length unchanged)."""
    head, tail = _KEEP[kind]
    positions = [index for index, char in enumerate(value) if char.isalnum()]
    hidden = set(positions[head:len(positions) - tail])
    return "".join("*" if index in hidden else char for index, char in enumerate(value))


def mask_personal_data(text: str) -> str:
    """``text`` with every identifier masked; same length, so offsets into it stay valid."""
    if not text:
        return text
    pieces = []
    position = 0
    for datum in find_personal_data(text):
        pieces.append(text[position:datum.start])
        pieces.append(datum.masked)
        position = datum.end
    pieces.append(text[position:])
    return "".join(pieces)


def replace_personal_data(text: str, placeholders: dict[str, str]) -> str:
    """``text`` with each identifier replaced by ``placeholders[kind]`` (the query log's ［身份证号］)."""
    pieces = []
    position = 0
    for datum in find_personal_data(text or ""):
        pieces.append(text[position:datum.start])
        pieces.append(placeholders[datum.kind])
        position = datum.end
    pieces.append((text or "")[position:])
    return "".join(pieces)
