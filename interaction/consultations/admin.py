"""Admin for 意见征集: the consultations (Wagtail's page listing) and comment moderation (a snippet viewset).

Comments hold personal data: the staff of the organisation running the consultation and the information
office see and moderate them, nobody else (the same rule as letters, ``departments.staff.member_organisations``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from departments.roles import is_information_office
from departments.staff import staff_pages

from ..models import ConsultationComment, ConsultationPage
from ..moderation_admin import ModerationEditView


def comments_visible_to(user):
    """The comments ``user`` may read and moderate: all for the information office, else their organisations'."""
    if user.is_authenticated and is_information_office(user):
        return ConsultationComment.objects.select_related("consultation")
    consultations = staff_pages(user, ConsultationPage).values("pk")
    return ConsultationComment.objects.select_related("consultation").filter(consultation__in=consultations)


def may_moderate(user, comment):
    return comments_visible_to(user).filter(pk=comment.pk).exists()


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=comments_visible_to(self.request.user).values("pk"))


class CommentEditView(ModerationEditView):
    def visible_to(self, user):
        return comments_visible_to(user)


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
