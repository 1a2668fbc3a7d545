"""System checks: every column kind and every veto has its rule row (run with ``check --database default``).

The admin offers no "add" for rules, so a missing row (e.g. a column kind added later without a
data migration) would silently mean "no requirement"; this check says so instead.
"""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from portal.column_kinds import ColumnKind

from .models import ColumnRule, VetoRule


@register(Tags.database)
def check_rules_complete(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        kinds = set(ColumnRule.objects.values_list("column_kind", flat=True))
        codes = set(VetoRule.objects.values_list("code", flat=True))
    except DatabaseError:
        return []
    problems = []
    for kind in sorted(set(ColumnKind.values) - kinds):
        problems.append(Warning(
            f"No audit rule for column kind '{kind}': such columns are treated as having no update requirement.",
            hint="Add a ColumnRule row in a data migration of the audit app.", id="audit.W001",
        ))
    for code in sorted(set(VetoRule.Code.values) - codes):
        problems.append(Warning(
            f"No veto rule '{code}': this whole-site failure is not checked.",
            hint="Add a VetoRule row in a data migration of the audit app.", id="audit.W002",
        ))
    return problems
