"""Admin viewsets: the working-day calendar for the information office (mailbox views live in letter_admin)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_columns import yes_no_list_display

from .models import CalendarDay, CalendarYear, Mailbox


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("节假日与调休")
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None
    list_per_page = 60


class CalendarYearViewSet(SnippetViewSet):
    model = CalendarYear
    icon = "calendar-alt"
    menu_label = _("年度节假日安排")
    list_display = yes_no_list_display(CalendarYear, ["year", "complete", "source", "updated_at"])


class WorkingDayCalendarGroup(ViewSetGroup):
    menu_label = _("工作日历")
    menu_icon = "date"
    menu_order = 260
    items = (CalendarYearViewSet, CalendarDayViewSet)


class MailboxViewSet(SnippetViewSet):
    """Mailboxes are created automatically; the information office sets names, intros and reply periods."""

    model = Mailbox
    icon = "mail"
    menu_label = _("信箱设置")
    menu_order = 265
    add_to_settings_menu = True
    list_display = yes_no_list_display(Mailbox, ["name", "organisation", "kind", "reply_working_days", "active"])
    list_filter = ["kind", "active"]
    search_fields = ["name"]
    search_backend_name = None
