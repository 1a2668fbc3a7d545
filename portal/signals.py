"""Signals the page layer sends for the layers above it (a leaf module: it imports nothing of the project).

``disclosed_page_published``: a disclosed page's ``publish`` returned, its catalogue entry registered. Sent
with ``page_id`` (int), ``revision`` (the Wagtail revision published) and ``user`` (who published; None for a
scheduled publication). The catalogue records the confidentiality review (保密审查) from it.
"""

from django.dispatch import Signal

disclosed_page_published = Signal()
