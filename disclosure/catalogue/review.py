"""保密审查 (条例 art. 17): who signed a disclosed item off for publication, and when.

Publishing - directly, by approving the workflow's last task, or by setting a scheduled go-live - is the
confidentiality review's sign-off; the catalogue records the person on the item's entry. A scheduled
publication has no user of its own, so the person who scheduled that revision is the reviewer.
"""

from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from .models import CatalogueEntry


def reviewer_name(user):
    """'姓名（username）' for the record - family name first, as Chinese names are written - or the
    username alone; '' without a user."""
    if user is None:
        return ""
    full_name = f"{getattr(user, 'last_name', '')}{getattr(user, 'first_name', '')}".strip()
    username = user.get_username()
    return f"{full_name}（{username}）" if full_name else username


def scheduler_of(revision):
    """The user who scheduled ``revision`` to go live (Wagtail's ``wagtail.publish.schedule`` log), or None."""
    entry = (PageLogEntry.objects.filter(revision=revision, action="wagtail.publish.schedule")
             .select_related("user").order_by("-timestamp").first())
    return entry.user if entry else None


def record_confidentiality_review(page_id, revision, user):
    """Stamp the live entry of page ``page_id`` with its reviewer, if ``revision`` is what went live.

    ``user`` is whoever published (None for the scheduler's run). Nothing happens when the revision
    did not go live (a future go-live, a refused scheduled publication), the page has no live entry, or
    no person stands behind the publication (an import or a script): a review record names someone.
    Returns the number of entries stamped (0 or 1).
    """
    if not Page.objects.filter(pk=page_id, live=True, live_revision_id=revision.pk).exists():
        return 0
    reviewer = user if user is not None else scheduler_of(revision)
    if reviewer is None:
        return 0
    return CatalogueEntry.objects.filter(page_id=page_id, status=CatalogueEntry.Status.LIVE).update(
        confidentiality_reviewer=reviewer_name(reviewer), confidentiality_reviewed_at=timezone.now())
