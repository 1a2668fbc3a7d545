from django.urls import path

from . import views

app_name = "interaction"

urlpatterns = [
    path("", views.mailbox_index, name="index"),
    path("lookup/", views.lookup, name="lookup"),
    path("submitted/<str:token>/", views.submitted, name="submitted"),
    path("mailbox/<slug:slug>/", views.mailbox_detail, name="mailbox"),
    path("mailbox/<slug:slug>/write/", views.write_letter, name="write"),
    path("mailbox/<slug:slug>/statistics/", views.mailbox_statistics, name="statistics"),
    path("mailbox/<slug:slug>/letters/<int:pk>/", views.public_letter, name="letter"),
]
