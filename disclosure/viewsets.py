"""Admin views of the catalogue (read-only: entries are written by publishing) and its taxonomy."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CatalogueEntry, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("主题分类")
    list_display = ["full_name", "sort_order"]
    search_fields = ["name"]


class CatalogueEntryViewSet(ModelViewSet):
    """Staff see every entry, withdrawn ones included, with the system's recorded times."""

    model = CatalogueEntry
    icon = "list-ul"
    menu_label = _("信息公开目录")
    menu_name = "catalogue"
    menu_order = 220
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["index_number", "title", "organisation", "display_date", "first_published_at", "status"]
    list_filter = ["status", "organisation", "genre", "validity"]
    search_fields = ["title", "index_number", "document_number"]
    list_per_page = 50
    form_fields = []
    inspect_view_fields = [
        "index_number", "title", "organisation", "url", "column_title", "column_kind", "genre", "topic",
        "document_number", "written_date", "display_date", "first_published_at", "last_updated_at",
        "validity", "disclosure_mode", "keywords", "status", "withdrawn_at", "withdrawal_reason",
    ]

    def get_queryset(self, request):
        return CatalogueEntry.objects.select_related("organisation", "topic")
