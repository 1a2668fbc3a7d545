"""Index serials are unique per numbering organisation, not per current organisation.

An entry moved into another organisation's tree keeps the number (and serial) its first publisher gave
it; with the old constraint (organisation, year, serial) the move collided with the receiving
organisation's own serial of that year, and after the move that organisation could not publish again
once its counter reached the moved entry's serial.
"""

import django.db.models.deletion
from django.db import migrations, models


def copy_current_organisation(apps, schema_editor):
    # Existing entries were numbered by the organisation they belong to now (a move used to fail).
    CatalogueEntry = apps.get_model("disclosure", "CatalogueEntry")
    CatalogueEntry.objects.update(index_organisation=models.F("organisation"))


class Migration(migrations.Migration):
    dependencies = [
        ("departments", "0001_initial"),
        ("disclosure", "0013_yearly_report_approval_and_normative_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogueentry",
            name="index_organisation",
            field=models.ForeignKey(
                editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="departments.organisation", verbose_name="编号机构",
                help_text="首次发布时给出索引号的机构；页面移入其他机构后不变。",
            ),
        ),
        migrations.RunPython(copy_current_organisation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="catalogueentry",
            name="index_organisation",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="departments.organisation", verbose_name="编号机构",
                help_text="首次发布时给出索引号的机构；页面移入其他机构后不变。",
            ),
        ),
        migrations.RemoveConstraint(model_name="catalogueentry", name="unique_index_serial_per_org_year"),
        migrations.AddConstraint(
            model_name="catalogueentry",
            constraint=models.UniqueConstraint(
                fields=("index_organisation", "index_year", "index_serial"), name="unique_index_serial_per_issuer_year"
            ),
        ),
    ]
