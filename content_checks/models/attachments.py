"""Extracted text of attachments, kept by file content hash: the patrol reads each file once, not every night."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttachmentText(models.Model):
    """The text read from one file content (Wagtail's ``Document.file_hash``), or why it could not be read."""

    file_hash = models.CharField(_("文件哈希"), max_length=40, unique=True)
    readable = models.BooleanField(_("已读取"), default=True)
    text = models.TextField(_("文本"), blank=True)
    reason = models.CharField(_("未能检查的原因"), max_length=200, blank=True)
    extracted_at = models.DateTimeField(_("读取时间"), auto_now=True)

    class Meta:
        verbose_name = _("附件文本")
        verbose_name_plural = _("附件文本")

    def __str__(self):
        return self.file_hash
