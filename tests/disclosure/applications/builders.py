"""Builders for application tests: valid citizen and organisation data, stored applications."""

import datetime

from django.utils import timezone

from departments.credit_codes import make_credit_code
from disclosure.applications.submission import submit
from disclosure.id_numbers import make_id_number

ID_NUMBER = make_id_number("11010519491231002")  # ends in X
CREDIT_CODE = make_credit_code("91330100MA2B00001")

CITIZEN = {
    "applicant_type": "citizen",
    "name": "王小明",
    "id_type": "resident_id",
    "id_number": ID_NUMBER,
    "phone": "13800001234",
    "email": "wang@example.com",
    "address": "示例县城关镇人民路1号",
    "postcode": "310000",
    "information_name": "2025年城关镇农村公路建设项目资金使用情况",
    "information_document_number": "",
    "information_description": "包括项目名称、资金来源和拨付金额。",
    "purpose": "",
    "provision_form": "electronic",
    "delivery_method": "email",
}

COMPANY = {
    **CITIZEN,
    "applicant_type": "organisation",
    "name": "示例县某某建设有限公司",
    "id_type": "",
    "id_number": "",
    "credit_code": CREDIT_CODE,
    "legal_representative": "李四",
    "contact_person": "张三",
    "organisation_category": "business",
}


def model_data(data):
    allowed = {
        "applicant_type", "name", "id_type", "id_number", "credit_code", "legal_representative", "contact_person",
        "organisation_category", "phone", "email", "address", "postcode", "information_name",
        "information_document_number", "information_description", "purpose", "provision_form", "delivery_method",
    }
    return {key: value for key, value in data.items() if key in allowed}


def application(organisation, received_on=None, data=CITIZEN, **fields):
    """A stored application, as if submitted on ``received_on`` (a date)."""
    now = None
    if received_on is not None:
        now = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(10, 0)))
    stored, _created = submit(organisation, {**model_data(data), **fields}, now=now)
    return stored
