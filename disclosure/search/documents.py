"""The one shape of a search document, shared by every kind of thing the county search finds.

Every haystack index of the county search (the catalogue's ``CatalogueEntryIndex``, public letters'
``LetterIndex`` in ``interaction``, organisations' ``OrganisationIndex`` in ``search/organisations.py``) subclasses
:class:`CountySearchIndex`, so all documents in the one index have the same fields, the Whoosh and
Elasticsearch backends map them the same way, and matching, facets and ranking treat them alike.

An index also says how its hits are shown: :meth:`CountySearchIndex.result_rows` turns primary keys
into plain rows (the keys of :data:`ROW_KEYS`), read from the database, which stays the source of truth.
Search never loops over page or model types of its own: it asks each hit's index (``service.py``).
"""

from haystack import connections, indexes

from ..models import CatalogueEntry
from .fields import FacetValueField, IdentifierField, MatchTextField, SegmentedTextField

#: What every result row holds: ``pk``, ``title``, ``summary`` and ``body_text`` (the texts a snippet is
#: cut from, already masked), ``url`` with ``site_id`` and ``path`` (``catalogue.links.url_for``),
#: ``index_number``, ``document_number``, ``genre`` (a catalogue genre code or ""), ``topic_id``,
#: ``display_date`` (aware datetime), ``organisation_id``, ``kind`` (a ``ResultKind`` value) and
#: ``date_label`` (what the date is, e.g. 发布日期 or 答复日期).
ROW_KEYS = ("pk", "title", "summary", "body_text", "url", "site_id", "path", "index_number", "document_number",
            "genre", "topic_id", "display_date", "organisation_id", "kind", "date_label")


def model_label(model):
    """``"app_label.model_name"``: how a document's model is named in the index (haystack's ``django_ct``)."""
    return f"{model._meta.app_label}.{model._meta.model_name}"


def catalogue_index():
    """The catalogue's search index (``disclosure/search_indexes.py``)."""
    return connections["default"].get_unified_index().get_index(CatalogueEntry)


def indexes_by_label():
    """``{"app_label.model_name": search index}`` for every model the search index holds."""
    unified = connections["default"].get_unified_index()
    return {model_label(model): unified.get_index(model) for model in unified.get_indexed_models()}


class CountySearchIndex(indexes.SearchIndex):
    """Fields every county search document has; subclasses fill them and add ``Indexable``.

    ``text``: everything a citizen may search for, title on the first line, personal identifiers masked;
    ``match_text``: the same, kept to verify contiguous matches; ``title``: for ranking; ``identifiers``:
    document and index numbers; ``kind``/``organisation``/``genre``/``topic``/``year``: facet values
    (an empty string is "none"); ``published_at``: the date results are sorted by.
    """

    text = SegmentedTextField(document=True)
    match_text = MatchTextField()
    title = SegmentedTextField()
    identifiers = IdentifierField()
    kind = FacetValueField()
    organisation = FacetValueField()
    genre = FacetValueField()
    topic = FacetValueField()
    year = FacetValueField()
    published_at = indexes.DateTimeField()

    def prepare_match_text(self, obj):
        return (self.prepared_data or {}).get("text") or self.prepare_text(obj)

    def prepare_identifiers(self, obj):
        return ""

    def prepare_genre(self, obj):
        return ""

    def prepare_topic(self, obj):
        return ""

    def result_rows(self, pks):
        """``{pk: row}`` for the public objects among ``pks`` (rows as :data:`ROW_KEYS`); others left out."""
        raise NotImplementedError
