"""Give every organisation that already exists its mailbox (new ones get theirs when saved)."""

from django.db import migrations


def create(apps, schema_editor):
    from interaction.mailboxes import ensure_all_mailboxes

    ensure_all_mailboxes(apps.get_model("departments", "Organisation"), apps.get_model("interaction", "Mailbox"))


class Migration(migrations.Migration):
    dependencies = [("interaction", "0003_mailboxes"), ("departments", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
