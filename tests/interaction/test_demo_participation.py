"""The demo county's 政民互动: an open consultation with comments, a closed one with its feedback report and a
survey with published results, all through the real services, and nothing added when seeded again."""

from django.utils import timezone

from demo.participation import seed_participation
from disclosure.models import CatalogueEntry
from interaction.consultations.listing import grouped, public_consultations
from interaction.models import ConsultationComment, Survey, SurveyResponse
from interaction.models.consultation import ConsultationState
from interaction.participation_audit import participation


def test_seeded_once_and_idempotent(client, county):
    first = seed_participation(county)
    assert (first.consultations, first.feedback_reports, first.surveys) == (2, 1, 1)
    assert first.comments == 7 and first.responses == 60
    again = seed_participation(county)
    assert (again.consultations, again.comments, again.feedback_reports, again.surveys, again.responses) == (0, 0, 0, 0, 0)
    groups = grouped(public_consultations(county))
    assert len(groups[ConsultationState.OPEN]) == 1 and len(groups[ConsultationState.REPORTED]) == 1
    open_page = groups[ConsultationState.OPEN][0]
    html = client.get(open_page.url).content.decode()
    assert "李**" in html and "13800001111" not in html  # the withheld comment is not shown
    assert ConsultationComment.objects.filter(status=ConsultationComment.Status.WITHHELD).count() == 1
    assert CatalogueEntry.objects.filter(page__in=[open_page, *groups[ConsultationState.REPORTED]]).count() == 2
    survey = Survey.objects.get()
    assert survey.results_public() and SurveyResponse.objects.count() == 60
    assert "<svg" in client.get(f"/interaction/surveys/{survey.pk}/").content.decode()
    counts = participation(timezone.localdate())[county.pk]
    assert counts["closed_without_feedback"] == 0 and counts["surveys_unpublished_results"] == 0


def test_the_demo_interviews_one_archived_one_announced_and_idempotent(client, county):
    from interaction.models import InterviewPage, InterviewQuestion, InterviewRecordEntry
    from interaction.models.interview import InterviewState

    first = seed_participation(county)
    assert (first.interviews, first.interview_questions, first.record_entries) == (2, 3, 8)
    again = seed_participation(county)
    assert (again.interviews, again.interview_questions, again.record_entries) == (0, 0, 0)
    states = {page.state(): page for page in InterviewPage.objects.live()}
    assert set(states) == {InterviewState.ARCHIVED, InterviewState.ANNOUNCED}
    archived = states[InterviewState.ARCHIVED]
    assert InterviewRecordEntry.objects.filter(interview=archived).count() == 8
    assert InterviewQuestion.objects.filter(status=InterviewQuestion.Status.WITHHELD).count() == 1
    entry = CatalogueEntry.objects.get(page=archived)
    assert entry.index_number and "一个工作日办结" in entry.body_text
    html = client.get(archived.url).content.decode()
    assert "文字实录" in html and "陈志强（县发展和改革局局长）" in html and "13800001111" not in html
    assert "<img" in html  # the guests' photos
    announced = client.get(states[InterviewState.ANNOUNCED].url).content.decode()
    assert "访谈预告" in announced and "我要提问" in announced
    assert participation(timezone.localdate())[county.pk]["interviews"] == 1
