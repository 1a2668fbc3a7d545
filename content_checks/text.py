"""Plain text for the checks: HTML to text, and the folded form words are matched in.

Folding (NFKC, so full-width ＡＢＣ１２３ become ABC123; lower case; spaces, punctuation, symbols and
zero-width characters dropped) is what makes "法 轮·功" or "ｘｘ" match the listed word. Each folded
character remembers where it came from, so a match is reported at its place in the original text.
"""

import html
import re
import unicodedata
from html.parser import HTMLParser

_DROPPED_CATEGORIES = ("Z", "P", "S", "C")
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ol", "ul", "table"}


def _fold_char(char):
    folded = unicodedata.normalize("NFKC", char).lower()
    return "".join(piece for piece in folded if not unicodedata.category(piece).startswith(_DROPPED_CATEGORIES))


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (by code point)."""

    def __missing__(self, code):
        folded = _fold_char(chr(code))
        if len(self) < 200_000:
            self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold_char(char):
    return _TABLE[ord(char)]


class Origin:
    """Maps an index in the folded text back to the original text; built only when first asked
    (most texts have no match, and building the map is the slow part of folding)."""

    def __init__(self, text):
        self.text = text
        self._map = None

    def __getitem__(self, index):
        if self._map is None:
            self._map = [position for position, char in enumerate(self.text) for _ in _TABLE[ord(char)]]
        return self._map[index]


def fold(text: str) -> tuple[str, Origin]:
    """``(folded, origin)``: ``origin[i]`` is the index in ``text`` of folded character ``i``."""
    return text.translate(_TABLE), Origin(text)


def fold_word(word: str) -> str:
    return fold(word)[0]


def excerpt(text: str, start: int, end: int, context: int = 15) -> str:
    """The matched text with ``context`` characters either side, on one line."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    window = " ".join(text[left:right].split())
    return ("…" if left else "") + window + ("…" if right < len(text) else "")


class _TextAndLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCK_TAGS and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
        if tag == "a":
            self.links.append({"linktype": attrs.get("linktype", ""), "id": attrs.get("id", ""), "href": attrs.get("href", "")})

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text_and_links(markup: str) -> tuple[str, list[dict]]:
    """Plain text of rich text (Wagtail's database format) and its links: ``{"linktype", "id", "href"}``."""
    parser = _TextAndLinks()
    parser.feed(markup or "")
    parser.close()
    text = re.sub(r"\n{2,}", "\n", "".join(parser.parts)).strip("\n")
    return text, parser.links


def unescape(value: str) -> str:
    return html.unescape(value)
