from .base import BasePage, DisclosedPage
from .columns import ColumnPage
from .content import ArticlePage, PolicyDocumentPage, PolicyInterpretationPage
from .guides import ServiceGuidePage
from .home import PortalHomePage
from .organisation_pages import DepartmentHomePage, OrganisationIndexPage
from .related import RelatedItem
from .site_settings import SiteIdentity
from .view_counts import PageViewCount, PageViewDay

__all__ = [
    "ArticlePage",
    "BasePage",
    "ColumnPage",
    "DepartmentHomePage",
    "OrganisationIndexPage",
    "PageViewCount",
    "PageViewDay",
    "DisclosedPage",
    "PolicyDocumentPage",
    "PolicyInterpretationPage",
    "PortalHomePage",
    "RelatedItem",
    "ServiceGuidePage",
    "SiteIdentity",
]
