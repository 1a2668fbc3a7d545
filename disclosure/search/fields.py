"""Haystack field types that say what each catalogue field is for, so each backend can map it well.

The Whoosh backend (``backend.py``) maps them to segmented Chinese text, exact identifier
keywords and sortable facet columns; the Elasticsearch backend (``elastic.py``) to pre-segmented
or plugin-analysed text, ``keyword`` and ``date`` mappings.
"""

from haystack import indexes


class SegmentedTextField(indexes.CharField):
    """Chinese full text: segmented into words at index time."""

    field_type = "segmented"


class IdentifierField(indexes.CharField):
    """Document and index numbers, normalised and matched only exactly."""

    field_type = "identifier"


class FacetValueField(indexes.CharField):
    """A short code (organisation slug, genre, topic id, year) to filter and count by."""

    field_type = "facet_value"


class MatchTextField(indexes.CharField):
    """The entry's whole text, kept (in match form) to verify that a word occurs as one contiguous string."""

    field_type = "match_text"
