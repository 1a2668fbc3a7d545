"""One strict idiom for numbers, dates and codes typed into URLs and forms.

Python's ``str.isdigit()``, ``int()`` and the regex ``\\d`` accept far more than 0-9: superscripts
("²"), Arabic-Indic ("٣"), Ethiopic ("፩") and Kharosthi digits. ``int()`` then either fails
(a 500) or turns a string nobody can dial into a stored number. Every page number, year, id,
CAPTCHA answer, ID-card number, phone number and postcode is therefore read here, as ASCII
digits only - after NFKC where a person plausibly typed full-width digits ("１２３") - and every
date is kept inside the range the portal can store and convert between time zones, so
``0001-01-01`` or ``9999-12-31T23:59:59-12:00`` is a clear 400 instead of an ``OverflowError``.

This module imports nothing from the project: every app may call it (GB/T 22239-2019 8.1.4.x
"应提供数据有效性检验功能"). Errors are ``StrictInputError`` (a ``ValueError`` and a Django
``ValidationError`` message in Chinese), so views turn them into 400 and forms into field errors.
"""

import datetime
import decimal
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
ASCII_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
ASCII_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)
# Dates the portal accepts anywhere: nothing government-published predates 1900, and 2999 leaves
# room for validity dates while every moment still converts to and from UTC without overflow.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
# The longest whole number accepted at all; ids and page numbers are far shorter.
MAX_DIGITS = 18
_ISO_DATETIME = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ](?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)"
    r"(?P<tz>Z|[+-][0-9]{2}:?[0-9]{2})?)?",
    re.ASCII,
)


class StrictInputError(ValidationError, ValueError):
    """A value that is not what the parameter takes; ``str(error)`` is the Chinese message."""

    def __init__(self, message, code="invalid"):
        ValidationError.__init__(self, message, code=code)

    def __str__(self):
        return str(self.messages[0])


def nfkc(raw):
    """Full-width digits and letters to their ASCII forms ("１２３" → "123"); ``None`` → ""."""
    return unicodedata.normalize("NFKC", "" if raw is None else str(raw))


def is_ascii_digits(text):
    """True when ``text`` is one or more of 0-9 and nothing else (no sign, no other script)."""
    return bool(ASCII_DIGITS.fullmatch(text or ""))


def ascii_digits(raw, *, normalise=True, message=None):
    """The digits of ``raw`` as an ASCII string; surrounding spaces are dropped.

    ``normalise`` applies NFKC first (full-width "１２" and superscript "²" become ASCII, as a
    person on a Chinese keyboard meant them). Raises ``StrictInputError`` for anything else.
    """
    text = (nfkc(raw) if normalise else str(raw or "")).strip()
    if not is_ascii_digits(text):
        raise StrictInputError(message or _("请只填写阿拉伯数字 0-9。"))
    return text


def parse_int(raw, *, minimum=None, maximum=None, normalise=False, message=None, allow_negative=False):
    """A whole number written in ASCII digits, within ``[minimum, maximum]``.

    URL parameters are not normalised by default (``?page=²`` is refused, not read as 2): a
    link the portal made never contains anything but ASCII. Raises ``StrictInputError``.
    """
    text = (nfkc(raw) if normalise else str("" if raw is None else raw)).strip()
    pattern = ASCII_INTEGER if allow_negative else ASCII_DIGITS
    error = StrictInputError(message or _("应为阿拉伯数字 0-9 组成的整数。"))
    if not pattern.fullmatch(text) or len(text.lstrip("-")) > MAX_DIGITS:
        raise error
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise error
    return value


def parse_optional_int(raw, default=None, **kwargs):
    """``parse_int``, but an absent or blank value gives ``default``."""
    if raw is None or str(raw).strip() == "":
        return default
    return parse_int(raw, **kwargs)


def parse_page(raw, maximum=100_000):
    """A page number: 1 when absent, otherwise 1..``maximum`` in ASCII digits."""
    return parse_optional_int(raw, 1, minimum=1, maximum=maximum, message=_("页码必须是正整数，例如 page=2。"))


def parse_year(raw, minimum=EARLIEST_DATE.year, maximum=LATEST_DATE.year):
    """A four-digit year between ``minimum`` and ``maximum``."""
    return parse_int(raw, minimum=minimum, maximum=maximum, message=_("年份应为四位数字，例如 2025。"))


def parse_id(raw):
    """A database id: a positive whole number of at most 18 ASCII digits."""
    return parse_int(raw, minimum=1, maximum=2**63 - 1, message=_("编号应为正整数。"))


