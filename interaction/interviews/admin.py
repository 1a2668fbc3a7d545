"""Admin for 在线访谈: the interviews (Wagtail's page listing), question moderation and the live record.

The live record is a snippet list per interview: staff post the host's words, questions and the guests'
answers one after another (each new entry goes to the end) and the public page shows them within one poll.
Staff of the organisation whose tree holds the interview and the information office see and post, nobody
else (the same rule as consultation comments).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from ..models import InterviewPage, InterviewQuestion, InterviewRecordEntry
from ..moderation_admin import ModerationEditView
from .admin_forms import interviews_visible_to
from .record import prepare_entry


class QuestionIndexView(IndexView):
    def get_base_queryset(self):
        visible = interviews_visible_to(self.request.user).values("pk")
        return super().get_base_queryset().filter(interview__in=visible)


class QuestionEditView(ModerationEditView):
    def visible_to(self, user):
        return InterviewQuestion.objects.filter(interview__in=interviews_visible_to(user).values("pk"))


class QuestionModerationViewSet(SnippetViewSet):
    """审核访谈提问: publish (公开) or withhold (不予公开, with a note) each question."""

    model = InterviewQuestion
    icon = "help"
    menu_label = _("访谈提问审核")
    menu_order = 235
    add_to_admin_menu = True
    list_display = ["body", "interview", "submitted_at", "status"]
    list_filter = ["status", "interview"]
    search_fields = ["body"]
    search_backend_name = None
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    inspect_view_enabled = True
    inspect_view_fields = ["interview", "name", "phone", "email", "body", "submitted_at", "status",
                           "moderation_note", "moderated_at"]


class RecordIndexView(IndexView):
    def get_base_queryset(self):
        visible = interviews_visible_to(self.request.user).values("pk")
        return super().get_base_queryset().filter(interview__in=visible).select_related("guest", "question")


class RecordCreateView(CreateView):
    """Each entry is appended at the end; after saving, the form opens again for the same interview."""

    def get_initial(self):
        initial = super().get_initial()
        interview = self.request.GET.get("interview", "")
        if interview.isdigit():
            initial["interview"] = int(interview)
        return initial

    def save_instance(self):
        with transaction.atomic():
            prepare_entry(self.form.instance, self.request.user)
            return super().save_instance()

    def get_success_url(self):
        return f"{reverse(self.add_url_name)}?interview={self.object.interview_id}"


class RecordEditView(EditView):
    def get_object(self, queryset=None):
        entry = super().get_object(queryset)
        if not interviews_visible_to(self.request.user).filter(pk=entry.interview_id).exists():
            raise PermissionDenied
        return entry


class RecordEntryViewSet(SnippetViewSet):
    """访谈直播: the live record, entry by entry, in order."""

    model = InterviewRecordEntry
    icon = "openquote"
    menu_label = _("访谈直播")
    menu_order = 236
    add_to_admin_menu = True
    list_display = ["position", "interview", "kind", "speaker", "text", "posted_at"]
    list_filter = ["interview", "kind"]
    search_fields = ["text"]
    search_backend_name = None
    ordering = ["interview", "position"]
    index_view_class = RecordIndexView
    add_view_class = RecordCreateView
    edit_view_class = RecordEditView


class InterviewListingViewSet(PageListingViewSet):
    """Every interview in one list, whichever column holds it."""

    model = InterviewPage
    icon = "group"
    menu_label = _("在线访谈")
    menu_order = 234
    add_to_admin_menu = True
    name = "interviews"
