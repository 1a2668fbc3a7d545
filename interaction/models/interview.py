"""在线访谈: an online interview announced as a page, the questions citizens send in advance, and its live record.

The interview is a page so that it goes through the organisation's workflow, is catalogued (index number)
and is found by search like every other disclosed item. The guests are inline on the page. The live record
(文字实录) is not page content: staff post it entry by entry while the interview runs, without a workflow
round per line, and the public page and its poll endpoint read it directly. Archiving (归档) is a field on
the page: once the editor ticks it and publishes, the full record goes into the catalogue entry's text, so
the interview is searchable by what was said. Citizens' questions hold personal data: never indexed,
shown only once moderated, masked.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from disclosure.personal_data import mask_personal_data
from portal.models.base import DisclosedPage
from portal.taxonomy import Genre

from ..interviews.admin_forms import RecordEntryForm
from ..interviews.live import live_version
from ..interviews.state import InterviewState, interview_state
from .moderated import ModeratedSubmission


class InterviewPage(DisclosedPage):
    """One online interview (在线访谈): topic (the title), guests, scheduled time, and its record."""

    default_genre = Genre.OTHER

    intro = RichTextField(_("访谈简介"), help_text=_("访谈的背景、主要话题和希望网友关注的问题。"))
    starts_at = models.DateTimeField(_("访谈开始时间"))
    ends_at = models.DateTimeField(_("访谈结束时间"))
    venue = models.CharField(_("访谈地点"), max_length=100, blank=True)
    archived = models.BooleanField(
        _("已归档"), default=False,
        help_text=_("访谈结束、文字实录核对无误后勾选并发布：页面显示完整实录，实录全文进入公开目录和全站搜索，不再接收提问。"),
    )

    content_panels = [
        *DisclosedPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("venue")],
                        heading=_("访谈时间")),
        InlinePanel("guests", label=_("访谈嘉宾"), min_num=1, max_num=10),
        FieldPanel("archived"),
        *DisclosedPage.disclosure_panels,
    ]
    parent_page_types = ["portal.ColumnPage"]
    subpage_types = []
    page_description = _("在线访谈：发布访谈预告、事先征集网友提问、直播文字实录，结束后归档。")

    class Meta:
        verbose_name = _("在线访谈")
        verbose_name_plural = _("在线访谈")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("结束时间须晚于开始时间。")})
        if self.archived and self.starts_at and timezone.now() < self.starts_at:
            raise ValidationError({"archived": _("访谈尚未开始，不能归档。")})

    def state(self, now=None):
        return interview_state(self.starts_at, self.ends_at, self.archived, now)

    def state_label(self):
        return InterviewState.LABELS[self.state()]

    def takes_questions(self, now=None):
        return self.state(now) in InterviewState.TAKES_QUESTIONS

    def record(self):
        """The live record in order, with each answer's guest."""
        return self.record_entries.select_related("guest").order_by("position", "pk")

    def published_questions(self):
        return self.citizen_questions.filter(status=InterviewQuestion.Status.PUBLISHED).order_by("submitted_at", "pk")

    def body_text(self):
        """Introduction, guests and, once archived, the full record: what the catalogue and search hold."""
        parts = [strip_tags(self.intro or "")]
        parts += [f"{guest.name} {guest.title}" for guest in self.guests.all()]
        if self.archived and self.pk:
            parts += [f"{entry.speaker} {entry.public_text}" for entry in self.record()]
        return " ".join(" ".join(parts).split())

    def serve(self, request, *args, **kwargs):
        """Until archived the record changes without a publish, so the anonymous page cache must not keep it."""
        response = super().serve(request, *args, **kwargs)
        if not self.archived:
            response["Cache-Control"] = "no-cache"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interview_state"] = self.state()
        context["record"] = self.record()
        context["questions"] = self.published_questions()
        context["live_version"] = live_version(self.pk)
        return context


class InterviewGuest(Orderable):
    """访谈嘉宾: a guest with their title (职务) and photo."""

    page = ParentalKey(InterviewPage, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("姓名"), max_length=30)
    title = models.CharField(_("职务"), max_length=100)
    photo = models.ForeignKey("wagtailimages.Image", verbose_name=_("照片"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("title")]), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("访谈嘉宾")
        verbose_name_plural = _("访谈嘉宾")

    def __str__(self):
        return f"{self.name}（{self.title}）"


