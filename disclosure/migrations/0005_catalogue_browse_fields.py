"""Catalogue browsing and harvesting: the display year (for year facets) and the record's change time (API ``since``)."""

import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone


def fill_new_fields(apps, schema_editor):
    CatalogueEntry = apps.get_model("disclosure", "CatalogueEntry")
    for entry in CatalogueEntry.objects.only("display_date", "withdrawn_at", "last_updated_at").iterator(chunk_size=2000):
        CatalogueEntry.objects.filter(pk=entry.pk).update(
            display_year=timezone.localtime(entry.display_date).year,
            changed_at=entry.withdrawn_at or entry.last_updated_at,
        )


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0004_search_models")]

    operations = [
        migrations.AddField(
            model_name="catalogueentry",
            name="display_year",
            field=models.PositiveSmallIntegerField(db_index=True, default=0, editable=False, verbose_name="发布年份"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="catalogueentry",
            name="changed_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False, verbose_name="记录变更时间"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_new_fields, migrations.RunPython.noop),
    ]
