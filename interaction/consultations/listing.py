"""Which consultations the public sees, and in which state: open, closed awaiting feedback, reported.

Two queries whatever the number of consultations: the live public consultation pages, and the paths of
their live public feedback reports (a report is a consultation's child, so its parent path is its own
path without the last step).
"""

from django.utils import timezone
from wagtail.models import Page

from ..models import ConsultationFeedbackPage, ConsultationPage
from ..models.consultation import ConsultationState


def public_consultations(organisation=None):
    """Live consultations without a view restriction, newest closing first; within ``organisation``'s tree if given."""
    pages = ConsultationPage.objects.live().public()
    if organisation is not None:
        if organisation.home_page_id is None:
            return ConsultationPage.objects.none()
        pages = pages.descendant_of(organisation.home_page)
    return pages.order_by("-closes_at", "-pk")


def reported_paths(consultations):
    """Paths of the consultations among ``consultations`` (a queryset) that have a live public feedback report."""
    steplen = Page.steplen
    paths = set(consultations.values_list("path", flat=True))
    return {
        path[:-steplen]
        for path in ConsultationFeedbackPage.objects.live().public().values_list("path", flat=True)
        if path[:-steplen] in paths
    }


def grouped(consultations, now=None):
    """``{state: [consultation, …]}`` for every ``ConsultationState``, each consultation with ``.listed_state``."""
    now = now or timezone.now()
    reported = reported_paths(consultations)
    groups = {state: [] for state in ConsultationState.LABELS}
    for consultation in consultations.defer_streamfields():
        state = consultation.state(now, reported=consultation.path in reported)
        consultation.listed_state = state
        groups[state].append(consultation)
    return groups


def closed_without_feedback(consultations, now=None):
    """The consultations past their close whose feedback report is not (yet) published."""
    return grouped(consultations, now)[ConsultationState.CLOSED]
