"""Mainland resident identity card numbers (居民身份证号码, GB 11643-1999).

18 characters: a 6-digit administrative region code, the birth date as YYYYMMDD, a 3-digit
sequence number and a check character (0-9 or X) computed with ISO 7064 MOD 11-2. First-generation
15-digit numbers stopped being valid in 2013 and are refused with their own message.
"""

import datetime
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from security.strict_input import is_ascii_digits

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"

# First two digits of the region code: provinces (GB/T 2260), plus 71 台湾, 81 香港, 82 澳门,
# 83 (numbers issued to Taiwan residents living on the mainland).
PROVINCE_CODES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)
EARLIEST_BIRTH_YEAR = 1890


def normalise(value: str) -> str:
    """Strip spaces, read full-width characters (NFKC) and accept a lower-case x, as people type it."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS))
    return CHECK_CHARACTERS[total % 11]


def birth_date(number: str) -> datetime.date | None:
    try:
        return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(value: str, today: datetime.date | None = None) -> None:
    """Raise ``ValidationError`` with a message a citizen can act on, or return None."""
    number = normalise(value)
    if len(number) == 15 and is_ascii_digits(number):
        raise ValidationError(_("15位的第一代身份证已停止使用，请填写18位居民身份证号码。"), code="first_generation")
    if len(number) != 18:
        raise ValidationError(
            _("居民身份证号码应为18位，当前为%(length)d位。"), params={"length": len(number)}, code="length"
        )
    if not is_ascii_digits(number[:17]) or not (is_ascii_digits(number[17]) or number[17] == "X"):
        raise ValidationError(_("居民身份证号码前17位应为数字，最后一位为数字或字母X。"), code="characters")
    region = number[:6]
    if region[:2] not in PROVINCE_CODES or region[2:] == "0000" and region[:2] not in {"71", "81", "82", "83"}:
        raise ValidationError(_("居民身份证号码前6位不是有效的行政区划代码，请核对。"), code="region")
    born = birth_date(number)
    today = today or datetime.date.today()
    if born is None or born.year < EARLIEST_BIRTH_YEAR or born > today:
        raise ValidationError(_("居民身份证号码第7至14位不是有效的出生日期，请核对。"), code="birth_date")
    expected = check_character(number[:17])
    if number[17] != expected:
        raise ValidationError(
            _("居民身份证号码校验位错误：第18位应为“%(expected)s”，请核对后重新输入。"),
            params={"expected": expected},
            code="check",
        )


def is_valid_id_number(value: str) -> bool:
    try:
        validate_id_number(value)
    except ValidationError:
        return False
    return True


def make_id_number(first17: str) -> str:
    """Complete a 17-digit prefix with its check character (for demo data and tests)."""
    return first17 + check_character(first17)
