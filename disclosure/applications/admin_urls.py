from django.urls import path

from disclosure.applications.access import forbidden_as_403

from . import admin_views

app_name = "disclosure_applications_admin"

urlpatterns = [
    path("", forbidden_as_403(admin_views.index), name="index"),
    path("<int:pk>/", forbidden_as_403(admin_views.detail), name="detail"),
    path("<int:pk>/reply-letter/", forbidden_as_403(admin_views.reply_letter), name="reply_letter"),
    path("<int:pk>/consultations/<int:consultation_pk>/end/", forbidden_as_403(admin_views.end_consultation), name="end_consultation"),
    path("<int:pk>/<slug:name>/", forbidden_as_403(admin_views.action), name="action"),
]
