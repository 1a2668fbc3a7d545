"""Fixed vocabularies of the disclosure catalogue (体裁, 有效性, 公开方式).

The subject classification (主题分类) is editable data: see ``Topic``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Genre(models.TextChoices):
    """体裁: the 15 official document types (党政机关公文处理工作条例 art. 8) plus web genres."""

    RESOLUTION = "resolution", _("决议")
    DECISION = "decision", _("决定")
    ORDER = "order", _("命令(令)")
    COMMUNIQUE = "communique", _("公报")
    ANNOUNCEMENT = "announcement", _("公告")
    PUBLIC_NOTICE = "public_notice", _("通告")
    OPINION = "opinion", _("意见")
    NOTICE = "notice", _("通知")
    CIRCULAR = "circular", _("通报")
    REPORT = "report", _("报告")
    REQUEST = "request", _("请示")
    REPLY = "reply", _("批复")
    MOTION = "motion", _("议案")
    LETTER = "letter", _("函")
    MINUTES = "minutes", _("纪要")
    NEWS = "news", _("新闻")
    INTERPRETATION = "interpretation", _("政策解读")
    SERVICE_GUIDE = "service_guide", _("办事指南")
    PLAN = "plan", _("规划计划")
    STATISTICS = "statistics", _("统计数据")
    OTHER = "other", _("其他")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class DisclosureMode(models.TextChoices):
    """公开属性 decided at the confidentiality review (条例 art. 17, 19–20, 13–16): only 主动公开 goes on the site."""

    PROACTIVE = "proactive", _("主动公开")
    ON_APPLICATION = "on_application", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


# The State Council's 22 top-level subjects as on gov.cn's policy library (seeded by a migration).
TOP_LEVEL_TOPICS = [
    "国务院组织机构",
    "综合政务",
    "国民经济管理、国有资产监管",
    "财政、金融、审计",
    "国土资源、能源",
    "农业、林业、水利",
    "工业、交通",
    "商贸、海关、旅游",
    "市场监管、安全生产监管",
    "城乡建设、环境保护",
    "科技、教育",
    "文化、广电、新闻出版",
    "卫生、体育",
    "人口与计划生育、妇女儿童工作",
    "劳动、人事、监察",
    "公安、安全、司法",
    "民政、扶贫、救灾",
    "民族、宗教",
    "对外事务",
    "港澳台侨工作",
    "国防",
    "其他",
]

# A few second-level subjects commonly used at county level (综合政务\政务公开 etc.).
SECOND_LEVEL_TOPICS = {
    "综合政务": ["政务公开", "应急管理", "政务督查", "其他"],
    "科技、教育": ["教育", "科技", "其他"],
    "卫生、体育": ["卫生", "医药管理", "体育", "其他"],
    "城乡建设、环境保护": ["城市规划", "城乡建设（含住房）", "环境监测、保护与治理", "其他"],
    "民政、扶贫、救灾": ["社会福利", "减灾救灾", "扶贫", "其他"],
    "劳动、人事、监察": ["就业", "社会保障", "人事工作", "其他"],
    "农业、林业、水利": ["农业、农村", "林业", "水利", "其他"],
    "财政、金融、审计": ["财政", "审计", "其他"],
}
