"""意见征集: a consultation on a draft (a disclosed page), the comments citizens send, and the feedback report.

A consultation is a page so that it is reviewed through the organisation's workflow, catalogued
(genre 通知, index number) and found by search like every other disclosed item; its feedback report
(意见采纳情况, genre 报告) is its only child page and is catalogued in its own right. Comments hold
personal data: they are never indexed or catalogued, and published ones show masked text only.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from portal.blocks import AttachmentListBlock
from portal.models.base import DisclosedPage, ItemPageForm
from portal.taxonomy import Genre

from .moderated import ModeratedSubmission


class ConsultationState:
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"  # closed, feedback report not yet published
    REPORTED = "reported"
    LABELS = {UPCOMING: _("未开始"), OPEN: _("征集中"), CLOSED: _("已结束（待反馈）"), REPORTED: _("已反馈")}


class ConsultationPage(DisclosedPage):
    """One consultation on a draft (征求意见稿): what is proposed, why, on what legal basis, and until when."""

    default_genre = Genre.NOTICE

    explanation = RichTextField(_("起草说明"), help_text=_("为什么制定、主要内容和需要重点征求意见的问题。"))
    legal_basis = models.TextField(_("制定依据"), help_text=_("法律、法规、规章或上级文件的名称和条款。"))
    attachments = StreamField(AttachmentListBlock(), verbose_name=_("征求意见稿及附件"), blank=True)
    opens_at = models.DateTimeField(_("征集开始时间"))
    closes_at = models.DateTimeField(_("征集截止时间"))
    contact = models.CharField(_("联系方式"), max_length=200, blank=True,
                               help_text=_("也可通过信函、电子邮件提交意见的地址，可留空。"))

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("explanation"),
        FieldPanel("legal_basis"),
        FieldPanel("attachments"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("contact")],
                        heading=_("征集时间")),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types = ["interaction.ConsultationFeedbackPage"]
    page_description = _("意见征集：公开征求对政策文件草案等的意见，截止后须发布意见采纳情况。")

    class Meta:
        verbose_name = _("意见征集")
        verbose_name_plural = _("意见征集")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("截止时间须晚于开始时间。")})

    def body_text(self):
        from django.utils.html import strip_tags

        return " ".join(f"{strip_tags(self.explanation or '')} {self.legal_basis}".split())

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def state(self, now=None, reported=None):
        """One of ``ConsultationState``; ``reported`` may be passed when already known (lists)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return ConsultationState.UPCOMING
        if now < self.closes_at:
            return ConsultationState.OPEN
        if reported is None:
            reported = self.feedback_page is not None
        return ConsultationState.REPORTED if reported else ConsultationState.CLOSED

    def state_label(self):
        return ConsultationState.LABELS[self.state()]

    @cached_property
    def feedback_page(self):
        return ConsultationFeedbackPage.objects.child_of(self).live().public().first()

    def published_comments(self):
        return self.citizen_comments.filter(status=ConsultationComment.Status.PUBLISHED).order_by("submitted_at", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["comments"] = self.published_comments()
        context["feedback_page"] = self.feedback_page
        context["consultation_state"] = self.state()
        return context


DECISIONS = [("adopted", _("采纳")), ("partly", _("部分采纳")), ("not_adopted", _("未采纳"))]


class FeedbackItemBlock(blocks.StructBlock):
    opinion = blocks.TextBlock(label=_("意见摘要"))
    decision = blocks.ChoiceBlock(choices=DECISIONS, label=_("采纳情况"))
    reason = blocks.TextBlock(label=_("理由"), required=False, help_text=_("未采纳或部分采纳的，须说明理由。"))

    class Meta:
        label = _("意见及采纳情况")
        icon = "comment"

    def clean(self, value):
        value = super().clean(value)
        if value.get("decision") in ("partly", "not_adopted") and not (value.get("reason") or "").strip():
            raise blocks.StructBlockValidationError({"reason": ValidationError(_("未采纳或部分采纳的意见须说明理由。"))})
        return value


def validate_feedback(consultation, comments_received):
    """A report only after the close, counting at least the comments the website received.

    Raises ``ValidationError``. Source: 重大行政决策程序暂行条例 art. 15 (反馈意见采纳情况和理由)."""
    if not isinstance(consultation, ConsultationPage):
        return
    if consultation.is_open() or timezone.now() < consultation.opens_at:
        raise ValidationError(_("意见征集尚未截止，截止后才能发布意见采纳情况。"))
    online = consultation.citizen_comments.count()
    if comments_received is not None and comments_received < online:
        raise ValidationError({"comments_received": _("收到意见数不能少于网站收到的%(count)d条。") % {"count": online}})


class FeedbackPageForm(ItemPageForm):
    """Refuses the report in the editor (not on save) while the consultation is still open."""

    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page.specific if self.parent_page is not None else None
        try:
            validate_feedback(parent, cleaned.get("comments_received"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class ConsultationFeedbackPage(DisclosedPage):
    """意见采纳情况: how many comments came in, which were adopted, why the others were not."""

    default_genre = Genre.REPORT
    base_form_class = FeedbackPageForm

    introduction = RichTextField(_("总体情况"), blank=True, help_text=_("征集过程和意见总体采纳情况。"))
    items = StreamField([("item", FeedbackItemBlock())], verbose_name=_("意见采纳情况"), blank=True)
    comments_received = models.PositiveIntegerField(
        _("收到意见数"), default=0, help_text=_("通过网站收到的意见数由系统统计；信函、电子邮件等其他渠道收到的请加在此数之上。")
    )

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("comments_received"),
        FieldPanel("items"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = ["interaction.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _("意见采纳情况：征集截止后发布，说明收到多少意见、采纳哪些、未采纳的理由。")

    class Meta:
        verbose_name = _("意见采纳情况")
        verbose_name_plural = _("意见采纳情况")

    @cached_property
    def consultation(self):
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    def clean(self):
        super().clean()
        if self.path:  # placed in the tree; the admin form checks against the parent before that
            validate_feedback(self.consultation, self.comments_received)

    def counts(self):
        """{"adopted": n, "partly": n, "not_adopted": n} over the report's items."""
        counts = {key: 0 for key, _label in DECISIONS}
        for item in self.items:
            counts[item.value["decision"]] = counts.get(item.value["decision"], 0) + 1
        return counts

    def body_text(self):
        from django.utils.html import strip_tags

        parts = [strip_tags(self.introduction or "")]
        parts += [f"{item.value['opinion']} {item.value['reason']}" for item in self.items]
        return " ".join(" ".join(parts).split())


class ConsultationComment(ModeratedSubmission):
    """A citizen's comment on a consultation, kept as sent; shown only once staff publish it, masked."""

    consultation = models.ForeignKey(ConsultationPage, verbose_name=_("意见征集"), on_delete=models.PROTECT,
                                     related_name="citizen_comments")
    body = models.TextField(_("意见内容"))

    class Meta:
        verbose_name = _("征集意见")
        verbose_name_plural = _("征集意见")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["consultation", "status", "submitted_at"], name="comment_consult_status")]

    def __str__(self):
        return f"{self.consultation.title}：{self.body[:20]}"
