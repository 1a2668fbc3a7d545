"""Existing columns get the default ColumnDescription and ColumnKeywords new columns are provisioned with.

Only blank fields are filled, on the page row and on its latest revision (the editor opens the revision,
so a later publish keeps the text). The organisation named is the one whose home page is the column's
nearest ancestor.
"""

from django.db import migrations


def fill_column_meta(apps, schema_editor):
    from portal.column_kinds import column_defaults

    ColumnPage = apps.get_model("portal", "ColumnPage")
    Organisation = apps.get_model("departments", "Organisation")
    Revision = apps.get_model("wagtailcore", "Revision")
    homes = dict(Organisation.objects.filter(home_page__isnull=False).values_list("home_page__path", "name"))
    for column in ColumnPage.objects.all().order_by("path"):
        if column.description and column.keywords:
            continue
        owner = next((homes[column.path[:length]] for length in range(len(column.path) - 4, 0, -4)
                      if column.path[:length] in homes), "")
        description, keywords = column_defaults(column.kind, owner)
        changes = {}
        if not column.description:
            changes["description"] = description
        if not column.keywords:
            changes["keywords"] = keywords
        ColumnPage.objects.filter(pk=column.pk).update(**changes)
        if column.latest_revision_id:
            revision = Revision.objects.filter(pk=column.latest_revision_id).first()
            if revision is not None and isinstance(revision.content, dict):
                content = dict(revision.content)
                for name, value in changes.items():
                    if not content.get(name):
                        content[name] = value
                Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0009_confidentiality_review"),
        ("departments", "0004_organisation_site_id_code"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(fill_column_meta, migrations.RunPython.noop),
    ]
