"""The demo county's 法定主动公开内容: internal structures, rules on disclosure work, and a few items due.

What it leaves deliberately for the due-items report to find (docs/statutory-items.md):
- 白沙乡 has not filled in its 机构设置 (a missing organisation fact, 条例 art. 20(2));
- the finance bureau's monthly 财政收支月报 (a local item) was not published for the month
  four months back;
- every township's quarterly 财政收支 item has nothing filed under it yet.
Runs once: an organisation that already has its internal structure is left alone.
"""

import calendar
import datetime

from django.utils import timezone

from departments.models import Organisation
from disclosure.models import StatutoryItem
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage, ColumnPage

MONTHLY_ITEM_CODE = "local-czj-monthly-finance"
MISSING_STRUCTURE = {"bsx"}


def internal_structure(organisation):
    if organisation.kind == Organisation.Kind.TOWNSHIP:
        return "内设党政综合办公室、经济发展办公室、社会事务办公室、平安建设办公室，下设便民服务中心、综合行政执法队。"
    return f"{organisation.short_name}内设办公室、政策法规科、业务管理科、财务审计科，下属事业单位若干。"


def seed_statutory_examples(organisations, now, publish_at):
    """Fill in what the demo county's organisations publish by law; ``publish_at(column, page, when)`` publishes."""
    for key, organisation in organisations.items():
        if organisation.internal_structure or key in MISSING_STRUCTURE:
            continue
        organisation.internal_structure = internal_structure(organisation)
        organisation.save(update_fields=["internal_structure"])
        if organisation.kind == Organisation.Kind.COUNTY:
            publish_rules(organisation, now, publish_at)
    finance = organisations.get("czj")
    if finance is not None and not StatutoryItem.objects.filter(code=MONTHLY_ITEM_CODE).exists():
        publish_monthly_finance(finance, now, publish_at)


def column_of(organisation, kind):
    return ColumnPage.objects.child_of(organisation.home_page).filter(kind=kind).first()


def article(title, body, when, item, serial):
    return ArticlePage(
        title=title, slug=f"t{timezone.localtime(when):%Y%m%d}_{9000 + serial:04d}",
        body=[("paragraph", f"<p>{body}</p>")], display_date=when, statutory_item=item,
    )


def publish_rules(county, now, publish_at):
    rules = StatutoryItem.objects.get(code="gk-rules")
    column = column_of(county, ColumnKind.NOTICES)
    when = now - datetime.timedelta(days=300)
    for serial, (title, body) in enumerate((
        ("示例县人民政府政府信息公开保密审查制度", "为规范政府信息公开保密审查工作，拟公开的政府信息应当依照法律、法规和国家有关规定进行审查，坚持“先审查、后公开”和“一事一审”原则。"),
        ("示例县人民政府依申请公开政府信息办理规范", "本规范明确依申请公开的受理、登记、补正、征求意见、答复和送达等环节的办理要求和时限。"),
    )):
        publish_at(column, article(title, body, when, rules, serial), when)
        when += datetime.timedelta(days=1)


def month_back(day, months):
    year, month = day.year, day.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return year, month


def publish_monthly_finance(finance, now, publish_at):
    item = StatutoryItem.objects.create(
        code=MONTHLY_ITEM_CODE, name="全县财政收支月报", organisation=finance,
        content_elements="一般公共预算收入、支出完成情况", legal_basis="《中华人民共和国预算法》第十四条；县政府政务公开工作要点",
        schedule="monthly", due_day=20, needs_column=True, column_kinds=ColumnKind.FINANCE, sort_order=1000,
    )
    column = column_of(finance, ColumnKind.FINANCE)
    today = timezone.localtime(now).date()
    for back in range(12, 0, -1):
        year, month = month_back(today, back)
        if back == 4:
            continue  # never published: the due-items report finds it
        next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
        when = timezone.make_aware(datetime.datetime(next_year, next_month, 12, 9, 30))
        if when > now:
            continue
        last_day = calendar.monthrange(year, month)[1]
        publish_at(column, article(
            f"{year}年1—{month}月全县财政收支情况",
            f"截至{year}年{month}月{last_day}日，全县一般公共预算收入和支出均按序时进度完成。",
            when, item, 100 + back,
        ), when)
