"""Background work of the content checks, run by the django-tasks worker (``manage.py db_worker``)."""

import logging

from django.apps import apps
from django_tasks import task

logger = logging.getLogger(__name__)


@task(priority=10)
def patrol_task():
    """The whole patrol, queued from the admin's button."""
    from .patrol import run_patrol

    summary = run_patrol()
    return {"pages": summary.pages, "opened": summary.opened, "resolved": summary.resolved}


@task(priority=20)
def check_published_pages(page_ids):
    """Check pages that were just published (with external links where switched on) and store their findings."""
    from . import external_links
    from .patrol import _organisations_by_home_path, organisation_for
    from .runner import check_page
    from .store import record_page_findings

    Page = apps.get_model("wagtailcore", "Page")
    by_home_path = _organisations_by_home_path()
    for page in Page.objects.live().public().filter(pk__in=page_ids).specific():
        results = check_page(page, external=external_links.enabled())
        record_page_findings(page, results, organisation=organisation_for(page.path, by_home_path))
