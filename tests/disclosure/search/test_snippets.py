"""A snippet cut from the first part of a long text is the one cut from the whole text (highlight.snippet):
wherever the first match falls, before, across or after the cut, and whatever the match form changes there."""

import random

import pytest

from disclosure.search import highlight

FILLER = "为深入贯彻落实党中央决策部署，结合我县实际，制定本方案。各乡镇要高度重视，确保各项任务落到实处。"
# Pieces whose match form differs from the text: full-width letters, a code joiner, zero padding, brackets, spaces.
TRICKY = ["ＣＯＶＩＤ－１９", "COVID-19", "示教发〔2026〕04号", "示教发[2026]4号", "  ", " 0", "Wi-Fi 6", "（一）", "河长制"]
TERMS = [("河长制",), ("covid19",), ("示教发[2026]4号",), ("河长制", "covid19"), ("一",), ("本方案",)]


def _text(rng, position, piece):
    body = (FILLER * 40)[:1200]
    noise = "".join(rng.choice(TRICKY) if rng.random() < 0.3 else FILLER[rng.randrange(len(FILLER))] for _ in range(60))
    body = body[:200] + noise + body[200:]
    return body[:position] + piece + body[position:]


def _whole_text_snippet(monkeypatch, texts, terms):
    with monkeypatch.context() as patched:
        patched.setattr(highlight, "SCAN_FIRST", 10**9)
        return highlight.snippet(texts, terms)


@pytest.mark.parametrize("terms", TERMS, ids=["+".join(terms) for terms in TERMS])
def test_the_snippet_is_the_whole_texts_wherever_the_first_match_falls(monkeypatch, terms):
    rng = random.Random(20261201)
    shortcuts = 0
    for position in [*range(0, 460, 7), 600, 900, 1190]:
        piece = rng.choice(TRICKY)
        texts = ["关于做好有关工作的通知", _text(rng, position, piece)]
        expected = _whole_text_snippet(monkeypatch, texts, terms)
        assert highlight.snippet(texts, terms) == expected, (position, piece)
        shortcuts += "<mark>" in expected and expected.index("<mark>") < 200
    assert shortcuts > 10  # the comparison covered the cut-short path, not only the whole-text one


def test_a_match_only_after_the_scanned_part_is_still_found():
    texts = ["通知", FILLER * 20 + "全面推行河长制"]
    assert "<mark>河长制</mark>" in str(highlight.snippet(texts, ["河长制"]))


def test_a_match_across_the_cut_is_found_whole():
    text = "甲" * (highlight.SCAN_FIRST - 2) + "河长制" + "乙" * 600
    assert "<mark>河长制</mark>" in str(highlight.snippet([text], ["河长制"]))
