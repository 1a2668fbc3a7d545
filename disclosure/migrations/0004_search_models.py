"""Search: synonyms (seeded with the common ones), editors' picks, the query log and the index queue."""

import django.db.models.deletion
from django.db import migrations, models

SEED_SYNONYMS = ["社保，社会保险", "医保，医疗保险", "公积金，住房公积金"]


def seed_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("disclosure", "SynonymGroup")
    for words in SEED_SYNONYMS:
        SynonymGroup.objects.get_or_create(words=words)


class Migration(migrations.Migration):

    dependencies = [
        ("disclosure", "0003_applications"),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingIndexUpdate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('entry_id', models.BigIntegerField(unique=True, verbose_name='目录条目编号')),
                ('queued_at', models.DateTimeField(db_index=True, verbose_name='排队时间')),
                ('attempts', models.PositiveIntegerField(default=0, verbose_name='尝试次数')),
                ('last_error', models.TextField(blank=True, verbose_name='最近错误')),
            ],
            options={
                'verbose_name': '待更新索引',
                'verbose_name_plural': '待更新索引',
                'ordering': ['queued_at'],
            },
        ),
        migrations.CreateModel(
            name='SynonymGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('words', models.CharField(help_text='用逗号、顿号或空格分隔，例如：社保，社会保险。搜索其中任何一个词时，也会查找其余的词。', max_length=255, verbose_name='同义词')),
                ('active', models.BooleanField(default=True, verbose_name='启用')),
            ],
            options={
                'verbose_name': '同义词',
                'verbose_name_plural': '同义词',
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='EditorsPick',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('query', models.CharField(db_index=True, help_text='访客输入这个搜索词时，置顶显示所选条目。', max_length=100, verbose_name='搜索词')),
                ('description', models.CharField(blank=True, max_length=255, verbose_name='推荐说明')),
                ('sort_order', models.PositiveIntegerField(default=0, verbose_name='排序')),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='disclosure.catalogueentry', verbose_name='推荐条目')),
            ],
            options={
                'verbose_name': '推荐结果',
                'verbose_name_plural': '推荐结果',
                'ordering': ['query', 'sort_order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SearchQueryLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('query', models.CharField(db_index=True, max_length=200, verbose_name='搜索词')),
                ('scope', models.CharField(blank=True, help_text='机构标识；空表示全县。', max_length=40, verbose_name='范围')),
                ('result_count', models.PositiveIntegerField(verbose_name='结果数')),
                ('took_ms', models.PositiveIntegerField(verbose_name='用时（毫秒）')),
                ('used_fallback', models.BooleanField(default=False, verbose_name='数据库兜底')),
                ('searched_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='搜索时间')),
            ],
            options={
                'verbose_name': '搜索记录',
                'verbose_name_plural': '搜索记录',
                'ordering': ['-searched_at'],
                'indexes': [models.Index(fields=['result_count', 'searched_at'], name='search_log_zero_recent')],
            },
        ),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
    ]
