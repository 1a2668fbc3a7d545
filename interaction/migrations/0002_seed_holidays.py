"""Seed the working-day calendar from the chinesecalendar package (2004 onwards)."""

from django.db import migrations


def seed(apps, schema_editor):
    from interaction.holiday_sync import sync_holidays

    sync_holidays(day_model=apps.get_model("interaction", "CalendarDay"), year_model=apps.get_model("interaction", "CalendarYear"))


class Migration(migrations.Migration):
    dependencies = [("interaction", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
