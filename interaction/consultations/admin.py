"""Admin for 意见征集: the consultations (Wagtail's page listing) and comment moderation (a snippet viewset).

Comments hold personal data: the staff of the organisation running the consultation and the information
office see and moderate them, nobody else (the same rule as letters, ``departments.staff.member_organisations``).
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from departments.roles import is_information_office
from departments.staff import member_organisations

from ..models import ConsultationComment, ConsultationPage


def comments_visible_to(user):
    """The comments ``user`` may read and moderate: all for the information office, else their organisations'."""
    if not user.is_authenticated or not user.is_active:
        return ConsultationComment.objects.none()
    comments = ConsultationComment.objects.select_related("consultation")
    if is_information_office(user):
        return comments
    homes = [org.home_page for org in member_organisations(user).select_related("home_page") if org.home_page_id]
    if not homes:
        return ConsultationComment.objects.none()
    consultations = ConsultationPage.objects.none()
    for home in homes:
        consultations = consultations | ConsultationPage.objects.descendant_of(home)
    return comments.filter(consultation__in=consultations.values("pk"))


def may_moderate(user, comment):
    return comments_visible_to(user).filter(pk=comment.pk).exists()


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=comments_visible_to(self.request.user).values("pk"))


class CommentEditView(EditView):
    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not may_moderate(self.request.user, comment):
            raise PermissionDenied
        return comment

    def save_instance(self):
        comment = self.form.instance
        if "status" in self.form.changed_data:
            comment.moderated_at = timezone.now()
            comment.moderated_by = self.request.user
        return super().save_instance()


class CommentModerationViewSet(SnippetViewSet):
    """审核征集意见: publish (公开) or withhold (不予公开, with a note) each comment."""

    model = ConsultationComment
    icon = "comment"
    menu_label = _("征集意见审核")
    menu_order = 232
    add_to_admin_menu = True
    list_display = ["body", "consultation", "submitted_at", "status"]
    list_filter = ["status"]
    search_fields = ["body"]
    search_backend_name = None
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_enabled = True
    inspect_view_fields = ["consultation", "name", "phone", "email", "body", "submitted_at", "status",
                           "moderation_note", "moderated_at"]


class ConsultationListingViewSet(PageListingViewSet):
    """Every consultation in one list, whichever column holds it."""

    model = ConsultationPage
    icon = "comment"
    menu_label = _("意见征集")
    menu_order = 231
    add_to_admin_menu = True
    name = "consultations"
