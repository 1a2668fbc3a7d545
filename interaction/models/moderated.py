"""What citizens send to a consultation or an interview: kept as sent, shown only once staff publish it, masked.

``ModeratedSubmission`` is the abstract base of ``ConsultationComment`` and ``InterviewQuestion``: the sender's
optional contact details (never shown), the one-time token that makes a resubmitted form a no-op, and the
moderation record (status, note, who and when). Each subclass adds its text field and what it belongs to.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from disclosure.personal_data import mask_personal_data


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已公开")
    WITHHELD = "withheld", _("不予公开")


class ModeratedSubmission(models.Model):
    Status = ModerationStatus
    # How a sender who left no name is shown (匿名 for comments; interviews say 网友).
    anonymous_label = _("匿名")

    name = models.CharField(_("姓名"), max_length=30, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), db_index=True)
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(_("审核状态"), max_length=12, choices=ModerationStatus.choices,
                              default=ModerationStatus.PENDING)
    moderation_note = models.CharField(_("审核说明"), max_length=200, blank=True,
                                       help_text=_("不予公开的理由，仅内部可见。"))
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+", editable=False)

    panels = [FieldPanel("status"), FieldPanel("moderation_note")]

    class Meta:
        abstract = True

    @property
    def is_anonymous(self):
        return not self.name

    @property
    def masked_name(self):
        """``anonymous_label`` for a sender without a name, 王** otherwise (neither the name nor its length shows)."""
        return f"{self.name[:1]}**" if self.name else str(self.anonymous_label)

    @property
    def public_body(self):
        """The text as published: identity card, mobile and bank card numbers masked."""
        return mask_personal_data(self.body)
