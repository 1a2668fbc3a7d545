from django.urls import path

from . import views

app_name = "disclosure_applications"

urlpatterns = [
    path("", views.organisation_list, name="index"),
    path("status/", views.status, name="status"),
    path("status/correction/", views.upload_correction, name="upload_correction"),
    path("status/notices/<int:notice_pk>/", views.download_notice, name="download_notice"),
    path("status/reply-letter/", views.download_reply_letter, name="download_reply_letter"),
    path("<slug:org_slug>/", views.apply, name="apply"),
    path("<slug:org_slug>/submitted/", views.receipt, name="receipt"),
]
