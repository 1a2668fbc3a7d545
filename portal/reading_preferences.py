"""Reading preferences (长者模式, 字号 大/中/小 and the assistive tools), kept in cookies so they work
without JavaScript and are remembered for a year.

The assistive tools follow 工业和信息化部《互联网网站适老化通用设计规范》(2021): 高对比度 (a dark,
high-contrast scheme), 大鼠标 (a large pointer) and 阅读线 (a reading guide line; the line itself
needs a script, the switch does not). 朗读 uses the browser's own speech synthesis (static/js/portal.js).
"""

from django.utils.translation import gettext_lazy as _

ELDER_COOKIE = "elder_mode"
FONT_COOKIE = "font_size"
# The on/off assistive tools: query parameter of /preferences/ → (cookie, class on <html>).
SWITCHES = {
    "contrast": ("high_contrast", "high-contrast"),
    "cursor": ("big_cursor", "big-cursor"),
    "guide": ("reading_guide", "reading-guide"),
}
COOKIE_MAX_AGE = 365 * 24 * 3600

FONT_SIZES = {"small": _("小"), "medium": _("中"), "large": _("大")}
DEFAULT_FONT = "medium"


class ReadingPreferences:
    """The validated preferences of one request; unknown cookie values fall back to the defaults."""

    def __init__(self, elder=False, font=DEFAULT_FONT, contrast=False, cursor=False, guide=False):
        self.elder = elder
        self.font = font if font in FONT_SIZES else DEFAULT_FONT
        self.contrast = contrast
        self.cursor = cursor
        self.guide = guide

    @classmethod
    def from_request(cls, request):
        cached = getattr(request, "_reading_preferences", None)
        if cached is None:
            cookies = request.COOKIES
            switches = {name: cookies.get(cookie) == "1" for name, (cookie, _class) in SWITCHES.items()}
            cached = cls(elder=cookies.get(ELDER_COOKIE) == "1", font=cookies.get(FONT_COOKIE, DEFAULT_FONT), **switches)
            request._reading_preferences = cached
        return cached

    @property
    def css_classes(self):
        classes = [f"font-{self.font}"]
        if self.elder:
            classes.append("elder-mode")
        classes.extend(css for name, (_cookie, css) in SWITCHES.items() if getattr(self, name))
        return " ".join(classes)

    @property
    def cache_suffix(self):
        """What the page cache keys on: only the values that change the markup."""
        switches = "".join(str(int(getattr(self, name))) for name in SWITCHES)
        return f"{int(self.elder)}{self.font[0]}{switches}"

    def font_choices(self):
        return [(value, label, value == self.font) for value, label in FONT_SIZES.items()]

    def switch_states(self):
        """``[(parameter, label, on)]`` of the assistive tools, for the header's 辅助工具."""
        labels = {"contrast": _("高对比度"), "cursor": _("大鼠标"), "guide": _("阅读线")}
        return [(name, labels[name], getattr(self, name)) for name in SWITCHES]
