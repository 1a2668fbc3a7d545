from django.urls import path

from . import admin_views

app_name = "interaction_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/assign/", admin_views.assign, name="assign"),
    path("<int:pk>/forward/", admin_views.forward, name="forward"),
    path("<int:pk>/reply/", admin_views.reply, name="reply"),
    path("<int:pk>/publication/", admin_views.publication, name="publication"),
]
