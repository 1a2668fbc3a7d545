"""ColumnType follows the official list exactly (政府网站发展指引); columns carry a description and keywords."""

import importlib
import re

from django.apps import apps
from django.core.cache import cache

from portal.column_kinds import META_COLUMN_TYPE, OFFICIAL_COLUMN_TYPES, ColumnKind
from portal.models import ColumnPage
from tests import factories


def meta_tags(response):
    return dict(re.findall(r'<meta name="([A-Za-z]+)" content="([^"]*)">', response.content.decode()))


def test_every_kind_maps_to_a_value_of_the_official_list():
    assert set(META_COLUMN_TYPE) == set(ColumnKind.values)
    assert set(META_COLUMN_TYPE.values()) <= set(OFFICIAL_COLUMN_TYPES)
    assert META_COLUMN_TYPE[ColumnKind.PERSONNEL] == "信息公开目录"  # not 负责人信息 (the leaders' profiles)
    assert META_COLUMN_TYPE[ColumnKind.NOTICES] == "工作动态"
    assert META_COLUMN_TYPE[ColumnKind.PLANNING] == "政策文件"
    assert META_COLUMN_TYPE[ColumnKind.FINANCE] == "信息公开目录"


def test_provisioned_columns_carry_a_description_and_keywords(client, department):
    cache.clear()
    personnel = factories.column(department, ColumnKind.PERSONNEL)
    assert department.name in personnel.description and "人事任免" in personnel.keywords
    assert all(column.description and column.keywords for column in ColumnPage.objects.child_of(department.home_page))
    tags = meta_tags(client.get(personnel.url))
    assert tags["ColumnType"] == "信息公开目录"
    assert tags["ColumnDescription"] == personnel.description
    assert tags["ColumnKeywords"] == personnel.keywords


def test_the_migration_fills_blank_columns_and_their_latest_revision_only(department):
    finance = factories.column(department, ColumnKind.FINANCE)
    news = factories.column(department, ColumnKind.NEWS)
    ColumnPage.objects.filter(pk=finance.pk).update(description="", keywords="")
    revision = finance.latest_revision
    revision.content = {**revision.content, "description": "", "keywords": ""}
    revision.save()
    ColumnPage.objects.filter(pk=news.pk).update(description="本局自己写的说明", keywords="")
    migration = importlib.import_module("portal.migrations.0010_column_description_and_keywords")
    migration.fill_column_meta(apps, None)
    finance.refresh_from_db()
    news.refresh_from_db()
    assert finance.description == f"发布{department.name}的部门预算、决算和“三公”经费等财政资金信息。"
    assert finance.keywords == "财政资金,预算,决算,三公经费"
    assert finance.latest_revision.as_object().description == finance.description
    assert news.description == "本局自己写的说明" and news.keywords == "工作动态,政务动态,工作信息"
