"""Standing roles by a stable key: the information office's group may be renamed without losing its powers."""

import django.db.models.deletion
from django.db import migrations, models


def adopt_the_office_group(apps, schema_editor):
    """An installation that already has the group named 县政务公开办 keeps it, now tied by key."""
    Group = apps.get_model("auth", "Group")
    StaffRole = apps.get_model("departments", "StaffRole")
    group = Group.objects.filter(name="县政务公开办").first()
    if group is not None and not StaffRole.objects.filter(key="information_office").exists():
        StaffRole.objects.create(key="information_office", group=group)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("departments", "0005_leader_photo_and_cv"),
    ]

    operations = [
        migrations.CreateModel(
            name="StaffRole",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(choices=[("information_office", "县政务公开办")], max_length=32, unique=True,
                                         verbose_name="角色")),
                ("group", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="staff_role",
                                               to="auth.group", verbose_name="用户组")),
            ],
            options={"verbose_name": "常设角色", "verbose_name_plural": "常设角色"},
        ),
        migrations.RunPython(adopt_the_office_group, migrations.RunPython.noop),
    ]
