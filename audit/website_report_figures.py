"""The rows of the 政府网站工作年度报表 (国办函〔2018〕12号 附件) and the figures software can count for one year.

``ROWS`` is the official form in its order: (code, section, label, unit, kind, source) with ``kind``
``int``, ``bool`` or ``text`` and ``source`` ``generated`` (counted here) or ``entered`` (the office fills
it in). ``generate(website, year)`` counts, over the website's channels (its organisations) and the year's
local calendar days: catalogue entries first published (by column type: 概况类, 政务动态, 信息公开目录),
topic columns (专栏专题), interpretations, live service guides, valid letters, consultations and surveys
(征集调查), the year's page views (per day) and the probe's visits. A fixed number of queries, whatever the number of channels.
"""

import datetime

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from departments.models import Organisation
from disclosure.models import CatalogueEntry
from interaction.models import Letter
from portal.column_kinds import META_COLUMN_TYPE, ColumnKind
from portal.models import ColumnPage, PageViewDay, ServiceGuidePage, SiteIdentity
from portal.navigation import WEBSITE_REPORT_COLUMN_SLUG
from portal.taxonomy import Genre

from . import interaction_feed
from .dates import end_boundary, start_of_day
from .models import ProbeResult

GENERATED, ENTERED = "generated", "entered"

SECTIONS = [
    ("basic", _("基本信息")), ("information", _("信息发布")), ("topics", _("专栏专题")), ("interpretation", _("解读回应")),
    ("services", _("办事服务")), ("interaction", _("互动交流")), ("security", _("安全防护")),
    ("new_media", _("移动新媒体")), ("innovation", _("创新发展")),
]

