"""A stored month column so monthly statistics group by a plain column, with a covering index."""

from django.db import migrations, models


def fill_months(apps, schema_editor):
    Letter = apps.get_model("interaction", "Letter")
    for letter in Letter.objects.only("pk", "received_on").iterator():
        Letter.objects.filter(pk=letter.pk).update(received_month=letter.received_on.replace(day=1))


class Migration(migrations.Migration):
    dependencies = [("interaction", "0004_create_mailboxes")]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="received_month",
            field=models.DateField(editable=False, null=True, verbose_name="收信月份"),
        ),
        migrations.RunPython(fill_months, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="letter",
            name="received_month",
            field=models.DateField(editable=False, verbose_name="收信月份"),
        ),
        migrations.AddIndex(
            model_name="letter",
            index=models.Index(
                fields=["mailbox", "received_month", "status", "replied_on_time", "working_days_to_reply"],
                name="letter_monthly_statistics",
            ),
        ),
    ]
