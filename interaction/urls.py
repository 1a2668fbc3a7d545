from django.urls import path

from . import views
from .consultations import views as consultations
from .interviews import views as interviews
from .surveys import views as surveys

app_name = "interaction"

urlpatterns = [
    path("", views.mailbox_index, name="index"),
    path("lookup/", views.lookup, name="lookup"),
    path("submitted/<str:token>/", views.submitted, name="submitted"),
    path("mailbox/<slug:slug>/", views.mailbox_detail, name="mailbox"),
    path("mailbox/<slug:slug>/write/", views.write_letter, name="write"),
    path("mailbox/<slug:slug>/statistics/", views.mailbox_statistics, name="statistics"),
    path("mailbox/<slug:slug>/letters/<int:pk>/", views.public_letter, name="letter"),
    path("consultations/", consultations.consultation_index, name="consultations"),
    path("consultations/org/<slug:slug>/", consultations.consultation_index, name="organisation_consultations"),
    path("consultations/<int:pk>/comment/", consultations.write_comment, name="consultation_comment"),
    path("consultations/<int:pk>/comment/submitted/", consultations.comment_submitted,
         name="consultation_comment_submitted"),
    path("interviews/", interviews.interview_index, name="interviews"),
    path("interviews/<int:pk>/ask/", interviews.ask_question, name="interview_question"),
    path("interviews/<int:pk>/ask/submitted/", interviews.question_submitted, name="interview_question_submitted"),
    path("interviews/<int:pk>/live.json", interviews.live_poll, name="interview_live"),
    path("surveys/", surveys.survey_index, name="surveys"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey"),
    path("surveys/<int:pk>/thanks/", surveys.survey_thanks, name="survey_thanks"),
]
