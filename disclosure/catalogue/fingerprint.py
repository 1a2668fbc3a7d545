"""A normalised-text fingerprint of an entry's title and body, so that republished old articles (旧稿新发) are found cheaply.

The inspection (国办秘函〔2019〕19号) treats republishing an old article under a new date as "not updated".
Two entries of one organisation match when their titles and bodies are equal after normalising:
NFKC (full-width → half-width), case folded, and every space, punctuation mark and symbol removed, so
re-typed spacing or a changed 、/, does not hide a copy. The digest is stored on the entry and indexed
with its organisation, so finding copies is one GROUP BY, never a text comparison per pair.

An entry whose normalised body is shorter than ``MIN_BODY_CHARS`` gets no fingerprint: a title with an
attachment only (人事任免, 财政预算) may be published again in good faith, and there is no body to compare.
"""

import hashlib
import unicodedata

MIN_BODY_CHARS = 20
DROPPED_CATEGORIES = ("Z", "P", "S", "C")  # separators, punctuation, symbols, control characters


def normalise(text):
    """``text`` reduced to what a reader would call the same words: a str (possibly empty)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(char for char in folded if not unicodedata.category(char).startswith(DROPPED_CATEGORIES))


def text_fingerprint(title, body):
    """A 32-character hex digest of the normalised title and body, or "" when the body is too short to judge."""
    body_text = normalise(body)
    if len(body_text) < MIN_BODY_CHARS:
        return ""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(normalise(title).encode("utf-8"))
    digest.update(b"\x1f")
    digest.update(body_text.encode("utf-8"))
    return digest.hexdigest()