class InterviewQuestion(ModeratedSubmission):
    """A citizen's question sent before or during the interview; shown only once staff publish it, masked."""

    anonymous_label = _("网友")

    interview = models.ForeignKey(InterviewPage, verbose_name=_("在线访谈"), on_delete=models.PROTECT,
                                  related_name="citizen_questions")
    body = models.TextField(_("问题内容"))

    class Meta:
        verbose_name = _("访谈网友提问")
        verbose_name_plural = _("访谈网友提问")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["interview", "status", "submitted_at"], name="question_interview_status")]

    def __str__(self):
        return f"{self.interview.title}：{self.body[:20]}"


class InterviewRecordEntry(models.Model):
    """One line of the live record (文字实录): the host, a question (staff's or a citizen's), or a guest's answer.

    ``position`` orders the record; new entries go to the end. ``updated_at`` feeds the poll's Last-Modified.
    """

    class Kind(models.TextChoices):
        HOST = "host", _("主持人")
        QUESTION = "question", _("提问")
        ANSWER = "answer", _("嘉宾回答")

    interview = models.ForeignKey(InterviewPage, verbose_name=_("在线访谈"), on_delete=models.CASCADE,
                                  related_name="record_entries")
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices, default=Kind.ANSWER)
    guest = models.ForeignKey(InterviewGuest, verbose_name=_("回答嘉宾"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+", help_text=_("嘉宾回答须选择嘉宾。"))
    question = models.ForeignKey(InterviewQuestion, verbose_name=_("网友提问"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 help_text=_("选填：直播中回答事先征集的网友提问时选择，实录显示网友称呼和（隐去个人信息的）问题。"))
    text = models.TextField(_("内容"), blank=True, help_text=_("选择了网友提问且此处留空的，实录显示该提问的内容。"))
    position = models.PositiveIntegerField(_("顺序"), default=0, editable=False, db_index=True)
    posted_at = models.DateTimeField(_("发布时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+", editable=False)

    base_form_class = RecordEntryForm
    panels = [FieldPanel("interview"), FieldPanel("kind"), FieldPanel("guest"), FieldPanel("question"),
              FieldPanel("text")]

    class Meta:
        verbose_name = _("访谈实录")
        verbose_name_plural = _("访谈实录")
        ordering = ["interview", "position", "pk"]

    def __str__(self):
        return f"{self.speaker}：{self.public_text[:30]}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.ANSWER and self.guest_id is None:
            raise ValidationError({"guest": _("嘉宾回答须选择回答的嘉宾。")})
        if self.guest_id is not None and self.interview_id and self.guest.page_id != self.interview_id:
            raise ValidationError({"guest": _("所选嘉宾不是本次访谈的嘉宾。")})
        if self.question_id is not None:
            if self.interview_id and self.question.interview_id != self.interview_id:
                raise ValidationError({"question": _("所选网友提问不属于本次访谈。")})
            if self.question.status == InterviewQuestion.Status.WITHHELD:
                raise ValidationError({"question": _("该网友提问不予公开，不能进入实录。")})
        if not (self.text or "").strip() and self.question_id is None:
            raise ValidationError({"text": _("请填写内容。")})

    @cached_property
    def speaker(self):
        """Who speaks, as the record shows it: 主持人, 网友 王**, or the guest with their title."""
        if self.kind == self.Kind.ANSWER and self.guest is not None:
            return f"{self.guest.name}（{self.guest.title}）"
        if self.question_id is not None:
            return f"{_('网友')} {self.question.masked_name}" if self.question.name else str(_("网友"))
        return str(self.Kind(self.kind).label) if self.kind != self.Kind.QUESTION else str(_("主持人"))

    @property
    def public_text(self):
        """The text as shown: a citizen's question masked (identity card, phone and bank card numbers)."""
        if not (self.text or "").strip() and self.question_id is not None:
            return self.question.public_body
        return mask_personal_data(self.text) if self.question_id is not None else self.text
