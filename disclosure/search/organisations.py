"""Organisations (机构) in the county search, as kind 机构 (``organisation``): 机构职能, 机构设置, 地址, 电话.

An organisation is found while it is active and its sub-site home page (which shows these fields to
citizens) is live; the result links there. ``OrganisationIndex`` is listed in ``disclosure/search_indexes.py``,
where haystack discovers the indexes. A change to the organisation or to its home page's publication is
announced on ``catalogue_changed`` with ``sender=Organisation`` (handlers below, connected in
``DisclosureConfig.ready``) and reaches the index through the search queue, which decides after commit whether
it is (re)indexed or removed. The organisations' app knows nothing of search.
"""

from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from haystack import indexes
from wagtail.rich_text import get_text_for_indexing
from wagtail.signals import page_published, page_unpublished

from departments.models import Organisation
from portal.models import DepartmentHomePage

from ..catalogue.signals import ChangeKind, announce
from ..personal_data import mask_personal_data
from .documents import CountySearchIndex
from .kinds import ResultKind


def contact_line(organisation):
    """办公地址、联系电话、传真、办公时间 as one line of text ("" when none is filled in)."""
    pairs = [(_("办公地址"), organisation.address), (_("联系电话"), organisation.phone), (_("传真"), organisation.fax),
             (_("办公时间"), organisation.office_hours)]
    return "；".join(f"{label}：{value}" for label, value in pairs if value)


class OrganisationIndex(CountySearchIndex, indexes.Indexable):
    def get_model(self):
        return Organisation

    def index_queryset(self, using=None):
        """Active organisations whose home page is live (so the result's link works for everyone)."""
        return (Organisation.objects.active().filter(home_page__live=True, home_page__view_restrictions__isnull=True)
                .select_related("home_page").order_by("pk"))

    def read_queryset(self, using=None):
        return self.index_queryset(using)

    def prepare_text(self, organisation):
        parts = [organisation.name, organisation.short_name, contact_line(organisation),
                 get_text_for_indexing(organisation.responsibilities or ""), organisation.internal_structure]
        return mask_personal_data("\n".join(part for part in parts if part))

    def prepare_title(self, organisation):
        return organisation.name

    def prepare_kind(self, organisation):
        return ResultKind.ORGANISATION.value

    def prepare_organisation(self, organisation):
        return organisation.slug

    def prepare_year(self, organisation):
        return ""

    def prepare_published_at(self, organisation):
        page = organisation.home_page
        return page.last_published_at or page.first_published_at or timezone.now()

    def result_rows(self, pks):
        """Organisations among ``pks`` still findable, linked to their home page on its own Site."""
        date_label = _("更新日期")
        rows = {}
        for organisation in self.index_queryset().filter(pk__in=pks).order_by():  # by key, not an ordered scan
            page = organisation.home_page
            site_id, root_url, path = page.get_url_parts() or (None, "", "")
            rows[organisation.pk] = {
                "pk": organisation.pk, "title": organisation.name, "summary": mask_personal_data(contact_line(organisation)),
                "body_text": mask_personal_data("\n".join(filter(None, [
                    get_text_for_indexing(organisation.responsibilities or ""), organisation.internal_structure]))),
                "url": (root_url or "") + (path or ""), "site_id": site_id, "path": path, "index_number": "",
                "document_number": "", "genre": "", "topic_id": None, "display_date": self.prepare_published_at(organisation),
                "organisation_id": organisation.pk, "kind": ResultKind.ORGANISATION.value, "date_label": date_label,
            }
        return rows


def announce_organisations(organisation_ids):
    """Announce ``organisation_ids`` (primary keys) as changed, with ``sender=Organisation``."""
    return announce(organisation_ids, ChangeKind.BULK, sender=Organisation)


def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    announce_organisations([instance.pk])


def home_page_publication_changed(sender, instance, **kwargs):
    """A sub-site home page was published or unpublished: its organisation is findable only while it is live."""
    announce_organisations(Organisation.objects.filter(home_page_id=instance.pk).values_list("pk", flat=True))


def register_signal_handlers():
    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="departments-organisation-search")
    page_published.connect(home_page_publication_changed, sender=DepartmentHomePage,
                           dispatch_uid="departments-home-published-search")
    page_unpublished.connect(home_page_publication_changed, sender=DepartmentHomePage,
                             dispatch_uid="departments-home-unpublished-search")
