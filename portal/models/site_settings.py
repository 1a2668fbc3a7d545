"""Per-site identity shown in the footer and meta tags (政府网站发展指引, 国办发〔2017〕47号).

The footer a government website must carry (政府网站发展指引 网页设计规范; 政府网站与政务新媒体检查指标):
主办单位, 承办单位, contact, 网站标识码, the ICP number linked to the MIIT filing system, the 公安联网备案
number with its icon and a link to its record, the 党政机关网站标识 where one has been issued, and the
national 我为政府网站找错 entry built from the 网站标识码.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from departments.colours import (
    GRAPHIC_CONTRAST,
    HEX_COLOUR,
    TEXT_CONTRAST,
    contrast_ratio,
    darkened_until,
    refuse_unreadable_under_white_text,
    validate_hex_colour,
)

# The filing systems' public pages (configurable, in case a ministry moves them).
ICP_FILING_URL = "https://beian.miit.gov.cn/"
POLICE_RECORD_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
ERROR_REPORT_URL = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html"


# The website's palette (网站配色): three colours in all, neutrals (white, greys, black) aside.
DEFAULT_MAIN_COLOUR = "#b31b1b"
DEFAULT_SECONDARY_COLOUR = "#0b4a8b"
DEFAULT_ACCENT_COLOUR = "#f5d27a"
# The page background links stand on (``--bg`` of static/css/portal.css); white cards are lighter still.
PAGE_BACKGROUND = "#f4f1ec"
DEFAULT_PALETTE_COLOURS = (DEFAULT_MAIN_COLOUR, DEFAULT_SECONDARY_COLOUR, DEFAULT_ACCENT_COLOUR)


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

    main_colour = models.CharField(
        _("主色"), max_length=7, default=DEFAULT_MAIN_COLOUR, validators=[validate_hex_colour],
        help_text=_("页头、导航栏、按钮和栏目标题的颜色，白色文字在其上须清晰可读（对比度不低于 4.5:1）。"),
    )
    secondary_colour = models.CharField(
        _("辅助色"), max_length=7, default=DEFAULT_SECONDARY_COLOUR, validators=[validate_hex_colour],
        help_text=_("链接文字的颜色，在浅色页面底色上须清晰可读（对比度不低于 4.5:1）。"),
    )
    accent_colour = models.CharField(
        _("点缀色"), max_length=7, default=DEFAULT_ACCENT_COLOUR, validators=[validate_hex_colour],
        help_text=_("页头下沿、当前栏目标记等细线的颜色，与主色的对比度不低于 3:1。"),
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("site_id_code")], heading=_("网站")),
        MultiFieldPanel([FieldPanel("sponsor"), FieldPanel("organiser"), FieldPanel("contact_phone")], heading=_("主办与联系")),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_record_number"), FieldPanel("government_badge"),
             FieldPanel("government_badge_url")],
            heading=_("备案与标识"),
        ),
        MultiFieldPanel(
            [FieldPanel("main_colour"), FieldPanel("secondary_colour"), FieldPanel("accent_colour")],
            heading=_("网站配色"),
            help_text=_("一个网站一套配色，最多三种颜色：门户网站和作为其栏目的各部门、乡镇子站统一使用这里的配色。"
                        "以独立域名和独立网站标识码开设单独网站的机构，主色在“部门与乡镇 → 机构 → 独立网站主色”中填写。"),
        ),
    ]

    class Meta:
        verbose_name = _("网站标识")

    def clean(self):
        """The palette must keep text readable (WCAG 2 AA) and is set on the county portal's identity only."""
        super().clean()
        for name in ("main_colour", "secondary_colour", "accent_colour"):
            setattr(self, name, (getattr(self, name) or "").strip().lower())
        colours = (self.main_colour, self.secondary_colour, self.accent_colour)
        if not all(HEX_COLOUR.match(colour) for colour in colours):
            return  # the field validators say what is wrong with the format
        errors = {}
        try:
            refuse_unreadable_under_white_text(self.main_colour, _("主色"))
        except ValidationError as error:
            errors["main_colour"] = error.messages
        ratio = contrast_ratio(self.secondary_colour, PAGE_BACKGROUND)
        if ratio < TEXT_CONTRAST:
            errors["secondary_colour"] = [_(
                "辅助色用于链接文字，%(colour)s 在页面底色上的对比度只有 %(ratio).1f:1，低于 4.5:1，请换深一些的颜色，例如 %(suggestion)s。"
            ) % {"colour": self.secondary_colour, "ratio": ratio,
                 "suggestion": darkened_until(self.secondary_colour, PAGE_BACKGROUND, TEXT_CONTRAST + 0.5)}]
        ratio = contrast_ratio(self.accent_colour, self.main_colour)
        if ratio < GRAPHIC_CONTRAST:
            errors["accent_colour"] = [_(
                "点缀色 %(accent)s 与主色 %(main)s 的对比度只有 %(ratio).1f:1，低于 3:1，细线和当前栏目标记会看不清，请换一个更浅或更亮的颜色。"
            ) % {"accent": self.accent_colour, "main": self.main_colour, "ratio": ratio}]
        if self.site_id and not self.site.is_default_site and colours != DEFAULT_PALETTE_COLOURS:
            errors.setdefault("main_colour", []).append(_(
                "网站配色只在县政府门户网站（默认站点）的网站标识中设置；独立网站的主色请在“部门与乡镇 → 机构 → 独立网站主色”中填写。"))
        if errors:
            raise ValidationError(errors)

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

