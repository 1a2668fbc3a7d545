# The website palette (网站配色): three colours on the identity settings.

import departments.colours
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0014_page_view_days'),
    ]

    operations = [
        migrations.AddField(
            model_name='siteidentity',
            name='accent_colour',
            field=models.CharField(default='#f5d27a', help_text='页头下沿、当前栏目标记等细线的颜色，与主色的对比度不低于 3:1。', max_length=7, validators=[departments.colours.validate_hex_colour], verbose_name='点缀色'),
        ),
        migrations.AddField(
            model_name='siteidentity',
            name='main_colour',
            field=models.CharField(default='#b31b1b', help_text='页头、导航栏、按钮和栏目标题的颜色，白色文字在其上须清晰可读（对比度不低于 4.5:1）。', max_length=7, validators=[departments.colours.validate_hex_colour], verbose_name='主色'),
        ),
        migrations.AddField(
            model_name='siteidentity',
            name='secondary_colour',
            field=models.CharField(default='#0b4a8b', help_text='链接文字的颜色，在浅色页面底色上须清晰可读（对比度不低于 4.5:1）。', max_length=7, validators=[departments.colours.validate_hex_colour], verbose_name='辅助色'),
        ),
    ]
