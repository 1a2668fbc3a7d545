"""Models of the disclosure app, one module per room: the catalogue, search, applications, reports."""

from .catalogue import CatalogueEntry, IndexSerial, Topic

__all__ = ["CatalogueEntry", "IndexSerial", "Topic"]
