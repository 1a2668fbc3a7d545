"""The catalogue's search index: catalogue entries (目录条目), never page models.

Haystack discovers this module by name. Only public (live) entries are indexed; the rest of
the search machinery lives in ``disclosure.search``. The index never receives a personal identifier
(ID, mobile or bank card number, ``disclosure.personal_data``): a page that still shows one cannot
be found by it. Service guides (办事指南) are catalogue entries with all their fields in the body
text, so they are found here as kind ``service``; public letters have an index of their own in their app
(``interaction/search_indexes.py``); organisations' index is ``search/organisations.py``, listed here for haystack.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from haystack import indexes

from .models import CatalogueEntry
from .personal_data import mask_personal_data
from .search.documents import CountySearchIndex
from .search.fields import FacetValueField
from .search.kinds import kind_of_genre
from .search.organisations import OrganisationIndex  # noqa: F401  (haystack collects the indexes listed here)
from .search.segmenter import identifier_key

ENTRY_FIELDS = ("pk", "title", "summary", "body_text", "url", "site_id", "path", "index_number", "document_number",
                "genre", "topic_id", "display_date", "organisation_id")


class CatalogueEntryIndex(CountySearchIndex, indexes.Indexable):
    genre = FacetValueField(model_attr="genre")
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

    def prepare_title(self, entry):
        return mask_personal_data(entry.title)

    def prepare_identifiers(self, entry):
        keys = [identifier_key(value) for value in (entry.index_number, entry.document_number) if value]
        return " ".join(key for key in keys if key)

    def prepare_kind(self, entry):
        return kind_of_genre(entry.genre).value

    def prepare_organisation(self, entry):
        return entry.organisation.slug

    def prepare_genre(self, entry):
        return entry.genre

    def prepare_topic(self, entry):
        return str(entry.topic_id) if entry.topic_id else ""

    def prepare_year(self, entry):
        return str(entry.display_year or timezone.localtime(entry.display_date).year)

    def result_rows(self, pks):
        """Public entries as rows (no joins: labels come from cached maps); personal identifiers masked."""
        date_label = _("发布日期")
        rows = {}
        # No ordering: with ORDER BY display_date SQLite walks the (status, date) index over every public entry
        # instead of looking up these keys (20 ms instead of 1 at 100,000 entries; rows are placed by rank anyway).
        for row in CatalogueEntry.objects.public().filter(pk__in=pks).order_by().values(*ENTRY_FIELDS):
            row["title"] = mask_personal_data(row["title"])
            row["summary"] = mask_personal_data(row["summary"])
            row["body_text"] = mask_personal_data(row["body_text"])
            row["kind"] = kind_of_genre(row["genre"]).value
            row["date_label"] = date_label
            rows[row["pk"]] = row
        return rows
