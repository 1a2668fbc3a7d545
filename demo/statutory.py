"""The demo county's 法定主动公开内容: internal structures, rules on disclosure work, and a few items due.

What it leaves deliberately for the due-items report to find (docs/statutory-items.md):
- 河口乡, the dormant township, has not filled in its 机构设置 (a missing organisation fact, 条例 art. 20(2));
- the monthly 全县财政收支月报 (a local item of the finance bureau, or of the county government in the
  small demo that has no finance bureau) was not published for the month four months back.
The items are planned with the organisation's other items (``statutory_plans``), so index numbers
still rise with the recorded publication time.
"""

import calendar
import datetime

from django.utils import timezone

from departments.models import Organisation
from disclosure.models import StatutoryItem
from portal.column_kinds import ColumnKind

from .drafts import Draft
from .schedule import ItemPlan

MONTHLY_ITEM_CODE = "local-czj-monthly-finance"
MISSING_STRUCTURE = {"hkx"}
RULES = (
    ("示例县人民政府政府信息公开保密审查制度",
     "为规范政府信息公开保密审查工作，拟公开的政府信息应当依照法律、法规和国家有关规定进行审查，坚持“先审查、后公开”和“一事一审”原则。"),
    ("示例县人民政府依申请公开政府信息办理规范",
     "本规范明确依申请公开的受理、登记、补正、征求意见、答复和送达等环节的办理要求和时限。"),
)


def internal_structure(organisation):
    if organisation.kind == Organisation.Kind.TOWNSHIP:
        return "内设党政综合办公室、经济发展办公室、社会事务办公室、平安建设办公室，下设便民服务中心、综合行政执法队。"
    return f"{organisation.short_name}内设办公室、政策法规科、业务管理科、财务审计科，下属事业单位若干。"


def fill_internal_structures(organisations):
    """机构设置 for every organisation but the ones left deliberately incomplete; kept once filled."""
    for key, organisation in organisations.items():
        if organisation.internal_structure or key in MISSING_STRUCTURE:
            continue
        organisation.internal_structure = internal_structure(organisation)
        organisation.save(update_fields=["internal_structure"])


def publishes_monthly_finance(profile, keys):
    return profile.key == "czj" or (profile.key == "county" and "czj" not in keys)


def statutory_plans(profile, organisation, now, keys):
    """Extra items of ``profile`` filed under statutory items: [ItemPlan] with their drafts written."""
    plans = []
    if profile.is_county:
        rules = StatutoryItem.objects.get(code="gk-rules")
        for offset, (title, text) in enumerate(RULES):
            when = now - datetime.timedelta(days=300 - offset)
            plans.append(plan(ColumnKind.NOTICES, when, now, Draft("article", title, [("html", f"<p>{text}</p>")], statutory_item=rules.code)))
    if publishes_monthly_finance(profile, keys):
        item, _created = StatutoryItem.objects.get_or_create(code=MONTHLY_ITEM_CODE, defaults={
            "name": "全县财政收支月报", "organisation": organisation, "schedule": "monthly", "due_day": 20, "sort_order": 1000,
            "content_elements": "一般公共预算收入、支出完成情况",
            "legal_basis": "《中华人民共和国预算法》第十四条；县政府政务公开工作要点",
        })
        kind = ColumnKind.FINANCE if profile.key == "czj" else ColumnKind.NOTICES
        today = timezone.localtime(now).date()
        for back in range(12, 0, -1):
            if back == 4:
                continue  # never published: the due-items report finds it
            year, month = month_back(today, back)
            next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
            when = timezone.make_aware(datetime.datetime(next_year, next_month, 12, 9, 30))
            if when > now:
                continue
            last_day = calendar.monthrange(year, month)[1]
            text = f"截至{year}年{month}月{last_day}日，全县一般公共预算收入和支出均按序时进度完成。"
            plans.append(plan(kind, when, now, Draft("article", f"{year}年1—{month}月全县财政收支情况", [("html", f"<p>{text}</p>")],
                                                     statutory_item=item.code)))
    return plans


def plan(kind, when, now, draft):
    return ItemPlan(kind, when, (now - when).days, draft=draft)


def month_back(day, months):
    year, month = day.year, day.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return year, month
