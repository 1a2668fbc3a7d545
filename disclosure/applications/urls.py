from django.urls import path

from . import views

app_name = "disclosure_applications"

urlpatterns = [
    path("", views.organisation_list, name="index"),
    path("status/", views.status, name="status"),
    path("<slug:org_slug>/", views.apply, name="apply"),
    path("<slug:org_slug>/submitted/", views.receipt, name="receipt"),
]
