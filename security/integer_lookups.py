"""``__in`` on integer columns ignores numbers the column cannot hold, as Django's ``exact``/``gt``/``lt`` do.

Django 5.2 turns ``id=10**23`` into an empty result (``IntegerFieldOverflow``) but passes ``id__in=[10**23]``
to the database: SQLite raises ``OverflowError`` while binding it. Every multiple-choice filter in the admin
(Wagtail's 用户组, 所有者, 内容类型; django-filter's ``ModelMultipleChoiceFilter``) checks its values with
``pk__in``, so ``/admin/users/?group=99999999999999999999999`` was a 500. A number outside the column's range
can match no row, so dropping it changes no answer. The same holds for a foreign key to an integer key
(``owner__in``, ``groups__in``). Registered by importing this module (``SecurityConfig``).
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


def _integer_column(field):
    """The integer field whose values ``field`` compares (itself, or a foreign key's target), else None."""
    try:
        target = getattr(field, "target_field", field)
    except Exception:  # a composite ForeignObject has no single target
        return None
    return target if isinstance(target, IntegerField) else None


class _LeavesOutNumbersNoColumnHolds:
    """Values outside ``connection.ops.integer_field_range`` are left out; none left is an empty result."""

    def process_rhs(self, compiler, connection):
        column = _integer_column(self.lhs.output_field)
        if column is not None and self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(column.get_internal_type())
            self.rhs = [value for value in self.rhs if not _outside(value, low, high)]
            if not self.rhs:
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldIn(_LeavesOutNumbersNoColumnHolds, In):
    """``In`` for ``IntegerField`` and its subclasses (``AutoField``, ``BigAutoField``, …)."""


@ForeignObject.register_lookup
class RelatedIntegerIn(_LeavesOutNumbersNoColumnHolds, RelatedIn):
    """``RelatedIn`` for foreign keys and many-to-many joins; other targets pass through unchanged."""

    lookup_name = "in"


def _outside(value, low, high):
    return isinstance(value, int) and ((low is not None and value < low) or (high is not None and value > high))
