"""The disclosure catalogue (政府信息公开目录): one record per published item, the spine of the site.

Pages own content; a ``CatalogueEntry`` owns the disclosure record. Everything that reads
across sites (search, feeds, exports, audit, reports) reads entries, never the page tree.
"""

from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.column_kinds import ColumnKind
from portal.taxonomy import DisclosureMode, Genre, Validity

from .fingerprint import text_fingerprint


class Topic(models.Model):
    """主题分类: the State Council's subject classification, kept as editable data."""

    name = models.CharField(_("名称"), max_length=60)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级分类"), null=True, blank=True, related_name="children", on_delete=models.PROTECT
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        ordering = ["parent_id", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="unique_topic_name_per_parent")]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        """Written as gov.cn writes it: 综合政务\\政务公开."""
        return f"{self.parent.name}\\{self.name}" if self.parent_id else self.name

    @property
    def top_level(self):
        return self.parent if self.parent_id else self


# 部门动态 / 乡镇动态: what counts as "news" from a sub-site.
NEWS_KINDS = (ColumnKind.HEADLINES, ColumnKind.NEWS, ColumnKind.NOTICES)
LISTING_FIELDS = (
    "title", "url", "site", "path", "display_date", "summary", "index_number", "column_kind", "column_title",
    "organisation_id",
)
LISTING_ORGANISATION_FIELDS = (
    "organisation__name", "organisation__short_name", "organisation__slug", "organisation__kind", "organisation__active",
)


class CatalogueEntryQuerySet(models.QuerySet):
    """Entries, and the cross-site listings the portal and sub-site homes show (read from the catalogue,
    never the page tree). Every listing is one query with a limit, so the number of queries never grows
    with the number of organisations or items. ``organisations`` (a dict of primary key to ``Organisation``,
    optional) are organisations the caller has loaded already: entries are labelled with them instead of
    joining the organisation again."""

    def public(self):
        return self.filter(status=CatalogueEntry.Status.LIVE)

    def withdrawn(self):
        return self.filter(status=CatalogueEntry.Status.WITHDRAWN)

    def _listed(self, organisations=None):
        entries = self.public().filter(organisation__active=True)
        if organisations is None:
            return entries.select_related("organisation").only(*LISTING_FIELDS, *LISTING_ORGANISATION_FIELDS)
        return entries.only(*LISTING_FIELDS)

    def _labelled(self, entries, organisations):
        """Attach already loaded organisations to entries, as select_related would, without the join."""
        entries = list(entries)
        if organisations is not None:
            field = self.model._meta.get_field("organisation")
            for entry in entries:
                field.set_cached_value(entry, organisations.get(entry.organisation_id))
        return entries

    def latest_for_organisation(self, organisation, column_kinds, limit, organisations=None):
        """The newest public entries of ``organisation`` in columns of ``column_kinds`` (list, newest first;
        [] without an organisation)."""
        if organisation is None:
            return []
        entries = self._listed(organisations).filter(organisation=organisation, column_kind__in=column_kinds)[:limit]
        return self._labelled(entries, organisations)

    def latest_by_kind_of_organisation(self, kind, limit, organisations=None):
        """部门动态 / 乡镇动态: newest news items from every department (or township) tree, each labelled (list)."""
        entries = self._listed(organisations).filter(organisation__kind=kind, column_kind__in=NEWS_KINDS)[:limit]
        return self._labelled(entries, organisations)

    def latest_guides(self, limit, organisations=None):
        """办事指南: the newest service guides of every active organisation (list)."""
        return self._labelled(self._listed(organisations).filter(genre=Genre.SERVICE_GUIDE)[:limit], organisations)

    def latest_per_column(self, column_ids, per_column):
        """The newest ``per_column`` public entries of each column in ``column_ids`` (page primary keys), in one
        query: a dict of column id to entries, newest first; a column without entries is absent."""
        ranked = (
            self.public()
            .filter(column__in=column_ids)
            .annotate(rank=Window(RowNumber(), partition_by=[F("column_id")],
                                  order_by=[F("display_date").desc(), F("pk").desc()]))
            .filter(rank__lte=per_column)
            .only("title", "url", "site", "path", "display_date", "column_id", "index_number", "organisation_id")
        )
        by_column = {}
        for entry in ranked:
            by_column.setdefault(entry.column_id, []).append(entry)
        for entries in by_column.values():
            entries.sort(key=lambda entry: entry.display_date, reverse=True)
        return by_column


