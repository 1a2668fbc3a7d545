"""回应关切: a column kind with its official ColumnType, provisioned in the county portal (where 政民互动 is),
and its latest items shown on the 政民互动 home with the mailboxes, consultations, surveys and interviews."""

import re

from django.core.cache import cache

from portal.column_kinds import META_COLUMN_TYPE, OFFICIAL_COLUMN_TYPES, ColumnKind
from portal.models import ColumnPage
from tests.factories import article, column


def test_the_kind_maps_to_the_official_column_type():
    assert META_COLUMN_TYPE[ColumnKind.RESPONSES] == "回应关切"
    assert "回应关切" in OFFICIAL_COLUMN_TYPES


def test_the_county_portal_gets_the_column_with_its_meta_tags_departments_do_not(client, county, department):
    cache.clear()
    responses = column(county, ColumnKind.RESPONSES)
    assert (responses.slug, responses.title, responses.live) == ("hygq", "回应关切", True)
    assert "社会关注热点" in responses.description and "回应关切" in responses.keywords
    tags = dict(re.findall(r'<meta name="([A-Za-z]+)" content="([^"]*)">', client.get(responses.url).content.decode()))
    assert tags["ColumnType"] == "回应关切"
    assert not ColumnPage.objects.child_of(department.home_page).filter(kind=ColumnKind.RESPONSES).exists()


def test_the_interaction_home_shows_responses_with_the_other_kinds(client, county, department):
    from .consultation_builders import consultation
    from .interview_builders import interview
    from .survey_builders import survey

    item = article(column(county, ColumnKind.RESPONSES), title="关于城区停车难问题的回应")
    open_consultation = consultation(department, title="首页上的意见征集")
    poll = survey(department, title="首页上的网上调查")
    announced = interview(department, title="首页上的在线访谈")
    html = client.get("/interaction/").content.decode()
    for title in (item.title, open_consultation.title, poll.title, announced.title, "教育局信箱"):
        assert title in html
    for heading in ("回应关切", "意见征集", "网上调查", "在线访谈"):
        assert f">{heading}</h2>" in html
