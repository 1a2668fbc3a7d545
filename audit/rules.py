"""Loading the editable rules (two queries), keyed the way the evaluation functions use them."""

from dataclasses import dataclass

from .models import ColumnRule, VetoRule


@dataclass(frozen=True)
class RuleSet:
    columns: dict
    vetoes: dict


def load_rules():
    return RuleSet(
        columns={rule.column_kind: rule for rule in ColumnRule.objects.all()},
        vetoes={rule.code: rule for rule in VetoRule.objects.all()},
    )
