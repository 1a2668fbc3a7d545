"""What the checks read from a page: its text fields and StreamField blocks as plain text, and its links.

Reads the raw StreamField data with the block definitions (no database look-ups for chosen documents or
pages: those are checked in one query each by ``links``). Works on any page object, including an
unsaved one from the editor's form or a revision's ``as_object()``.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .text import html_text_and_links

PAGE_FIELDS_READ = ("title", "seo_title", "search_description")


@dataclass
class Piece:
    field_name: str
    location: str
    text: str


@dataclass
class Link:
    field_name: str
    location: str
    linktype: str  # "page", "document" or "external"
    target: str  # page id, document id or URL


@dataclass
class PageContent:
    pieces: list = field(default_factory=list)
    links: list = field(default_factory=list)

    def add_html(self, field_name, location, markup):
        text, links = html_text_and_links(markup)
        if text.strip():
            self.pieces.append(Piece(field_name, location, text))
        for link in links:
            if link["linktype"] in ("page", "document") and link["id"]:
                self.links.append(Link(field_name, location, link["linktype"], link["id"]))
            elif link["href"].startswith(("http://", "https://")):
                self.links.append(Link(field_name, location, "external", link["href"]))


def _walk(content, block, raw, field_name, location):
    if raw is None or raw == "":
        return
    if isinstance(block, blocks.RichTextBlock):
        content.add_html(field_name, location, raw if isinstance(raw, str) else "")
    elif isinstance(block, DocumentChooserBlock):
        content.links.append(Link(field_name, location, "document", str(raw)))
    elif isinstance(block, blocks.PageChooserBlock):
        content.links.append(Link(field_name, location, "page", str(raw)))
    elif isinstance(block, blocks.URLBlock):
        content.links.append(Link(field_name, location, "external", str(raw)))
    elif isinstance(block, TableBlock):
        rows = (raw or {}).get("data") or []
        text = "\n".join("\t".join(str(cell or "") for cell in row) for row in rows)
        if text.strip():
            content.pieces.append(Piece(field_name, location, text))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _walk(content, child, (raw or {}).get(name), field_name, f"{location} {child.label}")
    elif isinstance(block, blocks.StreamBlock):
        for number, item in enumerate(raw or [], start=1):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                _walk(content, child, item.get("value"), field_name, f"{location} 第{number}块")
    elif isinstance(block, blocks.ListBlock):
        for number, item in enumerate(raw or [], start=1):
            value = item.get("value") if isinstance(item, dict) and "value" in item and "type" in item else item
            _walk(content, block.child_block, value, field_name, f"{location} 第{number}项")
    elif isinstance(block, blocks.FieldBlock) and isinstance(raw, str):
        if raw.strip():
            content.pieces.append(Piece(field_name, location, raw))


_PLANS = {}


def _plan(model):
    """The fields of ``model`` the checks read, with their labels (computed once per page type)."""
    plan = _PLANS.get(model)
    if plan is None:
        plan = []
        for model_field in model._meta.concrete_fields:
            if model_field.model is Page and model_field.name not in PAGE_FIELDS_READ:
                continue
            if not model_field.editable or model_field.choices:
                continue
            plan.append((model_field, model_field.name, str(model_field.verbose_name)))
        _PLANS[model] = plan
    return plan


def page_content(page) -> PageContent:
    """The text and links of ``page`` (a specific page instance), field by field, in panel order."""
    content = PageContent()
    block_label = _("%(field)s 第%(n)s块")
    for model_field, name, label in _plan(type(page)):
        value = getattr(page, name, None)
        if isinstance(model_field, StreamField):
            if value is None:
                continue
            stream_block = value.stream_block
            for number, item in enumerate(value.raw_data, start=1):
                child = stream_block.child_blocks.get(item.get("type"))
                if child is not None:
                    _walk(content, child, item.get("value"), name, block_label % {"field": label, "n": number})
        elif isinstance(model_field, RichTextField):
            content.add_html(name, label, value or "")
        elif isinstance(model_field, models.URLField):
            if value:
                content.links.append(Link(name, label, "external", value))
        elif isinstance(model_field, (models.CharField, models.TextField)):
            if value and str(value).strip():
                content.pieces.append(Piece(name, label, str(value)))
    return content
