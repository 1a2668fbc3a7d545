"""The admin list of findings (内容安全问题) and the office's "run the patrol now" button."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from departments.roles import is_information_office
from departments.staff import staff_organisations
from security.strict_input import id_or_none

from .models import ContentFinding, FindingKind, Severity
from .permissions import may_see_findings


class FindingListView(TemplateView):
    template_name = "content_checks/admin/findings.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_findings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        organisations = staff_organisations(request.user)
        findings = ContentFinding.objects.select_related("page", "organisation", "editor", "document")
        if not is_information_office(request.user):
            findings = findings.filter(organisation__in=organisations)
        state = request.GET.get("state", "open")
        if state == "open":
            findings = findings.open()
        elif state == "resolved":
            findings = findings.filter(resolved_at__isnull=False)
        kind = request.GET.get("kind", "")
        if kind in FindingKind.values:
            findings = findings.filter(kind=kind)
        severity = request.GET.get("severity", "")
        if severity in Severity.values:
            findings = findings.filter(severity=severity)
        organisation = request.GET.get("organisation", "")
        organisation_id = id_or_none(organisation)  # ASCII digits only: "²".isdigit() is True, int("²") fails
        if organisation_id is not None:
            findings = findings.filter(organisation_id=organisation_id)
        paginator = Paginator(findings.order_by("severity", "-found_at", "-pk"), 50)
        page = paginator.get_page(request.GET.get("p"))
        context.update({
            "page_obj": page, "findings": page.object_list, "state": state, "kind": kind, "severity": severity,
            "organisation": organisation, "organisations": organisations.order_by("kind", "sort_order", "pk"),
            "kinds": FindingKind.choices, "severities": Severity.choices,
            "is_office": is_information_office(request.user),
            "header_title": _("内容安全问题"),
        })
        return context


@require_POST
def run_patrol(request):
    """Queue a patrol of every live page (the nightly one, now). Office only."""
    if not is_information_office(request.user):
        raise PermissionDenied
    from .tasks import patrol_task

    patrol_task.enqueue()
    messages.success(request, _("已安排全站巡检，完成后问题列表会更新。"))
    return redirect("content_checks:findings")
