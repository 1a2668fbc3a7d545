"""Seed the national defaults (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号).

The values are written out here, not imported, so this migration keeps meaning what it meant
when it was written even if later code changes its idea of a default.
"""

from django.db import migrations

INSPECTION = "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）"

# (column kind, limit days, warning days, counts toward the 动态要闻+通知公告政策文件 veto, source)
COLUMN_RULES = [
    ("headlines", 14, 10, True, f"{INSPECTION}：动态、要闻类栏目 2 周未更新视为不更新。"),
    ("news", 14, 10, True, f"{INSPECTION}：动态、要闻类栏目 2 周未更新视为不更新。"),
    ("notices", 180, 150, True, f"{INSPECTION}：通知公告类栏目 6 个月（按 180 天计）未更新视为不更新。"),
    ("policies", 180, 150, True, f"{INSPECTION}：政策文件类栏目 6 个月（按 180 天计）未更新视为不更新。"),
    ("personnel", 365, 330, False, "监测工具常用的 1 年更新周期（人事、规划计划类），检查指标原文未见，可按需调整。"),
    ("planning", 365, 330, False, "监测工具常用的 1 年更新周期（人事、规划计划类），检查指标原文未见，可按需调整。"),
    ("interpretations", None, None, False, f"{INSPECTION}未规定此类栏目的更新周期。"),
    ("guides", None, None, False, f"{INSPECTION}未规定此类栏目的更新周期。"),
    ("finance", None, None, False, f"{INSPECTION}未规定此类栏目的更新周期。"),
    ("overview", None, None, False, f"{INSPECTION}未规定此类栏目的更新周期。"),
    ("other", None, None, False, f"{INSPECTION}未规定此类栏目的更新周期。"),
]

# (code, threshold, warning threshold, unit, explanation)
VETO_RULES = [
    ("stale_frequent", 5, 3, "个栏目",
     f"{INSPECTION}，单项否决：动态、要闻类栏目 2 周以上未更新，与通知公告、政策文件类一级栏目 6 个月以上未更新，合计 5 个及以上。"),
    ("overdue_columns", 10, 6, "个栏目",
     f"{INSPECTION}，单项否决：应更新但长期未更新的栏目（任一更新周期）合计 10 个及以上。"),
    ("empty_columns", 5, 3, "个栏目",
     f"{INSPECTION}，单项否决：栏目开设后无任何信息（空白栏目）5 个及以上。"),
    ("dormant_home", 14, 10, "天",
     f"{INSPECTION}，单项否决：首页栏目 2 周（14 天）以上无新内容（首页不更新）；无可见发布日期的信息视为未更新。"),
    ("false_dates", 1, None, "条",
     f"{INSPECTION}，严重错误之一：伪造发稿日期。显示的发布日期与系统记录的首次发布时间相差超过 1 天即列为疑似伪造。"),
    ("interaction", 1, None, "条",
     f"{INSPECTION}，单项否决：无可用的在线咨询渠道，或 1 年内有留言超过 3 个月未回复。"),
]


def seed(apps, schema_editor):
    ColumnRule = apps.get_model("audit", "ColumnRule")
    VetoRule = apps.get_model("audit", "VetoRule")
    for kind, limit, warning, frequent, source in COLUMN_RULES:
        ColumnRule.objects.get_or_create(
            column_kind=kind,
            defaults={"limit_days": limit, "warning_days": warning, "counts_toward_frequent_veto": frequent, "source": source},
        )
    for code, threshold, warning, unit, explanation in VETO_RULES:
        VetoRule.objects.get_or_create(
            code=code,
            defaults={"threshold": threshold, "warning_threshold": warning, "unit": unit, "explanation": explanation},
        )


def unseed(apps, schema_editor):
    apps.get_model("audit", "ColumnRule").objects.all().delete()
    apps.get_model("audit", "VetoRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_rules")]
    operations = [migrations.RunPython(seed, unseed)]
