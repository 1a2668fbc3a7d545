"""The one search index: catalogue entries (目录条目), never page models.

Haystack discovers this module by name. Only public (live) entries are indexed; the rest of
the search machinery lives in ``disclosure.search``. The index never receives a personal identifier
(ID, mobile or bank card number, ``disclosure.personal_data``): a page that still shows one cannot
be found by it.
"""

from django.utils import timezone
from haystack import indexes

from .models import CatalogueEntry
from .personal_data import mask_personal_data
from .search.fields import FacetValueField, IdentifierField, MatchTextField, SegmentedTextField
from .search.kinds import kind_of_genre
from .search.segmenter import identifier_key


class CatalogueEntryIndex(indexes.SearchIndex, indexes.Indexable):
    # Everything a citizen might search for, title first (so every word matches here).
    text = SegmentedTextField(document=True)
    # The same text in match form, to verify words that are not one exact term (first line: the title).
    match_text = MatchTextField()
    # The title again: ranking puts entries with the query in the title first (engine.py, "ranking").
    title = SegmentedTextField()
    identifiers = IdentifierField()
    kind = FacetValueField()
    organisation = FacetValueField()
    genre = FacetValueField(model_attr="genre")
    topic = FacetValueField()
    year = FacetValueField()
    published_at = indexes.DateTimeField(model_attr="display_date")

    def get_model(self):
        return CatalogueEntry

    def index_queryset(self, using=None):
        """Only what is public is ever indexed."""
        return CatalogueEntry.objects.public().select_related("organisation", "topic").order_by("pk")

    def read_queryset(self, using=None):
        return CatalogueEntry.objects.public().select_related("organisation", "topic")

    def get_updated_field(self):
        return "last_updated_at"

    def prepare_text(self, entry):
        parts = [" ".join(entry.title.split()), entry.summary, entry.body_text, entry.keywords, entry.document_number,
                 entry.index_number, entry.organisation.name, entry.column_title]
        return mask_personal_data("\n".join(part for part in parts if part))

    def prepare_match_text(self, entry):
        return (self.prepared_data or {}).get("text") or self.prepare_text(entry)

    def prepare_title(self, entry):
        return mask_personal_data(entry.title)

    def prepare_identifiers(self, entry):
        keys = [identifier_key(value) for value in (entry.index_number, entry.document_number) if value]
        return " ".join(key for key in keys if key)

    def prepare_kind(self, entry):
        return kind_of_genre(entry.genre).value

    def prepare_organisation(self, entry):
        return entry.organisation.slug

    def prepare_topic(self, entry):
        return str(entry.topic_id) if entry.topic_id else ""

    def prepare_year(self, entry):
        return str(entry.display_year or timezone.localtime(entry.display_date).year)
