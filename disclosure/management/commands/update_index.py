"""``update_index``: haystack's own command over the catalogue index.

Defined here only so that it wins the name over Wagtail's ``update_index`` (our app is first
in INSTALLED_APPS); Wagtail's stays available as ``wagtail_update_index``.
"""

from haystack.management.commands.update_index import Command as HaystackUpdateCommand


class Command(HaystackUpdateCommand):
    help = "Update the catalogue search index (haystack); Wagtail's page index is `wagtail_update_index`."
