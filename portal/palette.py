"""One palette per website (网站配色): which colours a page is drawn in.

Every page of the county portal, including the channels (栏目) of departments and townships, is drawn
in the portal's palette from its identity settings (设置 → 网站标识 → 网站配色: 主色, 辅助色, 点缀色).
Only an organisation that is a website of its own (``departments.site_codes.is_own_website``: its own
hostname and 网站标识码) replaces the main colour with its ``banner_colour``; it keeps the portal's
other two colours, so no website has more than three colours.
"""

from dataclasses import dataclass

from wagtail.models import Site

from departments.colours import HEX_COLOUR, TEXT_CONTRAST, WHITE, darkened_until, darker
from departments.site_codes import is_own_website
from portal.models.site_settings import (
    DEFAULT_ACCENT_COLOUR,
    DEFAULT_MAIN_COLOUR,
    DEFAULT_SECONDARY_COLOUR,
    SiteIdentity,
)


@dataclass(frozen=True)
class Palette:
    """Three ``#rrggbb`` colours: main (header, menu, buttons, panel rules), secondary (links), accent (thin lines)."""

    main: str = DEFAULT_MAIN_COLOUR
    secondary: str = DEFAULT_SECONDARY_COLOUR
    accent: str = DEFAULT_ACCENT_COLOUR

    def custom_properties(self):
        """The CSS custom properties of ``static/css/portal.css`` this palette sets, as ``[(name, value)]``.

        Hover, heading and 长者模式 shades (``--brand-dark``, ``--link-visited``, ``--link-dark``) are darker shades of the same two
        colours, not further colours.
        """
        return [
            ("--brand", self.main), ("--brand-dark", darker(self.main)), ("--banner", self.main),
            ("--link", self.secondary), ("--link-visited", darker(self.secondary, 0.7)),
            ("--link-dark", darker(self.secondary, 0.65)), ("--gold", self.accent),
        ]

    def css(self):
        """``:root{…}`` for a nonce'd ``<style>`` in the page head (high-contrast mode still overrides it)."""
        return ":root{" + "".join(f"{name}:{value};" for name, value in self.custom_properties()) + "}"


def portal_identity(request=None):
    """The county portal's identity settings (the default Site's), or None; the request's copy when it is that Site's."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and site.is_default_site:
        return SiteIdentity.for_request(request)  # cached on the request, shared with the footer and meta tags
    return SiteIdentity.objects.filter(site__is_default_site=True).first()  # reading never creates the row


def palette_of(identity):
    """The palette recorded in ``identity`` (a ``SiteIdentity``), the defaults for what is blank, missing or not ``#rrggbb``."""
    if identity is None:
        return Palette()

    def recorded(colour, default):
        # Only #rrggbb reaches the page's <style>: a value written past the form's validation is replaced.
        return colour if HEX_COLOUR.match(colour or "") else default

    return Palette(recorded(identity.main_colour, DEFAULT_MAIN_COLOUR),
                   recorded(identity.secondary_colour, DEFAULT_SECONDARY_COLOUR),
                   recorded(identity.accent_colour, DEFAULT_ACCENT_COLOUR))


def palette_for(organisation, request=None):
    """The palette of the website whose pages ``organisation`` publishes (``None``: the portal's own pages).

    A channel of the portal gets the portal's palette whatever its ``banner_colour``; an organisation that
    is its own website gets its ``banner_colour`` as main colour (darkened if white text on it would be
    below 4.5:1, for colours saved before that was validated) and the portal's other two colours.
    """
    identity = portal_identity(request)
    palette = palette_of(identity)
    if organisation is None or not organisation.banner_colour:
        return palette
    if not is_own_website(organisation.hostname, organisation.site_id_code, identity.site_id_code if identity else ""):
        return palette
    main = darkened_until(organisation.banner_colour, WHITE, TEXT_CONTRAST)
    return Palette(main or palette.main, palette.secondary, palette.accent)
