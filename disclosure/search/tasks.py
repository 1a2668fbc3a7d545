"""The search index task, run by the django-tasks worker (``manage.py db_worker``)."""

import logging

from django_tasks import task

from . import queue

logger = logging.getLogger(__name__)


@task(priority=50)
def process_index_updates():
    """Write every pending index change; on failure keep them and ask to be run again later."""
    try:
        return queue.process_all()
    except Exception as error:
        from ..models import PendingIndexUpdate

        attempts = PendingIndexUpdate.objects.order_by("-attempts").values_list("attempts", flat=True).first() or 1
        delay = queue.retry_delay(attempts - 1)
        logger.warning("Search index update failed (%r); retrying in %s s.", error, delay)
        queue.request_processing(delay_seconds=delay)
        raise
