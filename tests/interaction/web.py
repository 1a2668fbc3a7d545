"""Helpers to fill in the public forms as a citizen would: read the question, answer it."""

import re
from html import unescape

from .builders import LETTER

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def parse_chinese_number(text):
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return _DIGITS[text]


def solve(html):
    match = re.search(r"验证问题：(\S+?)(加|减)(\S+?)等于多少", unescape(html))
    a, b = parse_chinese_number(match.group(1)), parse_chinese_number(match.group(3))
    return a + b if match.group(2) == "加" else a - b


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def form_data(html, **overrides):
    data = {
        **{key: value for key, value in LETTER.items() if key != "may_publish"},
        "captcha_id": hidden(html, "captcha_id"),
        "captcha_answer": str(solve(html)),
        "form_token": hidden(html, "form_token"),
    }
    if LETTER["may_publish"]:
        data["may_publish"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
