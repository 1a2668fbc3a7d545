"""Admin registration of applications for disclosure and yearly reports (imported by disclosure/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from disclosure.models.notices import COMMON_FACTS, KIND_FACTS, NoticeTemplate

from .access import handles_any


def _placeholder_help():
    kinds = "".join(f"<li>{kind.label}：{'、'.join('{{' + fact + '}}' for fact in facts)}</li>"
                    for kind, facts in KIND_FACTS.items())
    common = "、".join("{{" + fact + "}}" for fact in COMMON_FACTS)
    return f"<p>所有告知书可用：{common}</p><ul>{kinds}</ul><p>未建模板的类别使用系统默认文本。</p>"


class NoticeTemplateViewSet(SnippetViewSet):
    """告知书模板: the information office words the notices; the case's facts fill the placeholders."""

    model = NoticeTemplate
    icon = "doc-full"
    menu_label = _("告知书模板")
    add_to_settings_menu = True
    list_display = ["kind", "title", "updated_at"]
    search_backend_name = None
    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("body"),
              HelpPanel(content=_placeholder_help(), heading=_("占位符"))]


register_snippet(NoticeTemplateViewSet)


class HandlerMenuItem(MenuItem):
    """Shown only to staff of an organisation and to the information office."""

    def is_shown(self, request):
        return handles_any(request.user)


@hooks.register("register_admin_urls")
def register_application_admin_urls():
    return [
        path("disclosure-applications/", include("disclosure.applications.admin_urls",
                                                  namespace="disclosure_applications_admin")),
        path("disclosure-reports/", include("disclosure.yearly_report.admin_urls", namespace="disclosure_reports_admin")),
    ]


@hooks.register("register_admin_menu_item")
def register_application_menu_item():
    return HandlerMenuItem(_("依申请公开"), reverse("disclosure_applications_admin:index"), icon_name="mail",
                           order=230, name="disclosure-applications")


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return HandlerMenuItem(_("信息公开年报"), reverse("disclosure_reports_admin:index"), icon_name="doc-full",
                           order=231, name="disclosure-reports")
