"""Wagtail admin forms (pages, snippets, settings) read integers and dates with the strict fields.

Registered once from ``SecurityConfig.ready``: every ``WagtailAdminModelForm`` then refuses "٣" in a
number field and 0001-01-01 in a date field with a form error, as the public forms do.
"""

from django.db import models
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

from .strict_input import StrictDateField, StrictDateTimeField, StrictIntegerField


def register_strict_admin_fields():
    for field_class in (models.IntegerField, models.BigIntegerField, models.SmallIntegerField,
                        models.PositiveIntegerField, models.PositiveSmallIntegerField, models.PositiveBigIntegerField):
        register_form_field_override(field_class, override={"form_class": StrictIntegerField}, exact_class=True)
    register_form_field_override(
        models.DateField, override={"widget": widgets.AdminDateInput, "form_class": StrictDateField}, exact_class=True
    )
    register_form_field_override(
        models.DateTimeField, override={"widget": widgets.AdminDateTimeInput, "form_class": StrictDateTimeField},
        exact_class=True,
    )
