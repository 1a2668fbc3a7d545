"""Reply letters move out of MEDIA_ROOT into PRIVATE_MEDIA_ROOT, each renamed to a random name."""

import os
import shutil

from django.conf import settings
from django.db import migrations, models

import security.private_files


def move_reply_letters(apps, schema_editor):
    Application = apps.get_model("disclosure", "Application")
    namer = security.private_files.RandomName("applications/replies")
    for application in Application.objects.exclude(reply_letter="").only("pk", "reply_letter"):
        old = os.path.join(settings.MEDIA_ROOT, application.reply_letter.name)
        if not os.path.exists(old):
            continue
        new_name = namer(application, application.reply_letter.name)
        new = os.path.join(settings.PRIVATE_MEDIA_ROOT, new_name)
        os.makedirs(os.path.dirname(new), exist_ok=True)
        shutil.move(old, new)
        Application.objects.filter(pk=application.pk).update(reply_letter=new_name)


class Migration(migrations.Migration):

    dependencies = [
        ("disclosure", "0008_audit_cover_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="reply_letter",
            field=models.FileField(blank=True, storage=security.private_files.private_storage,
                                   upload_to=security.private_files.RandomName("applications/replies"),
                                   verbose_name="答复书"),
        ),
        migrations.RunPython(move_reply_letters, migrations.RunPython.noop),
    ]
