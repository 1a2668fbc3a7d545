"""Colours of a website's palette: the #rrggbb form and WCAG 2 contrast (白色文字在主色上清晰可读).

A leaf module (no project imports) so that organisations (``Organisation.banner_colour``) and the
portal's site settings (``SiteIdentity`` palette) validate colours by one rule. Contrast ratios are
WCAG 2.x's ``(L1 + 0.05) / (L2 + 0.05)`` over relative luminance (sRGB), from 1 (none) to 21.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2 AA: normal text 4.5:1; graphical objects and parts of controls 3:1 (1.4.11).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def validate_hex_colour(value):
    """Refuse anything but ``#rrggbb`` (six hexadecimal digits after ``#``), in Chinese."""
    if value and not HEX_COLOUR.match(value.strip()):
        raise ValidationError(_("颜色请填写 # 加 6 位十六进制数字，例如 #b31b1b。"))


def luminance(colour):
    """Relative luminance (0 black … 1 white) of ``#rrggbb``; ValueError for anything else."""
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG contrast ratio of two ``#rrggbb`` colours (1.0 to 21.0, order does not matter)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour, factor=0.8):
    """``colour`` with each channel multiplied by ``factor`` (a shade of the same hue), as ``#rrggbb``."""
    red, green, blue = (int(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{red:02x}{green:02x}{blue:02x}"


def darkened_until(colour, against, minimum):
    """``colour`` darkened in steps of 12 % until its contrast with ``against`` reaches ``minimum``.

    Returns ``#rrggbb`` (``#000000`` at worst), or None when ``colour`` is not ``#rrggbb``. Only useful
    against a light ``against`` (white text, a light page background).
    """
    if not HEX_COLOUR.match(colour or ""):
        return None
    candidate = colour.lower()
    for _step in range(20):
        if contrast_ratio(candidate, against) >= minimum:
            return candidate
        candidate = darker(candidate, 0.88)
    return "#000000"


def refuse_unreadable_under_white_text(colour, field_label):
    """ValidationError (Chinese, with a suggested darker colour) when white text on ``colour`` is below 4.5:1."""
    if not colour or not HEX_COLOUR.match(colour):
        return
    ratio = contrast_ratio(colour, WHITE)
    if ratio < TEXT_CONTRAST:
        raise ValidationError(
            _("%(field)s %(colour)s 上的白色文字对比度只有 %(ratio).1f:1，低于无障碍要求的 4.5:1，请换深一些的颜色，例如 %(suggestion)s。")
            % {"field": field_label, "colour": colour, "ratio": ratio,
               "suggestion": darkened_until(colour, WHITE, TEXT_CONTRAST + 0.5)}
        )
