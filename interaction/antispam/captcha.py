"""A CAPTCHA without external services: a small sum in Chinese numerals, checked on the server.

Accessible to screen readers and to elderly users (plain text, a number as the answer), and
enough to stop drive-by form spam; the per-IP rate limit does the rest. Each challenge is
stored hashed in the session under a random id, expires after ``CAPTCHA_TTL_SECONDS`` and is
consumed by the first attempt, right or wrong.
"""

import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from security.strict_input import StrictInputError, parse_int

SESSION_KEY = "antispam_captcha"
MAX_OPEN_CHALLENGES = 10
_SALT = "interaction.antispam.captcha"
_NUMERALS = "零一二三四五六七八九"


def ttl_seconds():
    return int(getattr(settings, "CAPTCHA_TTL_SECONDS", 1800))


def chinese_number(value):
    """0–99 in Chinese numerals: 7 → 七, 12 → 十二, 20 → 二十, 35 → 三十五."""
    if value < 10:
        return _NUMERALS[value]
    tens, ones = divmod(value, 10)
    text = ("" if tens == 1 else _NUMERALS[tens]) + "十"
    return text + (_NUMERALS[ones] if ones else "")


def _digest(challenge_id, answer):
    return salted_hmac(_SALT, f"{challenge_id}:{answer}").hexdigest()


def _open_challenges(session):
    now = time.time()
    stored = session.get(SESSION_KEY, {})
    return {key: value for key, value in stored.items() if value.get("exp", 0) > now}


def new_challenge(session, rng=secrets.SystemRandom()):
    """Create a challenge in ``session``; returns ``(challenge_id, question)``."""
    a, b = rng.randint(2, 19), rng.randint(1, 9)
    if rng.random() < 0.5:
        question, answer = _("%(a)s加%(b)s等于多少？") % {"a": chinese_number(a), "b": chinese_number(b)}, a + b
    else:
        a, b = max(a, b), min(a, b)  # never a negative answer: "四减九" stumps people, not robots
        question, answer = _("%(a)s减%(b)s等于多少？") % {"a": chinese_number(a), "b": chinese_number(b)}, a - b
    challenge_id = secrets.token_urlsafe(12)
    challenges = _open_challenges(session)
    while len(challenges) >= MAX_OPEN_CHALLENGES:
        challenges.pop(min(challenges, key=lambda key: challenges[key]["exp"]))
    challenges[challenge_id] = {"h": _digest(challenge_id, answer), "exp": time.time() + ttl_seconds(), "q": question}
    session[SESSION_KEY] = challenges
    return challenge_id, question


def normalise_answer(raw):
    """Full-width digits and stray spaces are what people type on Chinese keyboards; accept them."""
    text = unicodedata.normalize("NFKC", raw or "").strip().replace(" ", "")
    try:
        return str(parse_int(text, allow_negative=True, maximum=10_000, minimum=-10_000))
    except StrictInputError:
        return None


def verify_challenge(session, challenge_id, raw_answer):
    """True when the answer is right; the challenge is used up either way."""
    challenges = _open_challenges(session)
    stored = challenges.pop(challenge_id or "", None)
    session[SESSION_KEY] = challenges
    answer = normalise_answer(raw_answer)
    if stored is None or answer is None:
        return False
    return constant_time_compare(stored["h"], _digest(challenge_id, int(answer)))


class CaptchaMixin:
    """Adds the question to a form; pass ``request=`` to the form. A failed form gets a new question."""

    captcha_field_name = "captcha_answer"

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["captcha_id"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[self.captcha_field_name] = forms.CharField(
            label=gettext_lazy("验证问题"),
            max_length=8,
            required=True,
            error_messages={"required": gettext_lazy("请回答验证问题。")},
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}),
        )
        if not self.is_bound:
            self._issue_captcha()

    def _issue_captcha(self):
        challenge_id, question = new_challenge(self.request.session)
        field = self.fields[self.captcha_field_name]
        field.label = _("验证问题：%(question)s（请填写阿拉伯数字）") % {"question": question}
        # Validation has already built (and cached) the bound field with the previous label: rebuild it,
        # or the page asks no question after a failed submission.
        self._bound_fields_cache.pop(self.captcha_field_name, None)
        self.captcha_question = question
        if self.is_bound:
            data = self.data.copy()
            data["captcha_id"] = challenge_id
            data[self.captcha_field_name] = ""
            self.data = data
        else:
            self.initial["captcha_id"] = challenge_id
            self.fields["captcha_id"].initial = challenge_id

    def clean(self):
        cleaned = super().clean()
        if self.captcha_field_name in cleaned:
            if not verify_challenge(self.request.session, cleaned.get("captcha_id"), cleaned[self.captcha_field_name]):
                self.add_error(self.captcha_field_name, _("验证问题回答错误或已过期，请回答新的问题。"))
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            self._issue_captcha()
