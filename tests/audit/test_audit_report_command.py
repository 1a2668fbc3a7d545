"""``manage.py audit_report``: the JSON shape for cron, exit codes, and refusal of bad input."""

import io
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at
from tests.audit.conftest import at

NOW = at(2026, 3, 10, 12)


def run(*args):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("audit_report", *args, stdout=out)
    return out.getvalue()


def test_json_has_exactly_the_documented_shape(opened_department):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    data = json.loads(run("--format", "json", "--org", "jyj"))
    assert set(data) == {"as_of", "websites", "organisations"}
    assert data["as_of"] == "2026-03-10"
    [organisation] = data["organisations"]
    assert set(organisation) == {
        "slug", "name", "kind", "last_published", "items_30d", "items_90d", "items_365d", "score",
        "fails_inspection", "violations",
    }
    assert organisation["slug"] == "jyj" and organisation["kind"] == "department"
    assert organisation["last_published"] == "2026-03-01"
    assert organisation["items_30d"] == 1
    assert organisation["fails_inspection"] is True  # eight empty columns
    empty = [v for v in organisation["violations"] if v["rule"] == "empty_column"]
    assert len(empty) == 8
    for violation in organisation["violations"]:
        assert set(violation) == {"rule", "column", "last_published", "days_since", "limit_days"}
    notices = next(v for v in empty if v["column"] == "通知公告")
    assert notices["limit_days"] == 181 and notices["days_since"] == (NOW.date() - at(2025, 1, 2).date()).days


def test_as_of_reports_the_past(opened_department):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    data = json.loads(run("--format", "json", "--org", "jyj", "--as-of", "2026-02-28"))
    assert data["as_of"] == "2026-02-28"
    assert data["organisations"][0]["last_published"] is None


def test_fail_on_violation_exits_1(opened_department):
    with pytest.raises(SystemExit) as exit_info:
        run("--fail-on-violation", "--org", "jyj")
    assert exit_info.value.code == 1


def test_without_fail_on_violation_it_exits_normally_and_prints_text(opened_department):
    text = run("--org", "jyj")
    assert "示例县教育局" in text and "空白栏目" in text


def test_csv_lists_one_line_per_violation(opened_department):
    lines = run("--format", "csv", "--org", "jyj").strip().splitlines()
    assert lines[0].startswith("slug,name,kind")
    assert len(lines) > 2


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2026/03/01"], "无法识别的日期"),
    (["--as-of", "2026-03-11"], "晚于今天"),
    (["--org", "nosuch"], "nosuch"),
])
def test_bad_input_is_refused_with_a_clear_message(opened_department, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
