"""Short ASCII addresses for new items, as government sites write them: ``t20261130_0031``.

A new article, policy, interpretation or guide whose editor leaves 网址 empty (or types Chinese, which
would become a percent-encoded URL) gets ``t`` + its local creation date + ``_`` + a four-digit serial
of that day, unique in the column (the next free serial county-wide, so the same address is never
reused on another day's item either). An address the editor typed that another item of the same column
already has is refused with a Chinese message instead of Wagtail's English one.
"""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

ASCII_SLUG = re.compile(r"^[A-Za-z0-9_-]+$")
ITEM_SLUG = re.compile(r"^t(\d{8})_(\d{4,})$")


def is_ascii_slug(slug):
    """True for a slug made only of ASCII letters, digits, ``-`` and ``_`` (nothing to percent-encode)."""
    return bool(slug) and ASCII_SLUG.match(slug) is not None


def next_item_slug(parent, page=None, day=None):
    """The next ``tYYYYMMDD_NNNN`` (str) of ``day`` (local date, default today) that is free under ``parent``.

    The serial continues from the highest of that day anywhere in the tree; if that address is taken in
    this column (a concurrent save), the serial goes on up until it is free.
    """
    day = day or timezone.localdate()
    prefix = f"t{day:%Y%m%d}_"
    serials = [
        int(match.group(2))
        for match in (ITEM_SLUG.match(slug) for slug in Page.objects.filter(slug__startswith=prefix).values_list("slug", flat=True))
        if match
    ]
    serial = max(serials, default=0) + 1
    while not Page._slug_is_available(f"{prefix}{serial:04d}", parent, page):
        serial += 1
    return f"{prefix}{serial:04d}"


class ItemSlugFormMixin(forms.Form):
    """Admin form of a content item: 网址 optional (generated when empty), clashes refused in Chinese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None:
            slug.required = False
            slug.help_text = _("一般留空，保存时自动生成，例如 t20261130_0031。如需自定义，只能使用英文字母、数字、连字符和下划线。")

    def clean(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        if not slug and self.instance.pk and is_ascii_slug(self.instance.slug):
            # An empty 网址 keeps the item's address. The editor's autosave creates the page from the add
            # form and then keeps posting that form's empty 网址 field: without this, Wagtail would make
            # the address from the Chinese title on the next save.
            self.cleaned_data["slug"] = self.instance.slug
        elif slug and not is_ascii_slug(slug):
            self.add_error("slug", _("网址只能使用英文字母、数字、连字符（-）和下划线（_），不能使用汉字；留空则自动生成。"))
            self.cleaned_data.pop("slug", None)
        elif slug and self.parent_page is not None and not Page._slug_is_available(slug, self.parent_page, self.instance):
            self.add_error("slug", _("网址“%(slug)s”已被本栏目中的其他信息使用，请换一个，或留空由系统自动生成。") % {"slug": slug})
            self.cleaned_data.pop("slug", None)
        return super().clean()
