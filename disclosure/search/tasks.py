"""Where the search index task used to live: ``process_index_updates`` is now in ``queue.py``, the one module
of the index queue. django-tasks' database backend stores a task by its import path, so rows enqueued
before the move name ``disclosure.search.tasks.process_index_updates``; this name keeps them runnable.
Nothing in the project imports it."""

from .queue import process_index_updates  # noqa: F401