ROWS = [
    ("site_name", "basic", _("网站名称"), "", "text", GENERATED),
    ("home_url", "basic", _("首页网址"), "", "text", GENERATED),
    ("sponsor", "basic", _("主办单位"), "", "text", GENERATED),
    ("site_type", "basic", _("网站类型"), "", "text", GENERATED),
    ("site_id_code", "basic", _("政府网站标识码"), "", "text", GENERATED),
    ("icp_number", "basic", _("ICP备案编号"), "", "text", GENERATED),
    ("police_record_number", "basic", _("公安机关备案号"), "", "text", GENERATED),
    ("unique_visitors", "basic", _("独立用户访问总量"), _("个"), "int", ENTERED),
    ("total_visits", "basic", _("网站总访问量"), _("次"), "int", GENERATED),
    ("info_total", "information", _("信息发布总数"), _("条"), "int", GENERATED),
    ("info_overview", "information", _("其中：概况类信息更新量"), _("条"), "int", GENERATED),
    ("info_news", "information", _("其中：政务动态信息更新量"), _("条"), "int", GENERATED),
    ("info_catalogue", "information", _("其中：信息公开目录信息更新量"), _("条"), "int", GENERATED),
    ("topics_maintained", "topics", _("维护数量"), _("个"), "int", GENERATED),
    ("topics_new", "topics", _("新开设数量"), _("个"), "int", GENERATED),
    ("interpretations_total", "interpretation", _("解读信息发布总数"), _("条"), "int", GENERATED),
    ("interpretation_materials", "interpretation", _("其中：解读材料数量"), _("条"), "int", GENERATED),
    ("interpretation_products", "interpretation", _("其中：解读产品数量"), _("条"), "int", ENTERED),
    ("media_commentaries", "interpretation", _("其中：媒体评论文章数量"), _("篇"), "int", ENTERED),
    ("responses", "interpretation", _("回应公众关注热点或重大舆情数量"), _("次"), "int", ENTERED),
    ("service_catalogue", "services", _("是否发布服务事项目录"), "", "bool", GENERATED),
    ("registered_users", "services", _("注册用户数"), _("个"), "int", ENTERED),
    ("services", "services", _("政务服务事项数量"), _("项"), "int", GENERATED),
    ("services_online", "services", _("可全程在线办理政务服务事项数量"), _("项"), "int", GENERATED),
    ("cases_total", "services", _("办件量：总数"), _("件"), "int", ENTERED),
    ("cases_people", "services", _("办件量：自然人办件量"), _("件"), "int", ENTERED),
    ("cases_legal", "services", _("办件量：法人办件量"), _("件"), "int", ENTERED),
    ("unified_platform", "interaction", _("是否使用统一平台"), "", "bool", ENTERED),
    ("letters_received", "interaction", _("留言办理：收到留言数量"), _("条"), "int", GENERATED),
    ("letters_answered", "interaction", _("留言办理：办结留言数量"), _("条"), "int", GENERATED),
    ("letters_average_days", "interaction", _("留言办理：平均办理时间"), _("天"), "int", GENERATED),
    ("letters_published", "interaction", _("留言办理：公开答复数量"), _("条"), "int", GENERATED),
    ("surveys", "interaction", _("征集调查：征集调查期数"), _("期"), "int", GENERATED),
    ("survey_opinions", "interaction", _("征集调查：收到意见数量"), _("条"), "int", ENTERED),
    ("survey_results", "interaction", _("征集调查：公布调查结果期数"), _("期"), "int", ENTERED),
    ("interviews", "interaction", _("在线访谈：访谈期数"), _("期"), "int", ENTERED),
    ("interview_messages", "interaction", _("在线访谈：网民留言数量"), _("条"), "int", ENTERED),
    ("interview_answers", "interaction", _("在线访谈：答复网民提问数量"), _("条"), "int", ENTERED),
    ("smart_qa", "interaction", _("是否提供智能问答"), "", "bool", ENTERED),
    ("security_assessments", "security", _("安全检测评估次数"), _("次"), "int", ENTERED),
    ("security_issues", "security", _("发现问题数量"), _("个"), "int", ENTERED),
    ("security_fixed", "security", _("问题整改数量"), _("个"), "int", ENTERED),
    ("monitoring", "security", _("是否建立安全监测预警机制"), "", "bool", GENERATED),
    ("drills", "security", _("是否开展应急演练"), "", "bool", ENTERED),
    ("security_officer", "security", _("是否明确网站安全责任人"), "", "bool", ENTERED),
    ("probe_visits", "security", _("可用性监测次数（本系统）"), _("次"), "int", GENERATED),
    ("probe_failures", "security", _("其中未能按时打开次数（本系统）"), _("次"), "int", GENERATED),
    ("has_new_media", "new_media", _("是否有移动新媒体"), "", "bool", ENTERED),
    ("weibo", "new_media", _("微博：名称、信息发布量、关注量"), "", "text", ENTERED),
    ("wechat", "new_media", _("微信：名称、信息发布量、订阅数"), "", "text", ENTERED),
    ("other_media", "new_media", _("其他移动新媒体"), "", "text", ENTERED),
    ("search_service", "innovation", _("搜索即服务"), "", "bool", GENERATED),
    ("multilingual", "innovation", _("多语言版本"), "", "bool", ENTERED),
    ("accessibility", "innovation", _("无障碍浏览"), "", "bool", ENTERED),
    ("personalised", "innovation", _("千人千网"), "", "bool", ENTERED),
    ("innovation_other", "innovation", _("其他"), "", "text", ENTERED),
]
ROW_CODES = [row[0] for row in ROWS]
GENERATED_CODES = {row[0] for row in ROWS if row[5] == GENERATED}
OVERVIEW_KINDS = [kind for kind, column_type in META_COLUMN_TYPE.items() if column_type == "机构职能"]
NEWS_KINDS = [kind for kind, column_type in META_COLUMN_TYPE.items() if column_type == "工作动态"]


def year_bounds(year):
    """(start, end): local midnight of 1 January and the first instant after 31 December."""
    return start_of_day(datetime.date(year, 1, 1)), end_boundary(datetime.date(year, 12, 31))


def identity_figures(website):
    identity = None
    if website.is_portal:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        identity = SiteIdentity.objects.filter(site=site).first() if site else None
    return {
        "site_name": website.name, "home_url": website.root_url if website.hostname else "",
        "sponsor": (identity.sponsor if identity else "") or website.name,
        "site_type": str(_("政府门户网站") if website.is_portal else _("部门网站")),
        "site_id_code": website.site_id_code, "icp_number": identity.icp_number if identity else "",
        "police_record_number": identity.police_record_number if identity else "",
    }


def catalogue_figures(channel_ids, start, end):
    counts = CatalogueEntry.objects.filter(
        organisation_id__in=channel_ids, first_published_at__gte=start, first_published_at__lt=end,
    ).aggregate(
        total=Count("pk"),
        overview=Count("pk", filter=Q(column_kind__in=OVERVIEW_KINDS)),
        news=Count("pk", filter=Q(column_kind__in=NEWS_KINDS)),
        interpretations=Count("pk", filter=Q(genre=Genre.INTERPRETATION)),
    )
    return {
        "info_total": counts["total"], "info_overview": counts["overview"], "info_news": counts["news"],
        "info_catalogue": counts["total"] - counts["overview"] - counts["news"],
        "interpretations_total": counts["interpretations"], "interpretation_materials": counts["interpretations"],
    }


