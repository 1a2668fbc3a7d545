"""统一社会信用代码 (GB 32100-2015): the 18th character checks the first 17."""

import pytest
from django.core.exceptions import ValidationError

from departments.credit_codes import check_character, is_valid_credit_code, make_credit_code, validate_credit_code
from departments.models import Organisation

# Published codes of real bodies, check characters as issued.
REAL_CODES = ["91350100M000100Y43", "12100000400010398P"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_codes_issued_under_gb_32100_pass(code):
    assert is_valid_credit_code(code)
    validate_credit_code(code)


def test_the_check_character_is_computed_from_the_first_seventeen():
    assert check_character("91350100M000100Y4") == "3"
    assert make_credit_code("11330100000000001") == "11330100000000001" + check_character("11330100000000001")


def test_a_wrong_check_character_is_refused_with_the_expected_one_named():
    wrong = "91350100M000100Y44"
    assert not is_valid_credit_code(wrong)
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(wrong)
    assert caught.value.code == "check"
    assert caught.value.messages == ["统一社会信用代码校验位错误：第18位应为“3”，请核对后重新输入。"]


def test_a_code_of_the_wrong_length_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_credit_code("91350100M000100Y4")
    assert caught.value.messages == ["统一社会信用代码应为18位，当前为17位。"]


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_letters_outside_the_alphabet_are_refused(letter):
    code = "9135010" + letter + "M000100Y43"
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(code)
    assert caught.value.code == "alphabet"
    assert letter in caught.value.messages[0]


def test_lower_case_and_spaces_are_accepted_and_normalised():
    assert is_valid_credit_code(" 91350100m000100y43 ")


@pytest.mark.django_db
def test_an_organisation_with_a_wrong_check_character_does_not_validate():
    organisation = Organisation(name="示例县统计局", short_name="统计局", slug="tjj", credit_code="91350100M000100Y44")
    with pytest.raises(ValidationError) as caught:
        organisation.full_clean()
    assert caught.value.message_dict["credit_code"] == ["统一社会信用代码校验位错误：第18位应为“3”，请核对后重新输入。"]


def test_a_wrong_check_character_is_refused_in_the_admin_with_the_chinese_message(office_client):
    from django.urls import reverse

    from .conftest import ADD_URL, organisation_post

    response = office_client.post(reverse(ADD_URL), organisation_post(credit_code="91350100M000100Y44"))
    assert response.status_code == 200
    assert "统一社会信用代码校验位错误：第18位应为“3”，请核对后重新输入。" in response.content.decode()
    assert not Organisation.objects.filter(slug="jtysj").exists()
