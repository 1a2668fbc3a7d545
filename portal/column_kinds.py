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
    RESPONSES = "responses", _("回应关切")
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
    # 回应关切 sits with 政民互动 (the county's interaction section): responses to public concern and to major
    # public opinion, published by the county government (政府网站发展指引 栏目 解读回应).
    (ColumnKind.RESPONSES, "hygq", "回应关切"),
]

# ColumnType values (政府网站发展指引, 国办发〔2017〕47号, 网页设计规范 栏目标签): the official list, in its order.
OFFICIAL_COLUMN_TYPES = (
    "首页", "概况信息", "机构职能", "负责人信息", "工作动态", "政策文件", "信息公开指南", "信息公开目录", "信息公开年报",
    "依法申请公开", "数据发布", "数据开放", "政策解读", "回应关切", "办事服务", "咨询投诉", "征集调查", "在线访谈",
)

# The ColumnType each kind maps to, always a value of the official list. 通知公告 is part of 政务动态 in the
# guideline (要闻、通知公告、工作动态), so 工作动态; 人事信息 (任免、招录) and 财政资金 (预决算) are statutory
# disclosure contents without a type of their own, so 信息公开目录 — never 负责人信息, which is the leaders'
# profiles; 规划计划 are documents (发展规划、专项规划、年度计划), so 政策文件, not 数据发布 (statistics).
META_COLUMN_TYPE = {
    ColumnKind.HEADLINES: "工作动态",
    ColumnKind.NEWS: "工作动态",
    ColumnKind.NOTICES: "工作动态",
    ColumnKind.POLICIES: "政策文件",
    ColumnKind.INTERPRETATIONS: "政策解读",
    ColumnKind.GUIDES: "办事服务",
    ColumnKind.PERSONNEL: "信息公开目录",
    ColumnKind.PLANNING: "政策文件",
    ColumnKind.FINANCE: "信息公开目录",
    ColumnKind.OVERVIEW: "机构职能",
    ColumnKind.RESPONSES: "回应关切",
    ColumnKind.OTHER: "工作动态",
}

# Default ColumnDescription (the column's purpose and contents) and ColumnKeywords of each kind.
COLUMN_DEFAULTS = {
    ColumnKind.HEADLINES: ("发布{name}的政务要闻和重要工作动态。", "要闻,政务要闻,工作动态"),
    ColumnKind.NEWS: ("发布{name}的工作动态和政务信息。", "工作动态,政务动态,工作信息"),
    ColumnKind.NOTICES: ("发布{name}的通知、公告、通告和公示。", "通知公告,通知,公告,公示"),
    ColumnKind.POLICIES: ("发布{name}制发的政策文件、行政规范性文件及其有效性。", "政策文件,规范性文件,文件"),
    ColumnKind.INTERPRETATIONS: ("发布对{name}政策文件的解读材料。", "政策解读,解读,政策文件"),
    ColumnKind.GUIDES: ("提供{name}政务服务事项的办事指南、办理材料和办理流程。", "办事指南,办事服务,政务服务"),
    ColumnKind.PERSONNEL: ("发布{name}的人事任免、公务员招录和事业单位招聘信息。", "人事信息,人事任免,招录,招聘"),
    ColumnKind.PLANNING: ("发布{name}的发展规划、专项规划和年度工作计划及执行情况。", "规划计划,发展规划,专项规划,工作计划"),
    ColumnKind.FINANCE: ("发布{name}的部门预算、决算和“三公”经费等财政资金信息。", "财政资金,预算,决算,三公经费"),
    ColumnKind.OVERVIEW: ("介绍{name}的机构职能、内设机构、办公地址、办公时间和联系方式。", "机构概况,机构职能,内设机构,联系方式"),
    ColumnKind.RESPONSES: ("发布{name}对社会关注热点、重大舆情和公众关切的回应。", "回应关切,热点回应,舆情回应,政民互动"),
    ColumnKind.OTHER: ("发布{name}的相关信息。", "信息发布"),
}


def column_defaults(kind, organisation_name):
    """(description, keywords) a new column of ``kind`` gets for the ColumnDescription and ColumnKeywords tags."""
    description, keywords = COLUMN_DEFAULTS.get(kind, COLUMN_DEFAULTS[ColumnKind.OTHER])
    return description.format(name=organisation_name or "本机构"), keywords
