"""不予主动公开登记: the register of confidentiality-review decisions not to publish an item proactively.

保密审查 (条例 art. 17) decides each item's 公开属性. An item decided 依申请公开 or 不予公开 never goes live
(``DisclosedPage.refuse_publication``), so it has no catalogue entry: the decision lives in the page's
latest revision - the draft the reviewer saved - with its 不予主动公开的理由和依据. This module reads those
decisions back as rows the office (and each organisation, for its own) can list and export.

A decision is the page's *current* one: an item later changed back to 主动公开 and published leaves the
register. "Who decided and when" is the person and time of the latest saved revision carrying it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page

from departments.models import Organisation
from portal.taxonomy import DisclosureMode

from .review import reviewer_name

WITHHELD_MODES = (DisclosureMode.ON_APPLICATION, DisclosureMode.WITHHELD)


def _owning_organisation():
    """Subquery: the organisation whose home page is the nearest ancestor-or-self of the outer page."""
    return Subquery(
        Organisation.objects.filter(home_page__path=Substr(OuterRef("path"), 1, Length("home_page__path")))
        .order_by("-home_page__depth").values("pk")[:1]
    )


def withholding_decisions(organisations=None) -> QuerySet:
    """Pages whose latest revision is 依申请公开 or 不予公开, newest decision first.

    Each page is annotated with ``decision_mode`` (a ``DisclosureMode`` value), ``decision_reason`` (str),
    ``decided_at`` (aware datetime of the revision), ``decided_by_id`` (user id or None) and
    ``organisation_id`` (the owning organisation's id or None). ``organisations`` (a queryset or list of
    ``Organisation``) limits the rows to those organisations' pages; None means every organisation.
    Source: 条例 art. 17 (保密审查) and art. 19–20 (公开属性).
    """
    pages = (
        Page.objects.filter(latest_revision__content__disclosure_mode__in=[mode.value for mode in WITHHELD_MODES])
        .annotate(
            decision_mode=KeyTextTransform("disclosure_mode", "latest_revision__content"),
            decision_reason=KeyTextTransform("withholding_reason", "latest_revision__content"),
            decided_at=F("latest_revision__created_at"),
            decided_by_id=F("latest_revision__user_id"),
            organisation_id=_owning_organisation(),
        )
        .order_by("-decided_at", "-pk")
    )
    if organisations is not None:
        pages = pages.filter(organisation_id__in=[organisation.pk for organisation in organisations])
    return pages


@dataclass(frozen=True)
class WithholdingDecision:
    """One row of the register, as listed and exported."""

    page_id: int
    title: str
    mode: str
    mode_label: str
    reason: str
    organisation: str
    decided_by: str
    decided_at: datetime
    live: bool

    @property
    def site_status(self):
        """What the public sees: nothing, or an earlier published version still on the site (to be withdrawn)."""
        return _("网站上仍有已发布的版本，应撤回") if self.live else _("未在网站发布")


def decision_rows(pages) -> list[WithholdingDecision]:
    """``WithholdingDecision`` rows for pages from ``withholding_decisions`` (two queries for names)."""
    pages = list(pages)
    users = get_user_model().objects.in_bulk({page.decided_by_id for page in pages if page.decided_by_id})
    names = dict(Organisation.objects.filter(pk__in={page.organisation_id for page in pages}).values_list("pk", "name"))
    return [
        WithholdingDecision(
            page_id=page.pk, title=page.draft_title or page.title, mode=page.decision_mode,
            mode_label=str(DisclosureMode(page.decision_mode).label), reason=page.decision_reason or "",
            organisation=names.get(page.organisation_id, ""), decided_by=reviewer_name(users.get(page.decided_by_id)),
            decided_at=page.decided_at, live=page.live,
        )
        for page in pages
    ]
