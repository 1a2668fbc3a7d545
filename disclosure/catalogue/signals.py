"""The catalogue's one announcement: ``catalogue_changed``, sent whenever catalogue entries change.

Everything that follows the catalogue (the search index queue, the anonymous page cache, the
catalogue's own facet generation, feeds and the sitemap, content checks) listens to this signal
and never to page signals directly. See docs/catalogue.md.

A leaf module: it imports nothing of the project, so any app may connect to it without importing
against the layers' arrows (organisations → pages → catalogue → search · audit · reports).
"""

from enum import StrEnum

from django.dispatch import Signal


class ChangeKind(StrEnum):
    """Why entries changed. Receivers that do the same work for every kind may ignore it."""

    PUBLISHED = "publish"  # registered at first publication, or updated / restored by a later publish
    WITHDRAWN = "withdraw"  # unpublished, expired or deleted page: the entry is kept but leaves public listings
    PRIVACY = "privacy"  # a view restriction on the page or an ancestor was added, changed or removed
    MOVED = "move"  # URL, Site, column or organisation re-read: page or column moved, slug or Site changed
    SYNCED = "sync"  # ``catalogue_sync`` repaired drift between pages and entries
    BULK = "bulk"  # many entries' shared data changed at once (organisation or topic renamed, bulk edit)


#: Sent with ``sender=CatalogueEntry``, ``entry_ids`` (a ``frozenset`` of ``CatalogueEntry`` primary
#: keys, never empty) and ``kind`` (a :class:`ChangeKind`). Other things the one search finds (public
#: letters, organisations) are announced on it too, with their own model as ``sender`` and their primary
#: keys as ``entry_ids``; receivers connected with ``sender=CatalogueEntry`` never see those. Sent inside the transaction that wrote
#: the change, right after the write: a receiver's own database writes (e.g. the index queue) commit
#: or roll back with it; work that must see the committed state belongs in ``transaction.on_commit``.
catalogue_changed = Signal()


def announce(entry_ids, kind, sender=None):
    """Send ``catalogue_changed`` once for the given entries. Returns the ids announced (a frozenset).

    ``entry_ids``: any iterable of primary keys (``None`` and duplicates are ignored); nothing is sent
    when it is empty. ``kind``: a :class:`ChangeKind` (``ValueError`` for anything else). ``sender``: the
    model of the objects, ``CatalogueEntry`` by default (an app announcing its own searchable model,
    e.g. a public letter, passes that model). Errors raised
    by receivers propagate: a receiver must not fail the catalogue change it follows, so receivers
    that touch something fragile (an index server, mail) queue the work instead of doing it.
    """
    from django.apps import apps

    kind = ChangeKind(kind)
    ids = frozenset(int(pk) for pk in entry_ids if pk is not None)
    if ids:
        sender = sender or apps.get_model("disclosure", "CatalogueEntry")
        catalogue_changed.send(sender=sender, entry_ids=ids, kind=kind)
    return ids
