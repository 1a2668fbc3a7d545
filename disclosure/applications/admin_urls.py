from django.urls import path

from disclosure.applications.access import forbidden_as_403

from . import admin_views

app_name = "disclosure_applications_admin"

urlpatterns = [
    path("", forbidden_as_403(admin_views.index), name="index"),
    path("repeated/", forbidden_as_403(admin_views.repeated), name="repeated"),
    path("register/", forbidden_as_403(admin_views.register), name="register"),
    path("<int:pk>/", forbidden_as_403(admin_views.detail), name="detail"),
    path("<int:pk>/evidence/", forbidden_as_403(admin_views.receipt_evidence), name="receipt_evidence"),
    path("<int:pk>/corrections/<int:submission_pk>/", forbidden_as_403(admin_views.correction_attachment),
         name="correction_attachment"),
    path("<int:pk>/reasons/<int:request_pk>/", forbidden_as_403(admin_views.record_reasons), name="record_reasons"),
    path("<int:pk>/fees/<int:fee_pk>/paid/", forbidden_as_403(admin_views.record_payment), name="record_payment"),
    path("<int:pk>/notices/<int:notice_pk>/", forbidden_as_403(admin_views.notice_detail), name="notice"),
    path("<int:pk>/notices/<int:notice_pk>/docx/", forbidden_as_403(admin_views.notice_document),
         name="notice_document"),
    path("<int:pk>/notices/<int:notice_pk>/delivery/", forbidden_as_403(admin_views.record_delivery),
         name="record_delivery"),
    path("<int:pk>/reply-letter/", forbidden_as_403(admin_views.reply_letter), name="reply_letter"),
    path("<int:pk>/consultations/<int:consultation_pk>/end/", forbidden_as_403(admin_views.end_consultation), name="end_consultation"),
    path("<int:pk>/<slug:name>/", forbidden_as_403(admin_views.action), name="action"),
]
