"""Newest-first indexes that end in the key, so "-display_date, -pk" pages are read from the index backwards."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0006_catalogue_facet_index")]

    operations = [
        migrations.RemoveIndex(model_name="catalogueentry", name="entry_status_date"),
        migrations.RemoveIndex(model_name="catalogueentry", name="entry_org_status_date"),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["status", "display_date", "id"], name="entry_status_date_id"),
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["organisation", "status", "display_date", "id"], name="entry_org_status_date_id"),
        ),
    ]
