"""Seams out of this app: an organisation's searchable fields (名称, 职能, 地址, 电话) or its home page's
publication changed, so it is announced on the catalogue's change signal for the county search to re-read
(``departments/search_indexes.py``). The search queue decides after commit whether it is (re)indexed or removed.
"""

from django.db.models.signals import post_save
from wagtail.signals import page_published, page_unpublished


def announce_organisations(organisation_ids):
    """Announce ``organisation_ids`` (primary keys) as changed, with ``sender=Organisation``."""
    from disclosure.catalogue.signals import ChangeKind, announce

    from .models import Organisation

    return announce(organisation_ids, ChangeKind.BULK, sender=Organisation)


def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    announce_organisations([instance.pk])


def home_page_publication_changed(sender, instance, **kwargs):
    """A sub-site home page was published or unpublished: its organisation is findable only while it is live."""
    from .models import Organisation

    announce_organisations(Organisation.objects.filter(home_page_id=instance.pk).values_list("pk", flat=True))


def register_signal_handlers():
    from portal.models import DepartmentHomePage

    from .models import Organisation

    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="departments-organisation-search")
    page_published.connect(home_page_publication_changed, sender=DepartmentHomePage,
                           dispatch_uid="departments-home-published-search")
    page_unpublished.connect(home_page_publication_changed, sender=DepartmentHomePage,
                             dispatch_uid="departments-home-unpublished-search")
