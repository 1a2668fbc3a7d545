"""A NUL character anywhere a view reads it is a 400 with a Chinese message, on SQLite and PostgreSQL alike.

PostgreSQL refuses U+0000 in any text parameter, so ``/api/search/?org=%00`` answered 500 on
production's database (the hostile-input suite failed there three times) while SQLite answered 200.
"""

import json

import pytest

pytestmark = pytest.mark.django_db

MESSAGE = "请求中含有不允许的控制字符"


@pytest.mark.parametrize("path, params", [
    ("/api/search/", {"org": "\x00"}),
    ("/api/search/", {"q": "河长制\x00"}),
    ("/api/catalogue/", {"\x00": "1"}),
    ("/disclosure/export.json", {"topic": "\x00"}),
])
def test_a_json_api_answers_nul_with_a_json_400(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert MESSAGE in json.loads(response.content)["detail"]


@pytest.mark.parametrize("path, params", [
    ("/search/", {"q": "\x00"}),
    ("/search/", {"org": "jyj\x00"}),
    ("/disclosure/", {"genre": "\x00"}),
    ("/jyj%00/", {}),
])
def test_a_page_answers_nul_with_the_chinese_400_page(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert "请求无法处理" in response.content.decode()


def test_a_url_encoded_form_post_with_nul_is_refused_before_the_view(client):
    response = client.post("/interaction/lookup/", "code=ab%00cd", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_ordinary_requests_pass(client):
    assert client.get("/api/search/", {"q": "河长制"}).status_code == 200
