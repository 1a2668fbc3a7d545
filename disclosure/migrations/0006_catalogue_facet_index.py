"""Indexes for the catalogue's facet counts (see benchmarks/catalogue_bench.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0005_catalogue_browse_fields")]

    operations = [
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(
                fields=["status", "organisation", "display_year", "genre", "validity", "topic"], name="entry_facets"
            ),
        ),
    ]
