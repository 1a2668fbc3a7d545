"""What a restored installation must show again: catalogue, letters, applications, pages, accounts, files.

Imported by the backup tests and, through ``manage.py shell``, by the restored installation in its own
process (``python manage.py shell -c "from tests.security.backup_snapshot import write; write(PATH)"``).
"""

import hashlib
import json


def _file_checksums():
    """{"<model label>.<field>:<pk>": sha256 of the stored file} for every FileField/ImageField in use."""
    from django.apps import apps
    from django.db.models import FileField

    checksums = {}
    for model in apps.get_models():
        fields = [field for field in model._meta.concrete_fields if isinstance(field, FileField)]
        for field in fields:
            for pk, name in model._base_manager.exclude(**{field.name: ""}).values_list("pk", field.name):
                with field.storage.open(name, "rb") as handle:
                    checksums[f"{model._meta.label}.{field.name}:{pk}"] = hashlib.sha256(handle.read()).hexdigest()
    return checksums


def snapshot():
    """A JSON-able picture of the installation's records and files."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from disclosure.applications.models import Application
    from disclosure.models import CatalogueEntry
    from interaction.models import Letter

    return {
        "index_numbers": sorted(CatalogueEntry.objects.values_list("index_number", flat=True)),
        "letters": sorted(list(row) for row in Letter.objects.values_list("tracking_code", "subject", "status")),
        "applications": sorted(list(row) for row in Application.objects.values_list(
            "tracking_number", "status", "reply_letter")),
        "pages": sorted(list(row) for row in Page.objects.values_list("url_path", "title", "live")),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "files": _file_checksums(),
    }


def search_index():
    """Primary keys the search index holds, and those it should hold (every public catalogue entry)."""
    from haystack.query import SearchQuerySet

    from disclosure.models import CatalogueEntry

    return {
        "indexed": sorted(int(result.pk) for result in SearchQuerySet().models(CatalogueEntry)),
        "public": sorted(CatalogueEntry.objects.public().values_list("pk", flat=True)),
    }


def write(path):
    """Write ``snapshot()`` and ``search_index()`` to ``path`` as JSON (UTF-8)."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"snapshot": snapshot(), "search": search_index()}, handle, ensure_ascii=False)
