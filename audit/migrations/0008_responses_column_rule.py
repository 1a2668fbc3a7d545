"""The rule row for 回应关切 columns (column kind ``responses``, added in portal 0012).

The inspection indicators (国办秘函〔2019〕19号) set no update period for 回应关切 columns, so the row says so:
the column is judged only as empty or not. The office may set a period in 审计 → 栏目更新规则.
"""

from django.db import migrations

SOURCE = "政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）未规定此类栏目的更新周期。"


def seed(apps, schema_editor):
    apps.get_model("audit", "ColumnRule").objects.get_or_create(
        column_kind="responses",
        defaults={"limit_days": None, "limit_months": None, "warning_days": None,
                  "counts_toward_frequent_veto": False, "source": SOURCE},
    )


def unseed(apps, schema_editor):
    apps.get_model("audit", "ColumnRule").objects.filter(column_kind="responses").delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0007_website_report_approval")]
    operations = [migrations.RunPython(seed, unseed)]
