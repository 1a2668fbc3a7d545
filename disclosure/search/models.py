"""Models of the county search: synonyms, editors' picks, the query log and the index queue."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .segmenter import normalise

_WORD_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


def normalise_query(text):
    """The form queries are compared and logged in: normalised, single-spaced, trimmed."""
    return " ".join(normalise(text).split())[:200]


class SynonymGroup(models.Model):
    """同义词: words that mean the same to citizens; a query for one also finds the others."""

    words = models.CharField(
        _("同义词"), max_length=255,
        help_text=_("用逗号、顿号或空格分隔，例如：社保，社会保险。搜索其中任何一个词时，也会查找其余的词。"),
    )
    active = models.BooleanField(_("启用"), default=True)

    panels = [FieldPanel("words"), FieldPanel("active")]

    class Meta:
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词")
        ordering = ["pk"]

    def __str__(self):
        return "、".join(self.word_list())

    def word_list(self):
        seen = []
        for word in _WORD_SEPARATORS.split(normalise(self.words)):
            if word and word not in seen:
                seen.append(word)
        return seen


class EditorsPick(models.Model):
    """推荐结果: an entry pinned at the top of the results for one query."""

    query = models.CharField(_("搜索词"), max_length=100, db_index=True,
                             help_text=_("访客输入这个搜索词时，置顶显示所选条目。"))
    entry = models.ForeignKey("disclosure.CatalogueEntry", verbose_name=_("推荐条目"), on_delete=models.CASCADE,
                              related_name="+")
    description = models.CharField(_("推荐说明"), max_length=255, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    panels = [FieldPanel("query"), FieldPanel("entry"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("推荐结果")
        verbose_name_plural = _("推荐结果")
        ordering = ["query", "sort_order", "pk"]

    def __str__(self):
        return f"{self.query} → {self.entry.title}"

    def save(self, *args, **kwargs):
        self.query = normalise_query(self.query)
        super().save(*args, **kwargs)


class SearchQueryLog(models.Model):
    """One search as asked: what, where, how many found, how long it took. No IP address, no user."""

    query = models.CharField(_("搜索词"), max_length=200, db_index=True)
    scope = models.CharField(_("范围"), max_length=40, blank=True, help_text=_("机构标识；空表示全县。"))
    result_count = models.PositiveIntegerField(_("结果数"))
    took_ms = models.PositiveIntegerField(_("用时（毫秒）"))
    used_fallback = models.BooleanField(_("数据库兜底"), default=False)
    searched_at = models.DateTimeField(_("搜索时间"), auto_now_add=True, db_index=True)
    # A keyed hash of the visitor's address and browser that changes every day (``hot_words.visitor_key``):
    # counts distinct visitors for the 热词 threshold without keeping anything that identifies a person.
    visitor = models.CharField(_("访客标识（每日更换的摘要）"), max_length=16, blank=True, editable=False)

    class Meta:
        verbose_name = _("搜索记录")
        verbose_name_plural = _("搜索记录")
        ordering = ["-searched_at"]
        indexes = [models.Index(fields=["result_count", "searched_at"], name="search_log_zero_recent")]

    def __str__(self):
        return self.query


class HotWordRule(models.Model):
    """The information office's say over 热词: block words, hidden terms and pinned terms."""

    class Kind(models.TextChoices):
        BLOCK = "block", _("屏蔽词（含有该词的搜索词都不显示）")
        HIDE = "hide", _("隐藏（只隐藏完全相同的搜索词）")
        PIN = "pin", _("置顶（始终显示在热词最前）")

    term = models.CharField(_("词语"), max_length=100)
    kind = models.CharField(_("处理方式"), max_length=8, choices=Kind.choices, default=Kind.BLOCK)
    sort_order = models.PositiveIntegerField(_("置顶顺序"), default=0, help_text=_("仅对置顶词有效，数字小的在前。"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    changed_at = models.DateTimeField(_("修改时间"), auto_now=True)

    panels = [FieldPanel("term"), FieldPanel("kind"), FieldPanel("sort_order"), FieldPanel("note")]

    class Meta:
        verbose_name = _("热词管理")
        verbose_name_plural = _("热词管理")
        ordering = ["kind", "sort_order", "term"]
        constraints = [models.UniqueConstraint(fields=["term", "kind"], name="unique_hot_word_rule")]

    def __str__(self):
        return f"{self.get_kind_display().split('（')[0]}：{self.term}"

    def save(self, *args, **kwargs):
        self.term = normalise_query(self.term)
        super().save(*args, **kwargs)


CATALOGUE_ENTRY_LABEL = "disclosure.catalogueentry"


class PendingIndexUpdate(models.Model):
    """An object whose search document must be rewritten or removed; the queue's durable to-do list.

    Written in the publishing transaction, so an index change is never lost, and deleted only
    once the index writer has committed it. ``model`` names the object's model as the index does
    (``"disclosure.catalogueentry"``, ``"interaction.letter"``, ``"departments.organisation"``);
    ``entry_id`` is its primary key.
    """

    model = models.CharField(_("对象类型"), max_length=100, default=CATALOGUE_ENTRY_LABEL)
    entry_id = models.BigIntegerField(_("对象编号"))
    queued_at = models.DateTimeField(_("排队时间"), db_index=True)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)

    class Meta:
        verbose_name = _("待更新索引")
        verbose_name_plural = _("待更新索引")
        ordering = ["queued_at"]
        constraints = [models.UniqueConstraint(fields=["model", "entry_id"], name="one_pending_update_per_object")]

    def __str__(self):
        return f"{self.model}.{self.entry_id}"
