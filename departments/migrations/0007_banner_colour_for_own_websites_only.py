# One main colour per website: an organisation's own colour only where it is its own website.

import departments.colours
from django.db import migrations, models

from departments.site_codes import is_own_website


def clear_channel_colours(apps, schema_editor):
    """Channels of the portal follow the portal's palette: the colour they had is dropped, not kept unused
    (it would only make the next save of the organisation fail)."""
    Organisation = apps.get_model("departments", "Organisation")
    SiteIdentity = apps.get_model("portal", "SiteIdentity")
    portal_code = SiteIdentity.objects.filter(site__is_default_site=True).values_list("site_id_code", flat=True).first()
    for organisation in Organisation.objects.exclude(banner_colour=""):
        if not is_own_website(organisation.hostname, organisation.site_id_code, portal_code or ""):
            Organisation.objects.filter(pk=organisation.pk).update(banner_colour="")


class Migration(migrations.Migration):

    dependencies = [
        ('departments', '0006_staffrole'),
        ('portal', '0015_site_palette'),
    ]

    operations = [
        migrations.AlterField(
            model_name='organisation',
            name='banner_colour',
            field=models.CharField(blank=True, help_text='仅限以独立域名和独立网站标识码开设单独网站的机构填写，例如 #1f5fa8（白色文字须清晰可读）。作为县政府门户网站栏目的部门、乡镇沿用门户网站的配色（设置 → 网站标识 → 网站配色），此处留空。', max_length=7, validators=[departments.colours.validate_hex_colour], verbose_name='独立网站主色'),
        ),
        migrations.RunPython(clear_channel_colours, migrations.RunPython.noop),
    ]
