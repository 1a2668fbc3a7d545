"""Haystack's Whoosh backend, taught Chinese and made safe for one writer.

* ``build_schema`` maps our field types (``fields.py``): match-form term fields, the
  match-form column, exact identifier keywords, sortable facet columns, dates as columns only;
  nothing large is stored in the index (snippets are made from the database, which is the source
  of truth).
* ``update``/``remove`` take the index lock themselves with a short timeout and raise
  :class:`IndexLocked` rather than queueing in a background thread (haystack's default uses
  Whoosh's ``AsyncWriter``): the search queue (``queue.py``) retries, so a held lock delays
  an update but never loses it and never blocks publishing.
* A lost index (directory deleted, table of contents gone) is never silently re-created by a
  writer: haystack's ``setup()`` would start an empty index holding only the next few entries,
  and search would quietly shrink to them. Writers raise :class:`IndexMissing` instead, and the
  queue rebuilds the whole index from the catalogue (``queue.process_pending``).
"""

import logging
import os

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.utils import get_identifier
from whoosh import fields as whoosh_fields
from whoosh import index as whoosh_index

from .analysis import DateColumn, MatchTextColumn, SegmentedText

logger = logging.getLogger(__name__)

WRITER_TIMEOUT_SECONDS = 2.0


class IndexLocked(Exception):
    """Another writer holds the Whoosh index lock; try again later."""


class IndexMissing(Exception):
    """The index directory or its table of contents is gone: only a full rebuild may create it again."""


class CountyWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        replaced = {}
        for field in fields.values():
            name = field.index_fieldname
            if field.field_type == "segmented":
                replaced[name] = SegmentedText()
            elif field.field_type == "match_text":
                replaced[name] = MatchTextColumn()
            elif field.field_type == "identifier":
                replaced[name] = whoosh_fields.KEYWORD(lowercase=False, commas=False)
            elif field.field_type == "facet_value":
                replaced[name] = whoosh_fields.ID(sortable=True)
            elif field.field_type in ("date", "datetime"):
                replaced[name] = DateColumn()
        # The model and primary key as columns too, so a page of hits maps to objects without stored-field reads.
        replaced[DJANGO_CT] = whoosh_fields.ID(stored=True, sortable=True)
        replaced[DJANGO_ID] = whoosh_fields.ID(stored=True, sortable=True)
        names = schema.names()
        return content_field_name, whoosh_fields.Schema(**{name: replaced.get(name, schema[name]) for name in names})

    def prepare_document(self, index, obj):
        """One object as the dict of values Whoosh stores, or None when the index skips it."""
        from haystack.exceptions import SkipDocument

        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        doc.pop("boost", None)
        return {key: self._from_python(value) for key, value in doc.items()}

    def require_index(self):
        """Raise :class:`IndexMissing` unless an index exists on disk (one directory listing)."""
        if self.use_file_storage and not (os.path.isdir(self.path) and whoosh_index.exists_in(self.path)):
            raise IndexMissing(self.path)

    def open_writer(self, **options):
        self.require_index()
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        try:
            return self.index.writer(timeout=options.pop("timeout", WRITER_TIMEOUT_SECONDS), **options)
        except whoosh_index.LockError as error:
            raise IndexLocked(str(error)) from error

    def apply_changes(self, index, objects=(), removed_identifiers=(), more=()):
        """Write updated objects and remove identifiers in one writer and one commit.

        ``more``: further ``(index, objects)`` pairs written in the same commit (other kinds of document).
        """
        writer = self.open_writer()
        try:
            for identifier in removed_identifiers:
                writer.delete_by_term(ID, identifier)
            for each_index, each_objects in ((index, objects), *more):
                for obj in each_objects:
                    doc = self.prepare_document(each_index, obj)
                    if doc is None:
                        writer.delete_by_term(ID, get_identifier(obj))
                    else:
                        writer.update_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def update(self, index, iterable, commit=True):
        objects = list(iterable)
        if objects:
            self.apply_changes(index, objects=objects)

    def remove(self, obj_or_string, commit=True):
        self.require_index()
        identifier = obj_or_string if isinstance(obj_or_string, str) else get_identifier(obj_or_string)
        writer = self.open_writer()
        writer.delete_by_term(ID, identifier)
        writer.commit()

    def document_count(self):
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        return self.index.doc_count()

    def has_document(self, identifier):
        if not self.setup_complete:
            self.setup()
        with self.index.refresh().searcher() as searcher:
            return bool(searcher.document_number(**{ID: identifier}) is not None)


class CountyWhooshEngine(WhooshEngine):
    backend = CountyWhooshSearchBackend
    query = WhooshSearchQuery
