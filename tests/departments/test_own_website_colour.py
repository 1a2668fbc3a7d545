"""The organisation form and one main colour per website: a colour of its own only for an own website."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from departments.models import Organisation
from tests import factories

from .conftest import EDIT_URL, organisation_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity(county):
    return factories.portal_identity(site_id_code="3301000001")


def test_the_organisation_form_refuses_a_colour_for_a_channel_of_the_portal(office_client, identity):
    channel = factories.make_organisation("示例县交通运输局", "jtysj")
    response = office_client.post(reverse(EDIT_URL, args=[channel.pk]), organisation_post(
        credit_code=channel.credit_code, banner_colour="#1f5fa8"))
    assert response.status_code == 200
    assert "本机构是县政府门户网站的栏目，沿用门户网站的配色，不能单独设置主色" in response.content.decode()
    channel.refresh_from_db()
    assert channel.banner_colour == ""


def test_the_organisation_form_accepts_a_readable_colour_for_an_own_website_and_refuses_a_light_one(
    office_client, identity
):
    own = factories.make_organisation("示例县交通运输局", "jtysj")
    url = reverse(EDIT_URL, args=[own.pk])
    own_site = {"credit_code": own.credit_code, "hostname": "jt.example.gov.cn", "site_id_code": "3301000077"}
    response = office_client.post(url, organisation_post(**own_site, banner_colour="#F4C542"))
    assert response.status_code == 200
    assert "主色 #f4c542 上的白色文字对比度只有" in response.content.decode()
    response = office_client.post(url, organisation_post(**own_site, banner_colour="#1F5FA8"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.banner_colour == "#1f5fa8" and own.is_own_website


def test_an_organisation_cannot_claim_the_portals_own_site_id_code(identity):
    organisation = Organisation(name="示例县测试局", short_name="测试局", slug="csj", credit_code=factories.credit_code(),
                                hostname="cs.example.gov.cn", site_id_code=identity.site_id_code)
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "这是县政府门户网站的网站标识码" in str(refused.value.message_dict["site_id_code"])
