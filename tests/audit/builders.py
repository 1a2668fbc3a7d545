"""Builders for audit tests: publish real pages at chosen moments, so the catalogue records them as the system would."""

import time_machine

from disclosure.catalogue.registration import withdraw_page
from tests.factories import article, column


def published_at(moment, organisation, kind, title="全县召开安全生产工作会议", display_date=None):
    """Publish an article in ``organisation``'s column of ``kind`` with the clock at ``moment``."""
    with time_machine.travel(moment, tick=False):
        fields = {"display_date": display_date} if display_date is not None else {}
        return article(column(organisation, kind), title=title, **fields)


def withdrawn_at(moment, page):
    with time_machine.travel(moment, tick=False):
        page.unpublish()
    return page


def withdraw_directly(moment, page):
    with time_machine.travel(moment, tick=False):
        withdraw_page(page.pk, "test")


def bulk_entry(**fields):
    """An unsaved ``CatalogueEntry`` for ``bulk_create``, with the fields its ``save()`` would derive filled in."""
    from django.utils import timezone

    from disclosure.models import CatalogueEntry

    entry = CatalogueEntry(**fields)
    names = {field.name for field in CatalogueEntry._meta.get_fields()}
    if "display_year" in names:
        entry.display_year = timezone.localtime(entry.display_date).year
    if "index_organisation" in names and entry.index_organisation_id is None:
        entry.index_organisation_id = entry.organisation_id
    if "changed_at" in names and entry.changed_at is None:
        entry.changed_at = entry.withdrawn_at or entry.last_updated_at
    return entry
