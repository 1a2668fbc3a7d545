from django.db import migrations

from portal.taxonomy import SECOND_LEVEL_TOPICS, TOP_LEVEL_TOPICS


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("disclosure", "Topic")
    for order, name in enumerate(TOP_LEVEL_TOPICS):
        parent, _ = Topic.objects.get_or_create(name=name, parent=None, defaults={"sort_order": order})
        for child_order, child in enumerate(SECOND_LEVEL_TOPICS.get(name, [])):
            Topic.objects.get_or_create(name=child, parent=parent, defaults={"sort_order": child_order})


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]
    operations = [migrations.RunPython(seed_topics, migrations.RunPython.noop)]
