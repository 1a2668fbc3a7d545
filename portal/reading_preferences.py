"""Reading preferences (长者模式 and 字号 大/中/小), kept in cookies so they work without JavaScript."""

from django.utils.translation import gettext_lazy as _

ELDER_COOKIE = "elder_mode"
FONT_COOKIE = "font_size"
COOKIE_MAX_AGE = 365 * 24 * 3600

FONT_SIZES = {"small": _("小"), "medium": _("中"), "large": _("大")}
DEFAULT_FONT = "medium"


class ReadingPreferences:
    """The validated preferences of one request; unknown cookie values fall back to the defaults."""

    def __init__(self, elder=False, font=DEFAULT_FONT):
        self.elder = elder
        self.font = font if font in FONT_SIZES else DEFAULT_FONT

    @classmethod
    def from_request(cls, request):
        cached = getattr(request, "_reading_preferences", None)
        if cached is None:
            cookies = request.COOKIES
            cached = cls(elder=cookies.get(ELDER_COOKIE) == "1", font=cookies.get(FONT_COOKIE, DEFAULT_FONT))
            request._reading_preferences = cached
        return cached

    @property
    def css_classes(self):
        classes = [f"font-{self.font}"]
        if self.elder:
            classes.append("elder-mode")
        return " ".join(classes)

    @property
    def cache_suffix(self):
        """What the page cache keys on: only the values that change the markup."""
        return f"{int(self.elder)}{self.font[0]}"

    def font_choices(self):
        return [(value, label, value == self.font) for value, label in FONT_SIZES.items()]