def in_trees(home_paths, other_paths, prefix=""):
    """Pages under any of ``home_paths`` and not under another website's home (a department with its own website
    still sits in the portal's page tree)."""
    condition = Q()
    for path in home_paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    for path in other_paths:
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    return condition


def tree_figures(home_paths, other_paths, start, end):
    """Topic columns (kind 其他, but not the yearly report's own column) live in the website's trees, those opened
    in the year, and live service guides."""
    if not home_paths:
        return {"topics_maintained": 0, "topics_new": 0, "service_catalogue": False, "services": 0, "services_online": 0}
    trees = in_trees(home_paths, other_paths)
    topics = ColumnPage.objects.live().filter(trees, kind=ColumnKind.OTHER, first_published_at__lt=end).exclude(
        slug=WEBSITE_REPORT_COLUMN_SLUG).aggregate(
        maintained=Count("pk"), new=Count("pk", filter=Q(first_published_at__gte=start)))
    guides = ServiceGuidePage.objects.live().filter(trees).aggregate(
        total=Count("pk"), online=Count("pk", filter=~Q(online_url="")))
    return {"topics_maintained": topics["maintained"], "topics_new": topics["new"],
            "service_catalogue": bool(guides["total"]), "services": guides["total"], "services_online": guides["online"]}


def letter_figures(channel_ids, year):
    """Valid letters received in the year (those marked 无效/不予受理/转信访 left out), answered, days taken, published."""
    rows = Letter.objects.filter(
        organisation_id__in=channel_ids, received_on__year=year, disposition="",
    ).values_list("status", "received_on", "replied_on", "may_publish", "withheld_from_public")
    answered = [(received, replied) for status, received, replied, _may, _held in rows
                if status == Letter.Status.ANSWERED and replied is not None]
    days = [(replied - received).days for received, replied in answered]
    return {
        "letters_received": len(rows), "letters_answered": len(answered),
        "letters_average_days": round(sum(days) / len(days)) if days else 0,
        "letters_published": sum(1 for status, _r, _p, may, held in rows if status == Letter.Status.ANSWERED and may and not held),
    }


def view_figures(home_paths, other_paths, year):
    """网站总访问量: page views counted on the local days of ``year`` (``PageViewDay``), over the website's trees.

    Views are dated by the day they reached the database (the flush runs every minute), so the figure is the
    year's own, not the running total under the articles. Views from before the daily record existed
    (before migration ``portal.0014_page_view_days``) are not in any year; the office corrects the figure for that year.
    """
    if not home_paths:
        return {"total_visits": 0}
    views = PageViewDay.objects.filter(in_trees(home_paths, other_paths, "page__"), day__year=year)
    return {"total_visits": views.aggregate(total=Sum("count"))["total"] or 0}


def probe_figures(website, start, end):
    counts = ProbeResult.objects.filter(site_id_code=website.key, probed_at__gte=start, probed_at__lt=end).aggregate(
        visits=Count("pk"), failures=Count("pk", filter=Q(ok=False)))
    return {"probe_visits": counts["visits"], "probe_failures": counts["failures"], "monitoring": bool(counts["visits"])}


def generate(website, year):
    """{code: value} for every generated row of ``website``'s (a ``audit.websites.Website``) report for ``year``."""
    start, end = year_bounds(year)
    channel_ids = list(website.channel_ids)
    homes = list(Organisation.objects.active().filter(home_page__isnull=False).values_list("pk", "home_page__path"))
    home_paths = [path for pk, path in homes if pk in channel_ids]
    other_paths = [path for pk, path in homes if pk not in channel_ids]
    figures = {
        **identity_figures(website),
        **catalogue_figures(channel_ids, start, end),
        **tree_figures(home_paths, other_paths, start, end),
        **view_figures(home_paths, other_paths, year),
        **probe_figures(website, start, end),
        "search_service": True,  # the portal's own site search (disclosure/search) on every website
    }
    try:
        figures.update(letter_figures(channel_ids, year))
    except ImportError:  # without the interaction app the office enters the letters itself
        pass
    figures.update(participation_figures(channel_ids, year))
    return figures


def participation_figures(channel_ids, year):
    """征集调查期数: consultations (意见征集) and surveys (网上调查) opened in the year, from the audit's
    participation feed; nothing when the interaction app offers no such feed (the office enters it)."""
    total = interaction_feed.website_participation(interaction_feed.participation(datetime.date(year, 12, 31)), channel_ids)
    return {} if total is None else {"surveys": total.consultations + total.surveys}
