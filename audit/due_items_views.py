"""法定公开事项检查: the due-items report for the information office, county-wide and per organisation.

The rules live in ``disclosure.catalogue.due_items``; these views read ``as_of`` the way the
audit dashboard does (YYYY-MM-DD, not in the future; bad input gets a Chinese 400) and render.
"""

import json

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from departments.models import Organisation
from disclosure.catalogue.due_items import FindingKind, due_items, report_as_data

from .dates import AsOfError, parse_as_of
from .permissions import forbidden, may_audit
from .websites import resolve_websites

KINDS = [FindingKind.NOT_PUBLISHED, FindingKind.PUBLISHED_LATE, FindingKind.NO_COLUMN, FindingKind.FACT_MISSING]


def website_groups(report):
    """The report grouped by website (the inspection's unit): [{"website", "rows", "totals"}], websites with channels only."""
    groups = []
    for website in resolve_websites():
        rows = [
            {"due": due, "counts": [due.count(kind) for kind in KINDS]}
            for due in report
            if due.organisation.pk in website.channel_ids
        ]
        if rows:
            totals = [sum(row["counts"][index] for row in rows) for index in range(len(KINDS))]
            groups.append({"website": website, "rows": rows, "totals": totals})
    return groups


class DueItemsView(WagtailAdminTemplateMixin, TemplateView):
    """/admin/audit/due-items/: every organisation's counts of due and late items on a date."""

    template_name = "audit/due_items.html"
    page_title = gettext_lazy("法定公开事项检查")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not may_audit(request.user):
            return forbidden(request)
        try:
            self.as_of = parse_as_of(request.GET.get("as_of"))
        except AsOfError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        return super().dispatch(request, *args, **kwargs)

    def organisations(self):
        return Organisation.objects.active()

    def get_breadcrumbs_items(self):
        """首页 › 法定公开事项检查: without it Wagtail's header shows only 首页 as the page's heading."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        report = due_items(self.as_of, self.organisations())
        if request.GET.get("format") == "json":
            data = report_as_data(report, self.as_of)
            data["websites"] = [
                {"site_id_code": group["website"].site_id_code, "name": group["website"].name,
                 "channels": [row["due"].organisation.slug for row in group["rows"]],
                 "counts": dict(zip(KINDS, group["totals"], strict=True))}
                for group in website_groups(report)
            ]
            return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8")
        return self.render_to_response(self.get_context_data(report=report))

    def get_context_data(self, report, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = website_groups(report)
        context.update({
            "as_of": self.as_of,
            "groups": groups,
            "rows": [row for group in groups for row in group["rows"]],
            "kind_labels": [FindingKind.LABELS[kind] for kind in KINDS],
            "totals": [sum(group["totals"][index] for group in groups) for index in range(len(KINDS))],
        })
        return context


class OrganisationDueItemsView(DueItemsView):
    """/admin/audit/due-items/<slug>/: one organisation's applicable items and each finding with its evidence."""

    template_name = "audit/due_items_organisation.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("audit_due_items:index"), "label": self.page_title},
                {"url": "", "label": self.organisation.name}]

    def organisations(self):
        organisation = get_object_or_404(Organisation, slug=self.kwargs["slug"])
        self.organisation = organisation
        return Organisation.objects.filter(pk=organisation.pk)

    def get_context_data(self, report, **kwargs):
        if not report:
            raise Http404(_("没有这个机构。"))
        context = super().get_context_data(report, **kwargs)
        due = report[0]
        findings_by_item = {}
        for finding in due.findings:
            findings_by_item.setdefault(finding.item.pk if finding.item else None, []).append(finding)
        context.update({
            "organisation": self.organisation,
            "due": due,
            "items": [(item, findings_by_item.get(item.pk, [])) for item in due.applicable_items],
            "fact_findings": [f for f in findings_by_item.get(None, []) if f.kind == FindingKind.FACT_MISSING],
            "unmapped_findings": [f for f in findings_by_item.get(None, []) if f.kind != FindingKind.FACT_MISSING],
            "page_subtitle": self.organisation.name,
        })
        return context
