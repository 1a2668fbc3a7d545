"""相关链接 chosen by the editor: other pages of the county shown under an item (政府网站发展指引, 内容页规范)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class RelatedItem(Orderable):
    """One editor-chosen related page of a content page; shown only while the target is live and public."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="related_items")
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("相关信息"), on_delete=models.CASCADE, related_name="+",
    )

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关链接")
        verbose_name_plural = _("相关链接")

    def __str__(self):
        return str(self.target)


__all__ = ["RelatedItem"]
