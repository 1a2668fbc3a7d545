"""Wagtail's own migration creates a workflow and a task named "Moderators approval"; approvers and editors
meet that name in the workflow reports and filters. Give them a Chinese name (issue 19: the admin in Chinese)."""

from django.db import migrations

ENGLISH, CHINESE = "Moderators approval", "默认审核流程"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=ENGLISH).update(name=CHINESE)
    apps.get_model("wagtailcore", "Task").objects.filter(name=ENGLISH).update(name=CHINESE)


def rename_back(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=CHINESE).update(name=ENGLISH)
    apps.get_model("wagtailcore", "Task").objects.filter(name=CHINESE).update(name=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0012_column_kind_responses"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
