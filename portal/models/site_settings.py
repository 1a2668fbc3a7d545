"""Per-site identity shown in the footer and meta tags (政府网站发展指引)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    site_name = models.CharField(_("网站名称"), max_length=100, blank=True, help_text=_("不填则使用站点名称。"))
    site_id_code = models.CharField(
        _("网站标识码"), max_length=20, blank=True, help_text=_("全国政府网站标识码，例如 bm01000001，用于 SiteIDCode 元数据。")
    )
    sponsor = models.CharField(_("主办单位"), max_length=100, blank=True)
    organiser = models.CharField(_("承办单位"), max_length=100, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True)
    police_record_number = models.CharField(_("公安备案号"), max_length=50, blank=True)

    panels = [
        FieldPanel("site_name"),
        FieldPanel("site_id_code"),
        FieldPanel("sponsor"),
        FieldPanel("organiser"),
        FieldPanel("contact_phone"),
        FieldPanel("icp_number"),
        FieldPanel("police_record_number"),
    ]

    class Meta:
        verbose_name = _("网站标识")
