"""Per-site identity shown in the footer and meta tags (政府网站发展指引, 国办发〔2017〕47号).

The footer a government website must carry (政府网站发展指引 网页设计规范; 政府网站与政务新媒体检查指标):
主办单位, 承办单位, contact, 网站标识码, the ICP number linked to the MIIT filing system, the 公安联网备案
number with its icon and a link to its record, the 党政机关网站标识 where one has been issued, and the
national 我为政府网站找错 entry built from the 网站标识码.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# The filing systems' public pages (configurable, in case a ministry moves them).
ICP_FILING_URL = "https://beian.miit.gov.cn/"
POLICE_RECORD_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
ERROR_REPORT_URL = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html"


def _setting(name, default):
    return getattr(settings, name, default)


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    site_name = models.CharField(_("网站名称"), max_length=100, blank=True, help_text=_("不填则使用站点名称。"))
    site_id_code = models.CharField(
        _("网站标识码"), max_length=20, blank=True, help_text=_("全国政府网站标识码，例如 bm01000001，用于 SiteIDCode 元数据和“我为政府网站找错”链接。")
    )
    sponsor = models.CharField(_("主办单位"), max_length=100, blank=True)
    organiser = models.CharField(_("承办单位"), max_length=100, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True, help_text=_("例如：浙ICP备12345678号，页脚链接到工业和信息化部备案管理系统。"))
    police_record_number = models.CharField(
        _("公安备案号"), max_length=50, blank=True, help_text=_("例如：浙公网安备 33019902000001号，页脚显示备案图标并链接到全国互联网安全管理服务平台。")
    )
    government_badge = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("党政机关网站标识"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("机构编制部门颁发的党政机关网站标识图片；未颁发则不显示。"),
    )
    government_badge_url = models.URLField(
        _("标识核验链接"), blank=True, help_text=_("点击标识打开的核验页面地址，由颁发部门提供。")
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("site_id_code")], heading=_("网站")),
        MultiFieldPanel([FieldPanel("sponsor"), FieldPanel("organiser"), FieldPanel("contact_phone")], heading=_("主办与联系")),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_record_number"), FieldPanel("government_badge"),
             FieldPanel("government_badge_url")],
            heading=_("备案与标识"),
        ),
    ]

    class Meta:
        verbose_name = _("网站标识")

    @property
    def icp_url(self):
        """The MIIT filing system's public search (工业和信息化部政务服务平台 ICP/IP地址/域名信息备案管理系统)."""
        return _setting("PORTAL_ICP_FILING_URL", ICP_FILING_URL) if self.icp_number else ""

    @property
    def police_record_code(self):
        """The digits of the 公安联网备案号 (``浙公网安备 33019902000001号`` → ``33019902000001``), or ''."""
        return "".join(re.findall(r"[0-9]", self.police_record_number or ""))

    @property
    def police_record_url(self):
        """The record's page on the 全国互联网安全管理服务平台, or '' without a number."""
        code = self.police_record_code
        return _setting("PORTAL_POLICE_RECORD_URL", POLICE_RECORD_URL).format(code=code) if code else ""

    def error_report_url(self, page_url=""):
        """我为政府网站找错: the national error-report form for this 网站标识码 and the page being read.

        Returns '' without a 网站标识码 (the form cannot route a report to the site without one).
        """
        if not self.site_id_code:
            return ""
        query = {"site_code": self.site_id_code}
        if page_url:
            query["url"] = page_url
        return f"{_setting('PORTAL_ERROR_REPORT_URL', ERROR_REPORT_URL)}?{urlencode(query)}"
