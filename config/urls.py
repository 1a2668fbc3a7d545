from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.health, name="health"),
    path("preferences/", views.set_reading_preferences, name="reading_preferences"),
    path("wzdt/", views.site_map_page, name="site_map"),
    path("accessibility/", views.accessibility_statement, name="accessibility_statement"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Each app's public URLs; the Wagtail page tree catches everything else (last).
    path("", include("disclosure.catalogue.urls")),
    path("", include("disclosure.search.urls")),
    path("disclosure/apply/", include("disclosure.applications.urls")),
    path("interaction/", include("interaction.urls")),
]

if settings.DEBUG:
    # The development server serves public media (images) only: documents go through Wagtail's serve view,
    # which checks collection privacy, and private files have no URL at all (security/private_files.py).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>(?:{'|'.join(settings.PUBLIC_MEDIA_DIRS)})/.*)$", serve,
                {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