def check_date(day, message=None):
    """``day`` (a ``date`` or ``datetime``) unchanged, or ``StrictInputError`` outside 1900-2999."""
    as_date = day.date() if isinstance(day, datetime.datetime) else day
    if not EARLIEST_DATE <= as_date <= LATEST_DATE:
        raise StrictInputError(
            message or _("日期应在 %(earliest)s 至 %(latest)s 之间。")
            % {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()}
        )
    return day


def parse_date(raw, message=None):
    """A calendar date written ``YYYY-MM-DD`` in ASCII digits, inside 1900-01-01..2999-12-31."""
    text = str(raw or "").strip()
    error = StrictInputError(message or _("日期应写成 YYYY-MM-DD，例如 2025-01-31。"))
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text, re.ASCII):
        raise error
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise error from None
    return check_date(day, message)


def parse_datetime(raw, message=None):
    """An ISO 8601 moment (a date alone means its midnight) as an aware ``datetime``.

    Without an offset the portal's time zone (Asia/Shanghai) is meant. A "+08:00" whose "+"
    arrived unescaped as a space is still understood. Raises ``StrictInputError`` for any other
    form, for an impossible date or time, and for a moment outside 1900-2999.
    """
    text = str(raw or "").strip()
    # Only after a time of day: "2026-03-02 09:30" (the admin's own format) is a time, not an offset.
    text = re.sub(r"([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?) ([0-9]{2}:?[0-9]{2})$", r"\1+\2", text, flags=re.ASCII)
    error = StrictInputError(message or _("时间应为 ISO 8601 格式，例如 2025-01-31T08:00:00+08:00。"))
    match = _ISO_DATETIME.fullmatch(text)
    if not match:
        raise error
    try:
        day = datetime.date.fromisoformat(match["date"])
        check_date(day)
        moment = datetime.datetime.fromisoformat(
            text.replace(" ", "T", 1) if match["time"] else match["date"] + "T00:00:00"
        )
    except (ValueError, StrictInputError):
        raise error from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return check_date(moment.astimezone(datetime.UTC), message)


class StrictIntegerField(forms.IntegerField):
    """A form ``IntegerField`` that takes ASCII digits only (Django's takes "٣" as 3)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_int(value, allow_negative=True)
        except StrictInputError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class StrictDecimalField(forms.DecimalField):
    """A decimal number (the admin's number filters): ASCII digits, optional sign and decimal part, at most
    18 digits before the point (Django's ``DecimalField`` takes "٣" and 10²³, which SQLite cannot bind and
    PostgreSQL refuses for an integer column)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, (int, decimal.Decimal)):
            return decimal.Decimal(value)
        text = str(value).strip()
        if not ASCII_DECIMAL.fullmatch(text) or len(text.lstrip("-").split(".")[0]) > MAX_DIGITS:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return decimal.Decimal(text)


class StrictModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` keyed by id that refuses non-ASCII digits before querying."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if getattr(self, "to_field_name", None) in (None, "pk", "id") and not isinstance(value, int):
            if not is_ascii_digits(str(value).strip()) or len(str(value).strip()) > MAX_DIGITS:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class StrictDateTimeField(forms.DateTimeField):
    """An ISO 8601 date-time parsed by ``parse_datetime``: calendar edges are a form error, not a 500."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value
        try:
            return parse_datetime(value, self.error_messages["invalid"])
        except StrictInputError as error:
            raise ValidationError(error.messages[0], code="invalid") from None


class StrictDateField(forms.DateField):
    """A ``YYYY-MM-DD`` date parsed by ``parse_date`` (1900-2999)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return check_date(value)
        try:
            return parse_date(value)
        except StrictInputError as error:
            raise ValidationError(error.messages[0], code="invalid") from None


def id_or_none(raw):
    """For list filters that ignore a bad value (admin lists): the id, or ``None`` when blank or not an id."""
    try:
        return parse_optional_int(raw, None, minimum=1, maximum=2**63 - 1)
    except StrictInputError:
        return None


def page_or_first(raw):
    """For listings that show page 1 when the number is bad (Wagtail column pages, admin lists)."""
    try:
        return parse_page(raw)
    except StrictInputError:
        return 1


def strict_formfield(db_field, **kwargs):
    """A ``ModelForm.formfield_callback`` giving integer and date columns the strict form fields.

    Use as ``formfield_callback = strict_formfield`` on a ``ModelForm``; Wagtail's admin forms get the
    same through ``security.admin_fields``.
    """
    from django.db import models

    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", StrictDateTimeField)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("form_class", StrictDateField)
    elif isinstance(db_field, models.IntegerField) and not db_field.choices:
        kwargs.setdefault("form_class", StrictIntegerField)
    return db_field.formfield(**kwargs)
