from django.utils.translation import gettext as _
from laces.components import Component
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from departments.roles import is_information_office

from .calendar_warnings import warning_years
from .viewsets import WorkingDayCalendarGroup

register_snippet(WorkingDayCalendarGroup)


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
