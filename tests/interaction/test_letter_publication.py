"""Staff decide in the admin whether an answered letter goes public (only with the writer's consent) and can hold it back."""

import datetime

import pytest
from django.urls import reverse

from interaction.handling import reply
from interaction.models import LetterEvent
from tests.factories import user_in

from .builders import letter, mailbox_of

pytestmark = pytest.mark.django_db


def test_staff_hold_an_answered_letter_back_with_a_reason_and_release_it(client, county, department):
    box = mailbox_of(department)
    item = letter(box, datetime.date(2026, 11, 2))
    reply(item, "路灯已修复。", actor=None)
    public_url = f"/interaction/mailbox/{box.slug}/letters/{item.pk}/"
    assert client.get(public_url).status_code == 200
    staff = user_in(department.editors_group)
    client.force_login(staff)
    admin_url = reverse("interaction_admin:publication", args=[item.pk])
    refused = client.post(admin_url, {"publish": "0", "reason": ""})
    assert refused.status_code == 400 and "不予公开的理由" in refused.content.decode()
    assert client.post(admin_url, {"publish": "0", "reason": "涉及第三人隐私"}).status_code == 302
    client.logout()
    assert client.get(public_url).status_code == 404
    assert LetterEvent.objects.filter(letter=item, kind="withheld", note="涉及第三人隐私").exists()
    client.force_login(staff)
    assert client.post(admin_url, {"publish": "1"}).status_code == 302
    client.logout()
    assert client.get(public_url).status_code == 200


def test_a_letter_without_consent_cannot_be_published(client, county, department):
    box = mailbox_of(department)
    item = letter(box, datetime.date(2026, 11, 2), may_publish=False)
    reply(item, "已答复。", actor=None)
    client.force_login(user_in(department.editors_group))
    response = client.post(reverse("interaction_admin:publication", args=[item.pk]), {"publish": "1"})
    assert response.status_code == 400
    assert client.get(f"/interaction/mailbox/{box.slug}/letters/{item.pk}/").status_code == 404
    page = client.get(reverse("interaction_admin:detail", args=[item.pk])).content.decode()
    assert "来信人未同意公开" in page
