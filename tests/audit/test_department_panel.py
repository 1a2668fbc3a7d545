"""A department's editors see their own columns that are due, on their admin home page, and nobody else's."""

import time_machine

from portal.column_kinds import ColumnKind
from tests.audit.builders import published_at
from tests.audit.conftest import at
from tests.factories import user_in

NOW = at(2026, 3, 12, 12)


def test_an_editor_sees_their_own_due_columns_and_by_when(client, opened_department, opened_township):
    published_at(at(2026, 3, 1), opened_department, ColumnKind.NEWS)
    client.force_login(user_in(opened_department.editors_group))
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    assert "本单位栏目更新提醒" in html
    assert "示例县教育局" in html
    assert "2026-03-15" in html  # 工作动态 must be updated by 15 March
    assert "城关镇人民政府" not in html


def test_an_approver_of_the_township_sees_only_the_township(client, opened_department, opened_township):
    client.force_login(user_in(opened_township.approvers_group))
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    assert "城关镇人民政府" in html and "示例县教育局" not in html


def test_the_panel_is_absent_for_someone_in_no_organisation(client, opened_department):
    from departments.roles import ensure_information_office_group

    client.force_login(user_in(ensure_information_office_group()))
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    assert "本单位栏目更新提醒" not in html
