"""URL converters for the catalogue's public addresses."""


class OrganisationSlugConverter:
    """An organisation's slug, except the words other catalogue addresses use (apply/, feed/, item/, ...).

    ``/disclosure/apply/`` is included after this app's URLs, so without the exclusion an
    organisation page would shadow it.
    """

    RESERVED = ("apply", "feed", "item", "reports", "search", "export")
    regex = r"(?!(?:" + "|".join(RESERVED) + r")(?:/|$))[-a-zA-Z0-9_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
