from django.urls import path

from disclosure.applications.access import forbidden_as_403

from . import admin_views

app_name = "disclosure_reports_admin"

urlpatterns = [
    path("", forbidden_as_403(admin_views.index), name="index"),
    path("<int:pk>/", forbidden_as_403(admin_views.edit), name="edit"),
    path("<int:pk>/derive/", forbidden_as_403(admin_views.derive), name="derive"),
    path("<int:pk>/publish/", forbidden_as_403(admin_views.publish), name="publish"),
    path("<int:pk>/xlsx/", forbidden_as_403(admin_views.download_xlsx), name="xlsx"),
]
