"""Calendar months for the 6-month and 1-year columns, and the vetoes software can now measure.

Values are written out here, not imported, so this migration keeps meaning what it meant when
it was written. Only rows still at the earlier national default are changed: an office that
re-thresholded a rule keeps its own value.
"""

from django.db import migrations

INSPECTION = "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）"

# (column kind, months, old default limit days, source)
MONTHS = [
    ("notices", 6, 180, f"{INSPECTION}：通知公告类栏目 6 个月（按自然月计）未更新视为不更新。"),
    ("policies", 6, 180, f"{INSPECTION}：政策文件类栏目 6 个月（按自然月计）未更新视为不更新。"),
    ("personnel", 12, 365, "监测工具常用的 1 年更新周期（人事、规划计划类，按自然月计），检查指标原文未见，可按需调整。"),
    ("planning", 12, 365, "监测工具常用的 1 年更新周期（人事、规划计划类，按自然月计），检查指标原文未见，可按需调整。"),
]

VETO_RULES = [
    ("unreachable", 5, 3, "%",
     f"{INSPECTION}，单项否决：站点无法访问——监测 1 周，每天不少于 20 次，页面 15 秒内无法打开的次数占 5% 及以上。"
     "由 manage.py probe_sites 记录首页和部分栏目页的访问结果。"),
    ("content_errors", 1, None, "条",
     f"{INSPECTION}，单项否决：严重错误（严重表述错误、泄露个人信息或国家秘密、错敏词等）。"
     "数据来自内容巡查中“阻断”级且未整改的发现；未安装内容巡查时本项未评估。"),
    ("service", 4, None, "类要素",
     f"{INSPECTION}，单项否决：服务不实用——没有办事服务，或办事指南要素缺失。"
     "要素：事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程；"
     "一份指南缺少达到阈值类要素即否决（监测机构常用阈值 4 类，检查指标原文未见，可调整）。"),
]

INTERACTION = (f"{INSPECTION}，单项否决：无可用的在线咨询渠道；或 1 年内的有效留言答复时间超过 3 个月（按自然月计），"
               "以及超过 3 个月仍未答复的留言（不论何时收到）。认定为无效、不予受理、转信访的来信不计入。")


def seed(apps, schema_editor):
    ColumnRule = apps.get_model("audit", "ColumnRule")
    VetoRule = apps.get_model("audit", "VetoRule")
    for kind, months, old_days, source in MONTHS:
        ColumnRule.objects.filter(column_kind=kind, limit_days=old_days, limit_months__isnull=True).update(
            limit_months=months, limit_days=None, source=source
        )
    for code, threshold, warning, unit, explanation in VETO_RULES:
        VetoRule.objects.get_or_create(
            code=code,
            defaults={"threshold": threshold, "warning_threshold": warning, "unit": unit, "explanation": explanation},
        )
    VetoRule.objects.filter(code="interaction").update(explanation=INTERACTION)


def unseed(apps, schema_editor):
    ColumnRule = apps.get_model("audit", "ColumnRule")
    for kind, months, old_days, _source in MONTHS:
        ColumnRule.objects.filter(column_kind=kind, limit_months=months).update(limit_months=None, limit_days=old_days)
    apps.get_model("audit", "VetoRule").objects.filter(code__in=[code for code, *_rest in VETO_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_calendar_months_probes_link_checks")]
    operations = [migrations.RunPython(seed, unseed)]
