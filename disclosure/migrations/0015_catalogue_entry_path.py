"""Entries keep their page's path inside its Site, so links are made per request from the Site's current address."""

from urllib.parse import urlsplit

from django.db import migrations, models


def fill_paths(apps, schema_editor):
    CatalogueEntry = apps.get_model("disclosure", "CatalogueEntry")
    changed = []
    for entry in CatalogueEntry.objects.only("pk", "url").iterator(chunk_size=2000):
        entry.path = urlsplit(entry.url).path if entry.url else ""
        changed.append(entry)
        if len(changed) >= 2000:
            CatalogueEntry.objects.bulk_update(changed, ["path"])
            changed = []
    CatalogueEntry.objects.bulk_update(changed, ["path"])


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0014_index_number_issuer")]

    operations = [
        migrations.AddField(
            model_name="catalogueentry",
            name="path",
            field=models.CharField(blank=True, editable=False, max_length=500, verbose_name="站内路径"),
        ),
        migrations.RunPython(fill_paths, migrations.RunPython.noop),
    ]
