"""Admin for the information office: synonyms, editors' picks, the zero-results report.

Imported from ``disclosure/wagtail_hooks.py`` (Wagtail only discovers hooks at an app's top level).
Wagtail's own ``search_promotions`` is keyed to pages and Wagtail's query table; our results
are catalogue entries, hence our own small snippet.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from departments.admin_access import InformationOfficeMenuItem, InformationOfficePolicy
from departments.roles import is_information_office
from portal.admin_columns import yes_no_list_display

from ..models import CatalogueEntry, EditorsPick, HotWordRule, SynonymGroup
from .hot_word_review import HotWordCandidatesView, decide_candidate
from .zero_results import ZeroResultsReportView


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("同义词")
    list_display = yes_no_list_display(SynonymGroup, ["__str__", "active"])


class EditorsPickViewSet(SnippetViewSet):
    model = EditorsPick
    icon = "pick"
    menu_label = _("推荐结果")
    list_display = ["query", "entry", "sort_order"]
    list_filter = []


class HotWordRuleViewSet(SnippetViewSet):
    """热词管理: the office blocks, hides or pins terms of the public 热词 (``hot_words``)."""

    model = HotWordRule
    icon = "warning"
    menu_label = _("热词管理")
    list_display = ["term", "kind", "sort_order", "note", "changed_at"]
    list_filter = ["kind"]


class SearchAdminGroup(SnippetViewSetGroup):
    items = (SynonymGroupViewSet, EditorsPickViewSet, HotWordRuleViewSet)
    menu_icon = "search"
    menu_label = _("站内搜索")
    menu_name = "site-search"
    menu_order = 230


# The county information office (县政务公开办) tunes search itself; superusers keep every right.
for _model in (SynonymGroup, EditorsPick, HotWordRule):
    register_permission_policy(_model, InformationOfficePolicy(_model))

register_snippet(SearchAdminGroup)


class EntrySearchForm(BaseFilterForm):
    q = forms.CharField(label=_("搜索"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("标题、索引号或文号")}))

    def filter(self, objects):
        if self.is_valid() and self.cleaned_data.get("q"):
            query = self.cleaned_data["q"].strip()
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(Q(title__icontains=query) | Q(index_number__icontains=query)
                                     | Q(document_number__icontains=query))
        return objects


class _PublicEntries:
    filter_form_class = EntrySearchForm

    def get_object_list(self):
        return CatalogueEntry.objects.public().order_by("-display_date")


class EntryChooseView(_PublicEntries, ChooseView):
    pass


class EntryChooseResultsView(_PublicEntries, ChooseResultsView):
    pass


class CatalogueEntryChooserViewSet(ChooserViewSet):
    """Choosing a public catalogue entry (for editors' picks), searchable by title or number."""

    model = CatalogueEntry
    icon = "list-ul"
    choose_one_text = _("选择目录条目")
    choose_another_text = _("重新选择")
    choose_view_class = EntryChooseView
    choose_results_view_class = EntryChooseResultsView
    per_page = 20


@hooks.register("register_admin_viewset")
def register_entry_chooser():
    return CatalogueEntryChooserViewSet("catalogue_entry_chooser")


def zero_results_report(request):
    if not is_information_office(request.user):
        raise PermissionDenied
    return ZeroResultsReportView.as_view()(request)


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path("reports/search-zero-results/", zero_results_report, name="search_zero_results"),
        path("reports/hot-word-candidates/", HotWordCandidatesView.as_view(), name="hot_word_candidates"),
        path("reports/hot-word-candidates/results/", HotWordCandidatesView.as_view(results_only=True),
             name="hot_word_candidates_results"),
        path("reports/hot-word-candidates/decide/", decide_candidate, name="hot_word_candidates_decide"),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return InformationOfficeMenuItem(_("无结果搜索词"), reverse("search_zero_results"), name="search-zero-results",
                                     icon_name="search", order=900)


@hooks.register("register_reports_menu_item")
def register_hot_word_candidates_menu_item():
    return InformationOfficeMenuItem(_("热词候选"), reverse("hot_word_candidates"), name="hot-word-candidates",
                                     icon_name="search", order=905)
