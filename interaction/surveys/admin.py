"""Admin for 网上调查: staff build questionnaires for their own organisation; the information office for all.

Staff see only their organisations' surveys and choose only among them (``departments.staff.staff_organisations``).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from departments.staff import staff_organisations
from portal.admin_columns import yes_no_list_display

from ..models import Survey


def surveys_visible_to(user):
    if not user.is_authenticated or not user.is_active:
        return Survey.objects.none()
    return Survey.objects.filter(organisation__in=staff_organisations(user).values("pk"))


class SurveyIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=surveys_visible_to(self.request.user).values("pk"))


class SurveyEditView(EditView):
    def get_object(self, queryset=None):
        survey = super().get_object(queryset)
        if not surveys_visible_to(self.request.user).filter(pk=survey.pk).exists():
            raise PermissionDenied
        return survey


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = _("网上调查")
    menu_order = 233
    add_to_admin_menu = True
    list_display = yes_no_list_display(Survey, ["title", "organisation", "opens_at", "closes_at", "live", "publish_results"])
    list_filter = ["live", "publish_results"]
    search_fields = ["title"]
    search_backend_name = None
    index_view_class = SurveyIndexView
    edit_view_class = SurveyEditView
