from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from laces.components import Component
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from departments.roles import is_information_office

from .calendar_warnings import warning_years
from .consultations.admin import CommentModerationViewSet, ConsultationListingViewSet
from .interviews.admin import InterviewListingViewSet, QuestionModerationViewSet, RecordEntryViewSet
from .letter_access import may_use_mailbox_admin
from .surveys.admin import SurveyViewSet
from .viewsets import MailboxViewSet, WorkingDayCalendarGroup

register_snippet(WorkingDayCalendarGroup)
register_snippet(MailboxViewSet)
register_snippet(CommentModerationViewSet)
register_snippet(SurveyViewSet)
register_snippet(QuestionModerationViewSet)
register_snippet(RecordEntryViewSet)


@hooks.register("register_admin_urls")
def register_letter_admin_urls():
    return [path("letters/", include("interaction.admin_urls", namespace="interaction_admin"))]


class LetterMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_mailbox_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_letter_menu_item():
    return LetterMenuItem(gettext_lazy("来信办理"), reverse("interaction_admin:index"), icon_name="mail", order=230)


class HolidayScheduleWarningPanel(Component):
    """Dashboard reminder for the information office: a year's holiday schedule is still missing."""

    name = "holiday_schedule_warning"
    order = 10
    template_name = "interaction/admin/holiday_schedule_warning.html"

    def __init__(self, years):
        self.years = years

    def get_context_data(self, parent_context=None):
        return {"years": self.years, "title": _("节假日安排待录入")}


@hooks.register("construct_homepage_panels")
def add_holiday_schedule_warning(request, panels):
    if not is_information_office(request.user):
        return
    years = warning_years()
    if years:
        panels.insert(0, HolidayScheduleWarningPanel(years))


@hooks.register("register_admin_viewset")
def register_consultation_listing():
    return ConsultationListingViewSet()


@hooks.register("register_admin_viewset")
def register_interview_listing():
    return InterviewListingViewSet()
