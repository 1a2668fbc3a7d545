"""Admin list 热词候选: what visitors searched this week, for the information office to 采用 or 不采用.

A Wagtail ``ReportView`` over ``hot_words.candidate_review`` (CSV/XLSX export included) with one POST
action per row; the rules it writes are the same ``HotWordRule`` rows as 站内搜索 → 热词管理.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import ReportView

from departments.roles import is_information_office
from security.strict_input import StrictInputError, parse_optional_int

from ..models import HotWordRule
from .hot_words import candidate_review, decide, min_visitors

DECISIONS = {"pin": HotWordRule.Kind.PIN, "hide": HotWordRule.Kind.HIDE, "undo": None}


class HotWordCandidatesView(ReportView):
    page_title = gettext_lazy("热词候选")
    header_icon = "search"
    results_template_name = "search/admin/hot_word_candidates_results.html"
    index_url_name = "hot_word_candidates"
    index_results_url_name = "hot_word_candidates_results"
    list_export = ["query", "visitors", "times", "state_label"]
    export_headings = {"query": gettext_lazy("搜索词"), "visitors": gettext_lazy("访客数"),
                       "times": gettext_lazy("搜索次数"), "state_label": gettext_lazy("状态")}
    export_filename = "hot-word-candidates"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not is_information_office(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        try:
            self.days = parse_optional_int(self.request.GET.get("days"), 7, minimum=1, maximum=90)
        except StrictInputError:
            self.days = 7
        return candidate_review(days=self.days)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"days": self.days, "threshold": min_visitors()})
        return context


@require_POST
def decide_candidate(request):
    """采用 (pin), 不采用 (hide) or 撤销 a decision on one term; office only. Bad input: a message, no change."""
    if not is_information_office(request.user):
        raise PermissionDenied
    action = request.POST.get("decision", "")
    term = request.POST.get("term", "")
    if action not in DECISIONS or not term.strip() or len(term) > 100:
        messages.error(request, _("操作无效：请在热词候选列表中选择一个搜索词再操作。"))
        return redirect("hot_word_candidates")
    decide(term, DECISIONS[action], note=_("由热词候选列表处理"))
    done = {"pin": _("已采用并置顶：%(term)s"), "hide": _("已设为不采用（隐藏）：%(term)s"),
            "undo": _("已撤销对“%(term)s”的处理")}[action]
    messages.success(request, done % {"term": term.strip()})
    return redirect("hot_word_candidates")
