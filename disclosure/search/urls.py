from django.urls import path

from .api import search_api
from .views import search_page

urlpatterns = [
    path("search/", search_page, name="search"),
    path("api/search/", search_api, name="search_api"),
]
