"""Column kinds (栏目类型): what a column is for, which the audit uses to pick its update rule."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColumnKind(models.TextChoices):
    HEADLINES = "headlines", _("要闻")
    NEWS = "news", _("工作动态")
    NOTICES = "notices", _("通知公告")
    POLICIES = "policies", _("政策文件")
    INTERPRETATIONS = "interpretations", _("政策解读")
    GUIDES = "guides", _("办事指南")
    PERSONNEL = "personnel", _("人事信息")
    PLANNING = "planning", _("规划计划")
    FINANCE = "finance", _("财政资金")
    OVERVIEW = "overview", _("机构概况")
    OTHER = "other", _("其他")


# The standard columns every department and township gets, in menu order: (kind, slug, title).
STANDARD_COLUMNS = [
    (ColumnKind.NEWS, "gzdt", "工作动态"),
    (ColumnKind.NOTICES, "tzgg", "通知公告"),
    (ColumnKind.POLICIES, "zcwj", "政策文件"),
    (ColumnKind.INTERPRETATIONS, "zcjd", "政策解读"),
    (ColumnKind.GUIDES, "bszn", "办事指南"),
    (ColumnKind.PERSONNEL, "rsxx", "人事信息"),
    (ColumnKind.PLANNING, "ghjh", "规划计划"),
    (ColumnKind.FINANCE, "czzj", "财政资金"),
    (ColumnKind.OVERVIEW, "jggk", "机构概况"),
]

# The portal's own columns (the county government's).
PORTAL_COLUMNS = [
    (ColumnKind.HEADLINES, "yw", "要闻动态"),
    (ColumnKind.NOTICES, "tzgg", "通知公告"),
    (ColumnKind.POLICIES, "zcwj", "政策文件"),
    (ColumnKind.INTERPRETATIONS, "zcjd", "政策解读"),
    (ColumnKind.GUIDES, "bszn", "办事指南"),
]

# The ColumnType meta tag (政府网站发展指引) each kind maps to.
META_COLUMN_TYPE = {
    ColumnKind.HEADLINES: "工作动态",
    ColumnKind.NEWS: "工作动态",
    ColumnKind.NOTICES: "工作动态",
    ColumnKind.POLICIES: "政策文件",
    ColumnKind.INTERPRETATIONS: "政策解读",
    ColumnKind.GUIDES: "办事服务",
    ColumnKind.PERSONNEL: "负责人信息",
    ColumnKind.PLANNING: "数据发布",
    ColumnKind.FINANCE: "数据发布",
    ColumnKind.OVERVIEW: "机构职能",
    ColumnKind.OTHER: "工作动态",
}
