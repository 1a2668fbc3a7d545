"""What every page shares: listing summary, breadcrumbs, meta tags and the disclosure hook."""

import logging

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Page

from departments.models import Organisation
from portal import item_slugs, publication_checks
from portal.column_kinds import META_COLUMN_TYPE
from portal.signals import disclosed_page_published
from portal.taxonomy import DisclosureMode, Genre, Validity

logger = logging.getLogger(__name__)


def catalogue_entries():
    """``CatalogueEntry.objects``: the catalogue sits above the pages, so pages name its model by string
    (``disclosure.CatalogueEntry``), never by import (docs/architecture.md)."""
    return apps.get_model("disclosure", "CatalogueEntry").objects


class BasePage(Page):
    """Abstract base of every page type in every tree."""

    is_disclosed = False  # pages that carry a catalogue entry set this to True
    show_in_menus_default = True
    in_site_map = False  # structure pages (homes, directories, columns) are listed on 网站地图
    base_form_class = publication_checks.PageForm
    settings_panels = [*Page.settings_panels, FieldPanel("publication_override_reason")]

    class Meta:
        abstract = True

    def publish(self, revision, *args, **kwargs):
        """Every path to live passes the registered pre-publication checks (``portal.publication_checks``);
        publishing and registering the catalogue entry then happen in one transaction."""
        user = kwargs.get("user", args[0] if args else None)
        version = revision.as_object()  # deserialised once for every check
        try:
            self.refuse_publication(version)
            publication_checks.before_publish(self, revision, user, version)
        except publication_checks.PublicationRefused as refusal:
            if user is not None:
                raise
            logger.warning("Scheduled publication of page %s refused: %s", self.pk, refusal)
            return None
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    def refuse_publication(self, version):
        """Raise ``publication_checks.PublicationRefused`` when ``version`` (this page as it would go live)
        must not be published. None of the base pages forbid it."""

    @transaction.atomic
    def unpublish(self, *args, **kwargs):
        return super().unpublish(*args, **kwargs)

    def route(self, request, path_components):
        """Find the page at the end of ``path_components`` in one query instead of one per URL segment.

        Wagtail walks the tree slug by slug; a five-level article URL costs ten queries. Every page
        type here routes like Wagtail's default on the way down (the only routable pages are leaves),
        so the descendant whose ``url_path`` equals the requested path is the page Wagtail would find.
        It still routes itself (a routable page's own index view, the live check). Anything not found
        this way, such as a routable page's sub-path, falls back to Wagtail's walk.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            match = (
                Page.objects.filter(
                    path__startswith=self.path, depth=self.depth + len(path_components), slug=path_components[-1]
                )
                .filter(url_path=url_path)
                .first()
            )
            if match is not None:
                return match.specific.route(request, [])
        return super().route(request, path_components)

    def get_template(self, request, *args, **kwargs):
        """Templates live in templates/pages/<app>/<model>.html."""
        return f"pages/{self._meta.app_label}/{camelcase_to_underscore(type(self).__name__)}.html"

    @cached_property
    def organisation(self):
        """The organisation whose tree holds this page (the county for the portal's own pages)."""
        return Organisation.objects.select_related("home_page").for_page(self)

    @cached_property
    def column(self):
        """The nearest ColumnPage above this page, or None (``portal.ColumnPage`` by name: it is a page type
        built on this module)."""
        return apps.get_model("portal", "ColumnPage").objects.filter(path__in=self.ancestor_paths).order_by("-depth").first()

    @property
    def ancestor_paths(self):
        steplen = self.steplen
        return [self.path[:i] for i in range(steplen, len(self.path) + 1, steplen)]

    def get_breadcrumbs(self):
        """Ancestors below the tree root, for 当前位置: titles and URLs only, so plain pages (one query)."""
        return list(
            Page.objects.filter(path__in=self.ancestor_paths[1:-1], depth__gt=1)
            .only("id", "path", "depth", "title", "url_path", "slug", "live", "locale_id", "content_type_id")
            .order_by("depth")
        )

    def meta_tags(self, request=None):
        """Government-website meta tags (政府网站发展指引) beyond the site-wide ones."""
        column = self.column
        tags = {}
        if column is not None:
            tags["ColumnName"] = column.title
            tags["ColumnType"] = META_COLUMN_TYPE.get(column.kind, "工作动态")
            if column.description:
                tags["ColumnDescription"] = column.description
        return tags


class DisclosedPageForm(publication_checks.PageForm):
    """公开属性 left out of a post (an older form, a script) is the model's default, 主动公开, not an error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "disclosure_mode" in self.fields:
            self.fields["disclosure_mode"].required = False

    def clean_disclosure_mode(self):
        return self.cleaned_data.get("disclosure_mode") or DisclosureMode.PROACTIVE


class ItemPageForm(item_slugs.ItemSlugFormMixin, DisclosedPageForm):
    """Admin form of every content item: the page form plus the item address rules (``portal.item_slugs``).

    A submission without the 相关链接 panel's data (a client or script that predates the panel) keeps the
    item's related links as they are, as Wagtail does for a missing comments formset, instead of failing
    on the formset's missing management form.
    """

    RELATED = "related_items"

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and f"{self.RELATED}-TOTAL_FORMS" not in data:
            data = data.copy()
            instance = kwargs.get("instance")
            items = list(instance.related_items.all()) if instance is not None and instance.pk else []
            data.update({f"{self.RELATED}-TOTAL_FORMS": str(len(items)), f"{self.RELATED}-INITIAL_FORMS": str(len(items))})
            for number, item in enumerate(items):
                data.update({f"{self.RELATED}-{number}-id": str(item.pk), f"{self.RELATED}-{number}-target": str(item.target_id),
                             f"{self.RELATED}-{number}-ORDER": str(number + 1)})
        super().__init__(data, *args, **kwargs)


class DisclosedPage(BasePage):
    """A content page that is disclosed: it gets a catalogue entry and the metadata block."""

    base_form_class = ItemPageForm
    # The title does not fill in the address: a Chinese title would make a percent-encoded URL.
    content_panels = [TitleFieldPanel("title", targets=[])]

    is_disclosed = True
    default_genre = Genre.OTHER
    genre_editable = True

    summary = models.TextField(_("摘要"), blank=True, help_text=_("列表和搜索结果中显示的简介，不填则自动截取正文。"))
    # Empty unless the editor sets it deliberately (e.g. migrating an old item): an empty 发布日期 shows the
    # moment the item first went live (approval, scheduled go-live, a published copy), never the moment the
    # draft form was opened. See ``effective_display_date``.
    display_date = models.DateTimeField(
        _("发布日期"),
        null=True,
        blank=True,
        help_text=_("一般留空：首次发布（审核通过、定时发布或复制并发布）时自动取发布时刻。"
                    "只有迁移旧信息等确需指定时才填写；填写的日期与实际发布时间相差超过一天会被审计列为可疑日期。"),
    )
    topic = models.ForeignKey(
        "disclosure.Topic",
        verbose_name=_("主题分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    genre = models.CharField(_("体裁"), max_length=32, choices=Genre.choices, blank=True)
    keywords = models.CharField(_("主题词"), max_length=255, blank=True, help_text=_("多个主题词用空格分隔。"))
    statutory_item = models.ForeignKey(
        "disclosure.StatutoryItem",
        verbose_name=_("法定公开事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("本信息属于哪一项法定主动公开内容。栏目只对应一个事项时可不选，系统自动归入。"),
    )
    # 保密审查 (条例 art. 17): the reviewer decides the 公开属性 before anything is published; only 主动公开 goes live.
    disclosure_mode = models.CharField(
        _("公开属性"), max_length=16, choices=DisclosureMode.choices, default=DisclosureMode.PROACTIVE,
        help_text=_("保密审查后确定。只有“主动公开”的信息可以在网站发布；依申请公开、不予公开的只保存审查记录。"),
    )
    withholding_reason = models.CharField(
        _("不予主动公开的理由和依据"), max_length=255, blank=True,
        help_text=_("公开属性不是“主动公开”时必填，写明理由和条款，如：涉及个人隐私，依据《政府信息公开条例》第十五条。"),
    )

    disclosure_panels = [
        MultiFieldPanel(
            [
                FieldPanel("display_date"),
                FieldPanel("topic"),
                FieldPanel("genre"),
                FieldPanel("keywords"),
                FieldPanel("statutory_item"),
            ],
            heading=_("公开目录信息"),
        ),
        InlinePanel("related_items", heading=_("相关链接"), label=_("相关信息"), max_num=10,
                    help_text=_("选择与本信息相关的其他信息，显示在正文下方。政策文件与其解读会自动互相链接，无需再选。")),
        MultiFieldPanel(
            [FieldPanel("disclosure_mode"), FieldPanel("withholding_reason")],
            heading=_("保密审查与公开属性"),
            help_text=_("发布（或审核通过）即确认已按《政府信息公开条例》第十七条完成保密审查，系统记录审查人和时间。"),
        ),
    ]

    class Meta:
        abstract = True

    def get_genre(self):
        return self.genre or self.default_genre

    def _set_core_field_defaults(self):
        """A new item without an ASCII address gets ``tYYYYMMDD_NNNN`` (``portal.item_slugs``) once its
        column is known; Wagtail would otherwise make a percent-encoded address from a Chinese title."""
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if parent_is_known and not self.pk and not item_slugs.is_ascii_slug(self.slug):
            self.slug = item_slugs.next_item_slug(self.get_parent(), self)
        super()._set_core_field_defaults()

    def clean(self):
        super().clean()
        if self.disclosure_mode != DisclosureMode.PROACTIVE and not self.withholding_reason.strip():
            raise ValidationError({"withholding_reason": _("公开属性为依申请公开或不予公开时，请写明理由和依据条款。")})

    def refuse_publication(self, version):
        """Only 主动公开 items go live (条例 art. 19–20); ``version``'s decision counts, not the live page's."""
        mode = version.disclosure_mode
        if mode != DisclosureMode.PROACTIVE:
            raise publication_checks.PublicationRefused(
                [_("公开属性为“%(mode)s”的信息不在网站发布；如经保密审查可以主动公开，请先修改公开属性。")
                 % {"mode": DisclosureMode(mode).label}], page_id=self.pk)

    def publish(self, revision, *args, **kwargs):
        """Publishing is the confidentiality review's sign-off: who published (or scheduled) it is recorded
        (``portal.signals.disclosed_page_published``, which the catalogue's review listens to)."""
        result = super().publish(revision, *args, **kwargs)
        disclosed_page_published.send(sender=type(self), page_id=self.pk, revision=revision,
                                      user=kwargs.get("user", args[0] if args else None))
        return result

    @property
    def effective_display_date(self):
        """发布日期 as citizens see it: the editor's date if set, else when the page first went live.

        Before the first publication (a preview) it is the current time. Source: 政府网站发展指引 (国办发〔2017〕47号)
        and the inspection's 伪造发稿日期 rule - the date shown is the date the item became public.
        """
        return self.display_date or self.first_published_at or timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_catalogue_entry()
        return context

    def prefetch_catalogue_entry(self):
        """Load ``page.catalogue_entry`` with what the metadata block shows (publisher, topic) in one query."""
        entry = (
            catalogue_entries().select_related("organisation", "topic", "topic__parent").filter(page=self).first()
        )
        Page._meta.get_field("catalogue_entry").set_cached_value(self, entry)
        return entry

    def body_text(self):
        """Plain text of the body, for the catalogue and search."""
        body = getattr(self, "body", None)
        if body is None:
            return ""
        return stream_text(body)

    def get_summary(self, length=120):
        if self.summary:
            return self.summary
        text = self.body_text()
        return text[:length] + ("…" if len(text) > length else "")

    def catalogue_metadata(self):
        """What this page contributes to its catalogue entry (the catalogue reads nothing else)."""
        return {
            "title": self.title,
            "summary": self.get_summary(),
            "body_text": self.body_text(),
            "genre": self.get_genre(),
            "topic_id": self.topic_id,
            "document_number": getattr(self, "document_number", ""),
            "written_date": getattr(self, "written_date", None),
            "display_date": self.effective_display_date,
            "validity": getattr(self, "validity", Validity.VALID),
            "keywords": self.keywords,
            "statutory_item_id": self.statutory_item_id,
        }

    def meta_tags(self, request=None):
        tags = super().meta_tags(request)
        tags["ArticleTitle"] = self.title
        tags["PubDate"] = timezone.localtime(self.effective_display_date).strftime("%Y-%m-%d %H:%M")
        tags["ContentSource"] = getattr(self, "source", "") or (self.organisation.name if self.organisation else "")
        if self.keywords:
            tags["Keywords"] = self.keywords
        tags["Description"] = self.get_summary(80)
        if getattr(self, "author", ""):
            tags["Author"] = self.author
        return tags


def stream_text(stream_value):
    """Flatten a StreamField value to plain text, block by block."""
    parts = []
    for block in stream_value:
        value = block.value
        if block.block_type == "table":
            rows = value.get("data", []) if isinstance(value, dict) else []
            parts.extend(str(cell) for row in rows or [] for cell in row if cell)
        elif hasattr(value, "source"):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(strip_tags(value))
        elif hasattr(value, "get"):  # StructValue
            for item in value.values():
                if hasattr(item, "source"):
                    parts.append(strip_tags(item.source))
                elif isinstance(item, str):
                    parts.append(item)
    return " ".join(" ".join(parts).split())
