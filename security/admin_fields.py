"""Wagtail admin forms and admin list filters read integers and dates with the strict fields.

Registered once from ``SecurityConfig.ready``: every ``WagtailAdminModelForm`` then refuses "٣" in a
number field and 0001-01-01 in a date field with a form error, as the public forms do; and every
django-filter number, date and range filter (Wagtail's page, image, document, user and history
listings, the withholding report, the security log) refuses the same values as an invalid filter,
which Wagtail's listings show beside the field and then ignore, instead of passing them to the
database (``OverflowError``: a 500).
"""

import django_filters
from django.db import models
from django_filters.fields import DateRangeField, DateTimeRangeField, RangeField
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

from .strict_input import StrictDateField, StrictDateTimeField, StrictDecimalField, StrictIntegerField


class StrictNumberRangeField(RangeField):
    """``RangeFilter``'s field (e.g. Wagtail's 使用次数 from/to) with two ``StrictDecimalField``."""

    def __init__(self, *args, **kwargs):
        super().__init__((StrictDecimalField(), StrictDecimalField()), *args, **kwargs)


class StrictDateRangeField(DateRangeField):
    """``DateFromToRangeFilter``'s field with both ends read by ``StrictDateField`` (1900-2999)."""

    def __init__(self, *args, **kwargs):
        # DateRangeField.__init__ would fix its two fields as Django's DateField; its compress() is kept.
        RangeField.__init__(self, (StrictDateField(), StrictDateField()), *args, **kwargs)


class StrictDateTimeRangeField(DateTimeRangeField):
    """``DateTimeFromToRangeFilter``'s field with both ends read by ``StrictDateTimeField``."""

    def __init__(self, *args, **kwargs):
        RangeField.__init__(self, (StrictDateTimeField(), StrictDateTimeField()), *args, **kwargs)


# django-filter declares each filter's form field as a class attribute; the listings declare the filters
# themselves, so the field class is the one place every listing's filter can be made strict.
STRICT_FILTER_FIELDS = {
    django_filters.NumberFilter: StrictDecimalField,
    django_filters.RangeFilter: StrictNumberRangeField,
    django_filters.DateFilter: StrictDateField,
    django_filters.DateTimeFilter: StrictDateTimeField,
    django_filters.DateFromToRangeFilter: StrictDateRangeField,
    django_filters.DateTimeFromToRangeFilter: StrictDateTimeRangeField,
}


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
    for filter_class, field_class in STRICT_FILTER_FIELDS.items():
        filter_class.field_class = field_class
