"""Listing columns for the admin in Chinese.

Wagtail shows a ``BooleanField`` in ``list_display`` as the English word True/False (and its
``BooleanColumn`` titles its icons the same way); a zh-hans editor reads 是 / 否 instead.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field shown as 是 / 否 ('' for None)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("是") if value else _("否")


def yes_no_list_display(model, names):
    """``names`` (a ``list_display``) with each ``BooleanField`` of ``model`` as a sortable ``YesNoColumn``.

    Other entries (field names, methods, ``Column`` objects) are returned unchanged, in order.
    """
    columns = []
    for name in names:
        field = None
        if isinstance(name, str):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
        if isinstance(field, models.BooleanField):
            columns.append(YesNoColumn(name, label=field.verbose_name, sort_key=name))
        else:
            columns.append(name)
    return columns
