"""Public addresses of the disclosure catalogue (documented in the README)."""

from django.urls import path, register_converter

from . import api, exports, feeds, sitemaps, statutory_views, views
from .converters import OrganisationSlugConverter

register_converter(OrganisationSlugConverter, "orgslug")

app_name = "disclosure"

urlpatterns = [
    path("disclosure/", views.catalogue_index, name="index"),
    path("disclosure/export.csv", exports.export_csv, name="export-csv"),
    path("disclosure/export.xlsx", exports.export_xlsx, name="export-xlsx"),
    path("disclosure/export.json", exports.export_json, name="export-json"),
    path("disclosure/feed/", feeds.CatalogueFeed(), name="feed"),
    path("disclosure/item/<path:index_number>/", views.resolve_index_number, name="item"),
    path("disclosure/<orgslug:org_slug>/", views.organisation_catalogue, name="organisation"),
    path("disclosure/<orgslug:org_slug>/feed/", feeds.OrganisationFeed(), name="organisation-feed"),
    path("disclosure/<orgslug:org_slug>/rules/", statutory_views.disclosure_rules, name="organisation-rules"),
    path("disclosure/<orgslug:org_slug>/statutory/", statutory_views.statutory_items, name="organisation-statutory"),
    path("api/catalogue/", api.catalogue, name="api"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
]
