"""Public forms resist abuse without any external service: CAPTCHA, per-IP limit, one-time tokens."""

import time

import pytest
from django import forms
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory, override_settings

from interaction.antispam import (
    CaptchaMixin,
    FormTokenMixin,
    client_ip,
    new_challenge,
    rate_limited,
    read_form_token,
    record_attempt,
    verify_challenge,
)
from interaction.antispam import captcha as captcha_module
from interaction.antispam.captcha import chinese_number, normalise_answer


class FixedRandom:
    def randint(self, low, high):
        return {2: 12, 1: 7}[low]

    def random(self):
        return 0.1  # addition


def request_with_session(**meta):
    request = RequestFactory().post("/", **meta)
    request.session = SessionStore()
    return request


def test_chinese_numerals():
    assert [chinese_number(n) for n in (0, 7, 10, 12, 20, 35)] == ["零", "七", "十", "十二", "二十", "三十五"]


def test_full_width_digits_are_accepted():
    assert normalise_answer(" １９ ") == "19"
    assert normalise_answer("十九") is None


def test_right_answer_passes_once_only():
    session = SessionStore()
    challenge_id, question = new_challenge(session, rng=FixedRandom())
    assert question == "十二加七等于多少？"
    stored = session[captcha_module.SESSION_KEY][challenge_id]
    assert set(stored) == {"h", "exp", "q"} and stored["h"] not in ("19", 19)  # only a keyed hash of the answer
    assert verify_challenge(session, challenge_id, "19") is True
    assert verify_challenge(session, challenge_id, "19") is False  # single use


def test_wrong_answer_uses_up_the_challenge():
    session = SessionStore()
    challenge_id, _question = new_challenge(session, rng=FixedRandom())
    assert verify_challenge(session, challenge_id, "18") is False
    assert verify_challenge(session, challenge_id, "19") is False


def test_expired_challenge_fails(monkeypatch):
    session = SessionStore()
    challenge_id, _question = new_challenge(session, rng=FixedRandom())
    real_time = time.time
    monkeypatch.setattr(captcha_module.time, "time", lambda: real_time() + 3600)
    assert verify_challenge(session, challenge_id, "19") is False


class DemoForm(CaptchaMixin, FormTokenMixin, forms.Form):
    name = forms.CharField(max_length=10)


def test_form_with_wrong_captcha_keeps_other_input_and_asks_a_new_question():
    request = request_with_session()
    blank = DemoForm(request=request)
    challenge_id = blank.fields["captcha_id"].initial
    token = blank.fields["form_token"].initial
    form = DemoForm({"name": "张三", "captcha_id": challenge_id, "captcha_answer": "999", "form_token": token}, request=request)
    assert not form.is_valid()
    assert "验证问题回答错误" in form.errors["captcha_answer"][0]
    assert form["name"].value() == "张三"
    assert form["captcha_id"].value() != challenge_id
    assert form["captcha_answer"].label == f"验证问题：{form.captcha_question}（请填写阿拉伯数字）"
    assert form["captcha_answer"].value() == ""


def test_form_with_right_captcha_and_token_is_valid():
    request = request_with_session()
    challenge_id, _question = new_challenge(request.session, rng=FixedRandom())
    token = DemoForm(request=request).fields["form_token"].initial
    form = DemoForm({"name": "张三", "captcha_id": challenge_id, "captcha_answer": "19", "form_token": token}, request=request)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["form_token"] == read_form_token(token)


def test_forged_form_token_is_refused():
    assert read_form_token("made-up") is None


@pytest.mark.parametrize(
    "remote, forwarded, trusted, expected",
    [
        ("203.0.113.9", "1.2.3.4", [], "203.0.113.9"),  # untrusted peer: header ignored
        ("10.0.0.2", "198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3", ["10.0.0.0/8"], "198.51.100.7"),  # spoofed first hop ignored
        ("10.0.0.2", "garbage", ["10.0.0.0/8"], "10.0.0.2"),
    ],
)
def test_client_ip_trusts_forwarded_for_only_behind_a_trusted_proxy(remote, forwarded, trusted, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_ip(request) == expected


@override_settings(PUBLIC_FORM_RATE_LIMITS={"demo": (3, 600)})
def test_rate_limit_per_ip_and_scope():
    from django.core.cache import cache

    cache.clear()
    first = RequestFactory().post("/", REMOTE_ADDR="198.51.100.1")
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.2")
    for _ in range(3):
        assert not rate_limited(first, "demo")
        record_attempt(first, "demo")
    assert rate_limited(first, "demo")
    assert not rate_limited(other, "demo")
    assert not rate_limited(first, "another-scope")


def test_no_question_has_a_negative_answer():
    import random

    rng = random.Random(3)
    session = {}
    for _ in range(300):
        challenge_id, question = captcha_module.new_challenge(session, rng=rng)
        numbers = question.replace("等于多少？", "").replace("加", " ").replace("减", " ").split()
        first, second = (next(n for n in range(100) if chinese_number(n) == word) for word in numbers)
        assert "加" in question or first >= second, question
