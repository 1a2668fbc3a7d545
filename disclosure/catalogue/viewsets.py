"""Admin views of the catalogue (read-only: entries are written by publishing) and its taxonomy."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import CatalogueEntry, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("主题分类")
    list_display = ["full_name", "sort_order"]
    search_fields = ["name"]


class ReadOnlyCataloguePolicy(ModelPermissionPolicy):
    """Entries are written by publishing alone: nobody adds, edits or deletes one in the admin, not even a
    superuser, so the system's recorded times and the index numbers stay what the system recorded.
    Every admin user may look (the catalogue is public information; withdrawn entries are kept for staff)."""

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_active:
            return False
        return user.is_superuser or user.has_perm("wagtailadmin.access_admin")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="access_admin")
            | Q(groups__permissions__codename="access_admin")
        ).distinct()


class CatalogueEntryFilterSet(WagtailFilterSet):
    """The listing's filters, with 保密审查记录: entries published with no reviewer (imports, scripts, the
    time before the record existed) for the office to follow up (条例 art. 17)."""

    MISSING, PRESENT = "missing", "present"

    review_record = django_filters.ChoiceFilter(
        label=_("保密审查记录"), method="filter_review_record", empty_label=_("全部"),
        choices=[(MISSING, _("无审查记录")), (PRESENT, _("有审查记录"))],
    )

    class Meta:
        model = CatalogueEntry
        fields = ["status", "organisation", "genre", "validity", "column_kind", "display_year"]

    def filter_review_record(self, queryset, name, value):
        if value == self.MISSING:
            return queryset.filter(confidentiality_reviewer="")
        if value == self.PRESENT:
            return queryset.exclude(confidentiality_reviewer="")
        return queryset


class CatalogueEntryViewSet(ModelViewSet):
    """Staff see every entry, withdrawn ones included, with the system's recorded times - and change none."""

    READ_ONLY_URLS = {"index", "index_results", "inspect"}

    model = CatalogueEntry
    icon = "list-ul"
    menu_label = _("信息公开目录")
    menu_name = "catalogue"
    menu_order = 220
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["index_number", "title", "organisation", "display_date", "first_published_at", "status",
                    "confidentiality_reviewer"]
    filterset_class = CatalogueEntryFilterSet
    search_fields = ["title", "index_number", "document_number"]
    list_per_page = 50
    form_fields = []
    inspect_view_fields = [
        "index_number", "title", "organisation", "url", "column_title", "column_kind", "genre", "topic",
        "document_number", "written_date", "display_date", "first_published_at", "last_updated_at",
        "validity", "disclosure_mode", "confidentiality_reviewer", "confidentiality_reviewed_at", "keywords", "status", "withdrawn_at", "withdrawal_reason", "changed_at",
    ]

    copy_view_enabled = False

    def on_register(self):
        register_permission_policy(CatalogueEntry, ReadOnlyCataloguePolicy(CatalogueEntry))
        super().on_register()

    def get_urlpatterns(self):
        """Only the list and the inspect page exist: there is no add, edit, delete or copy address at all."""
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in self.READ_ONLY_URLS]

    def get_queryset(self, request):
        return CatalogueEntry.objects.select_related("organisation", "topic")