class CatalogueEntry(models.Model):
    """One disclosure record (目录条目) for one published page, kept even after withdrawal."""

    class Status(models.TextChoices):
        LIVE = "live", _("已公开")
        WITHDRAWN = "withdrawn", _("已撤回")

    index_number = models.CharField(_("索引号"), max_length=64, unique=True, editable=False)
    index_year = models.PositiveSmallIntegerField(_("索引号年份"), editable=False)
    index_serial = models.PositiveIntegerField(_("索引号序号"), editable=False)
    # The organisation whose counter gave the number. It never changes, even when the page moves into
    # another organisation's tree (then ``organisation`` follows the page and this stays).
    index_organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("编号机构"), on_delete=models.PROTECT, related_name="+",
        editable=False, help_text=_("首次发布时给出索引号的机构；页面移入其他机构后不变。"),
    )

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_entry",
    )
    page_key = models.PositiveBigIntegerField(_("页面编号"), unique=True, editable=False,
                                              help_text=_("页面删除后仍保留的原页面编号。"))
    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="catalogue_entries"
    )
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("站点"), null=True, blank=True, on_delete=models.SET_NULL)
    column = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("栏目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    column_title = models.CharField(_("栏目名称"), max_length=255, blank=True)
    column_kind = models.CharField(_("栏目类型"), max_length=32, choices=ColumnKind.choices, blank=True, db_index=True)

    title = models.CharField(_("标题"), max_length=255)
    summary = models.TextField(_("摘要"), blank=True)
    body_text = models.TextField(_("正文文本"), blank=True)
    # Title and body normalised and hashed (``fingerprint.py``): equal for a republished old article (旧稿新发).
    fingerprint = models.CharField(_("内容指纹"), max_length=32, blank=True, editable=False)
    url = models.URLField(_("网址"), max_length=500)
    # The page's path inside its Site (Wagtail's url_parts[2]); links are made from site + path per request
    # (``disclosure/links.py``), so they stay right when a Site's hostname, port or scheme changes.
    path = models.CharField(_("站内路径"), max_length=500, blank=True, editable=False)
    genre = models.CharField(_("体裁"), max_length=32, choices=Genre.choices, default=Genre.OTHER, db_index=True)
    topic = models.ForeignKey(Topic, verbose_name=_("主题分类"), null=True, blank=True, on_delete=models.SET_NULL)
    document_number = models.CharField(_("文号"), max_length=100, blank=True, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    display_date = models.DateTimeField(_("发布日期"), help_text=_("向公众显示的发布日期。"))
    # The local-time year of display_date, stored so that browsing by year and counting per year use an index.
    display_year = models.PositiveSmallIntegerField(_("发布年份"), editable=False, db_index=True)
    validity = models.CharField(_("有效性"), max_length=16, choices=Validity.choices, default=Validity.VALID)
    is_normative = models.BooleanField(_("行政规范性文件"), default=False)
    normative_registration_number = models.CharField(_("登记号"), max_length=100, blank=True)
    repealed_on = models.DateField(_("废止或失效日期"), null=True, blank=True)
    disclosure_mode = models.CharField(
        _("公开属性"), max_length=16, choices=DisclosureMode.choices, default=DisclosureMode.PROACTIVE
    )
    confidentiality_reviewer = models.CharField(
        _("保密审查人"), max_length=150, blank=True, editable=False,
        help_text=_("发布（或审核通过、设定定时发布）这条信息的人员，条例第十七条。"),
    )
    confidentiality_reviewed_at = models.DateTimeField(_("保密审查时间"), null=True, blank=True, editable=False)
    keywords = models.CharField(_("主题词"), max_length=255, blank=True)
    statutory_item = models.ForeignKey(
        "disclosure.StatutoryItem", verbose_name=_("法定公开事项"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="entries",
    )

    # Recorded by the system, never editable: the audit's notion of "updated".
    first_published_at = models.DateTimeField(_("首次发布时间"), editable=False, db_index=True)
    last_updated_at = models.DateTimeField(_("最后更新时间"), editable=False, db_index=True)

    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.LIVE, db_index=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.CharField(_("撤回原因"), max_length=255, blank=True, editable=False)
    # When this record last changed in any way a mirror must follow (registered, updated or withdrawn):
    # the cursor of the harvesting API (``since``).
    changed_at = models.DateTimeField(_("记录变更时间"), editable=False, db_index=True)

    objects = CatalogueEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("目录条目")
        verbose_name_plural = _("政府信息公开目录")
        ordering = ["-display_date", "-pk"]
        constraints = [
            # Per numbering organisation: entries moved in from another organisation keep that one's serials,
            # so they never collide with (or block) the serials the receiving organisation goes on issuing.
            models.UniqueConstraint(
                fields=["index_organisation", "index_year", "index_serial"], name="unique_index_serial_per_issuer_year"
            )
        ]
        indexes = [
            # Newest first is "-display_date, -pk": ascending indexes ending in the key can be read backwards
            # for exactly that order, so a page of the catalogue never sorts the whole table.
            models.Index(fields=["status", "display_date", "id"], name="entry_status_date_id"),
            models.Index(fields=["organisation", "status", "display_date", "id"], name="entry_org_status_date_id"),
            models.Index(fields=["organisation", "column_kind", "first_published_at"], name="entry_org_kind_first"),
            # Facet counts of the browse page: one GROUP BY per facet, read from this index without the table.
            models.Index(
                fields=["status", "organisation", "display_year", "genre", "validity", "topic"], name="entry_facets"
            ),
            # The audit's one aggregate over the whole catalogue (last update per column, as of any date).
            models.Index(
                fields=["organisation", "column", "first_published_at", "withdrawn_at", "display_date"],
                name="entry_audit_cover",
            ),
            # 旧稿新发: copies of one organisation's earlier entries, found by one GROUP BY on this index.
            models.Index(fields=["organisation", "fingerprint", "first_published_at"], name="entry_org_fingerprint"),
            # 逾期公开 (条例 art. 26): the fifth of entries with a 成文日期, read by publication date without the table.
            models.Index(
                fields=["first_published_at", "written_date", "organisation", "statutory_item"],
                condition=models.Q(written_date__isnull=False), name="entry_written_first",
            ),
            # 政策文件未解读: the few 行政规范性文件, by publication date.
            models.Index(fields=["first_published_at"], condition=models.Q(is_normative=True), name="entry_normative_first"),
        ]

    def __str__(self):
        return f"{self.index_number} {self.title}"

    def save(self, *args, **kwargs):
        self.display_year = timezone.localtime(self.display_date).year
        self.fingerprint = text_fingerprint(self.title, self.body_text)
        if self.changed_at is None:
            self.changed_at = self.withdrawn_at or self.last_updated_at
        super().save(*args, **kwargs)

    @property
    def made_date(self):
        return made_date(self.written_date, self.display_date)

    @property
    def is_live(self):
        return self.status == self.Status.LIVE


def made_date(written_date, display_date):
    """生成日期 (条例 art. 12): the 成文日期 where the document has one, else the local day it was shown as published."""
    return written_date or timezone.localtime(display_date).date()


class IndexSerial(models.Model):
    """The last serial handed out per organisation per year; row-locked while assigning."""

    organisation = models.ForeignKey("departments.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("索引号序号")
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="unique_serial_counter")]
