"""Application files (reply letters, receipt and delivery evidence, correction material) move out of
MEDIA_ROOT into PRIVATE_MEDIA_ROOT, each renamed to a random name (security/private_files.py)."""

import os
import shutil

from django.conf import settings
import security.private_files
from django.db import migrations, models


FILE_FIELDS = [
    ("Application", "reply_letter", "applications/replies"),
    ("Application", "receipt_evidence", "applications/evidence"),
    ("CorrectionSubmission", "attachment", "applications/corrections"),
    ("NoticeDelivery", "evidence", "applications/deliveries"),
]


def move_to_private_storage(apps, schema_editor):
    for model_name, field, prefix in FILE_FIELDS:
        model = apps.get_model("disclosure", model_name)
        namer = security.private_files.RandomName(prefix)
        for pk, name in model.objects.exclude(**{field: ""}).values_list("pk", field):
            old = os.path.join(settings.MEDIA_ROOT, name)
            if not name or not os.path.exists(old):
                continue
            new_name = namer(None, name)
            new = os.path.join(settings.PRIVATE_MEDIA_ROOT, new_name)
            os.makedirs(os.path.dirname(new), exist_ok=True)
            shutil.move(old, new)
            model.objects.filter(pk=pk).update(**{field: new_name})


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0016_display_date_set_at_first_publication'),
    ]

    operations = [
        migrations.AlterField(
            model_name='application',
            name='receipt_evidence',
            field=models.FileField(blank=True, help_text='信封、签收单、传真件或邮件的扫描件。', storage=security.private_files.private_storage, upload_to=security.private_files.RandomName('applications/evidence'), verbose_name='收件凭证'),
        ),
        migrations.AlterField(
            model_name='application',
            name='reply_letter',
            field=models.FileField(blank=True, storage=security.private_files.private_storage, upload_to=security.private_files.RandomName('applications/replies'), verbose_name='答复书'),
        ),
        migrations.AlterField(
            model_name='correctionsubmission',
            name='attachment',
            field=models.FileField(blank=True, storage=security.private_files.private_storage, upload_to=security.private_files.RandomName('applications/corrections'), verbose_name='补正材料'),
        ),
        migrations.AlterField(
            model_name='noticedelivery',
            name='evidence',
            field=models.FileField(blank=True, help_text='签收单、送达回证或邮寄回执的扫描件。', storage=security.private_files.private_storage, upload_to=security.private_files.RandomName('applications/deliveries'), verbose_name='送达凭证'),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
