"""The test databases start from the migrated template (tests/migrated_database.py); it must be what
``migrate`` makes of today's migrations, never an older set."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.migrated_database import code_key


@pytest.mark.django_db
def test_the_test_database_has_every_migration_applied():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


@pytest.mark.django_db
def test_the_template_holds_what_post_migrate_makes():
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    assert ContentType.objects.filter(app_label="disclosure", model="catalogueentry").exists()
    assert Permission.objects.filter(codename="add_catalogueentry").exists()


def test_the_key_changes_with_a_migration(tmp_path, monkeypatch):
    from django.apps import apps

    before = code_key()
    app = apps.get_app_config("disclosure")
    extra = tmp_path / "migrations"
    extra.mkdir()
    (extra / "9999_added.py").write_text("# a migration\n")
    monkeypatch.setattr(app, "path", str(tmp_path))
    assert code_key() != before
