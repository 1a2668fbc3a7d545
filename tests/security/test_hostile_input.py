"""Hostile input, as an attacker types it: never a 500, never an invalid record stored.

Parametrised over every public URL pattern of the URLconfs (found by walking the resolver, so a new
URL is covered the day it is added), every query parameter any view reads, every field of the
public forms and the admin list filters. Values are the class of fault of issue "strict input":
digits of other scripts (which ``isdigit()``, ``int()`` and ``\\d`` accept), calendar edges, huge
numbers, NUL bytes. JSON APIs must answer their errors in JSON.
"""

import re
import unicodedata

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from departments.models import Organisation
from disclosure.applications.models import Application
from disclosure.models import CatalogueEntry
from interaction.models import Letter
from portal.column_kinds import ColumnKind
from tests.disclosure.applications.builders import CITIZEN, application
from tests.factories import article, column, policy
from tests.interaction.builders import letter, mailbox_of
from tests.security.parameters_read import parameters_read

pytestmark = pytest.mark.django_db

HOSTILE = [
    "²", "٣", "፩", "𐩀", "１２", "-1", "0", "1.5", "1e3", "99999999999999999999999",
    "0001-01-01", "9999-12-31", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2025-02-30",
    "\x00", "%ff", "' OR 1=1 --", "x" * 3000,
]
# Every query parameter a public view reads (grep request.GET in the apps).
PUBLIC_PARAMETERS = [
    "page", "page_size", "since", "year", "org", "topic", "genre", "validity", "q", "scope", "sort",
    "elder", "font", "next",
]
ADMIN_PARAMETERS = ["page", "p", "status", "organisation", "overdue", "q", "days", "as_of", "kind", "ordering", "year"]
# The cross product of every route and parameter uses the class representatives; the forms get all of HOSTILE.
CORE = ["²", "𐩀", "٣", "0001-01-01", "9999-12-31T23:59:59-12:00", "99999999999999999999999", "\x00"]
SKIP_PREFIXES = ("admin/",)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def public_route_templates():
    """Every non-admin route of the root URLconf, as its route string."""
    routes = []
    for route in _walk(get_resolver().url_patterns):
        if route.startswith(SKIP_PREFIXES) or route.startswith("^"):
            continue  # admin, and Wagtail's regex catch-all (pages are added below)
        routes.append(route)
    return sorted(set(routes))


@pytest.fixture(scope="module")
def small_county_data(module_db, django_db_blocker, shared_department):
    """Built once for the module (hundreds of tests read it); each test's own writes are rolled back."""
    with django_db_blocker.unblock():
        return _build_small_county(Organisation.objects.get(pk=shared_department))


@pytest.fixture
def small_county(db, small_county_data):
    return small_county_data


def _build_small_county(department):
    news = article(column(department), title="全县召开安全生产工作会议")
    policy(column(department, kind=ColumnKind.POLICIES))
    mailbox = mailbox_of(department)
    public = letter(mailbox)
    public.may_publish = True
    public.save()
    stored = application(department)
    return {
        "org_slug": department.slug, "slug": mailbox.slug, "pk": str(public.pk), "token": "abc",
        "index_number": CatalogueEntry.objects.first().index_number, "section": "pages",
        "document_id": "1", "document_filename": "x.pdf", "news_url": news.url, "application": stored,
    }


def concrete(route, values):
    def fill(match):
        name = match.group(1).split(":")[-1]
        return values.get(name, "1")

    return "/" + re.sub(r"<([^>]+)>", fill, route)


def _is_json_api(path):
    return path.startswith("/api/") or path.endswith(".json")


def test_the_battery_covers_every_public_route():
    routes = public_route_templates()
    for expected in ("search/", "api/search/", "api/catalogue/", "disclosure/", "interaction/lookup/",
                     "disclosure/apply/status/"):
        assert expected in routes


def hostile_queries(client, path, names, values):
    """``(label, query)`` pairs to send to ``path``: each value alone in each parameter the route reads
    (``parameters_read``: those of ``names`` it reads and any other it asks for), and
    each value in all the listed parameters it does not read at once (they cannot change the answer, so one
    request per value shows it)."""
    read = parameters_read(client, path, names)
    unread = [name for name in names if name not in read]
    for value in values:
        for name in read:
            yield name, {name: value}
        if unread:
            yield "unread", {name: value for name in unread}


@pytest.mark.parametrize("route", public_route_templates())
def test_no_public_url_answers_500_to_any_hostile_parameter(client, small_county, route):
    path = concrete(route, small_county)
    failures = []
    for label, query in hostile_queries(client, path, PUBLIC_PARAMETERS, CORE):
        response = client.get(path, query)
        if response.status_code >= 500:
            failures.append((label, query, response.status_code))
        elif _is_json_api(path) and response.status_code >= 400:
            if not response["Content-Type"].startswith("application/json"):
                failures.append((label, query, "not JSON", response["Content-Type"]))
    assert failures == []


def test_wagtail_pages_survive_hostile_parameters(client, small_county):
    failures = []
    for path in ("/", small_county["news_url"]):
        for label, query in hostile_queries(client, path, PUBLIC_PARAMETERS, CORE):
            response = client.get(path, query)
            if response.status_code >= 500:
                failures.append((path, label, query))
    assert failures == []


@pytest.mark.parametrize("path, parameter, value", [
    ("/search/", "page", "²"),
    ("/api/search/", "page", "𐩀"),
    ("/api/catalogue/", "since", "0001-01-01"),
    ("/api/catalogue/", "since", "9999-12-31T23:59:59-12:00"),
    ("/api/catalogue/", "page", "²"),
    ("/api/catalogue/", "year", "٢٠٢٥"),
    ("/disclosure/", "page", "፩"),
    ("/disclosure/", "topic", "٣"),
])
def test_the_issues_quoted_inputs_get_a_clear_4xx(client, small_county, path, parameter, value):
    response = client.get(path, {parameter: value})
    assert 400 <= response.status_code < 500 or "无效" in response.content.decode()
    if path.startswith("/api/"):
        assert response.status_code == 400
        assert response["Content-Type"].startswith("application/json")
        assert response.json()


# Fields whose every hostile value must be refused; free-text fields may store "²" as text, but never NUL
# or an over-long value (each stored record must pass the model's own validation).
LETTER_FIELDS = ["name", "phone", "email", "category", "subject", "message", "captcha_answer", "captcha_id", "form_token"]
LETTER_CODE_FIELDS = {"phone", "email", "category", "captcha_answer", "captcha_id", "form_token"}
APPLICATION_FIELDS = [
    "applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "postcode", "information_name",
    "information_description", "provision_form", "delivery_method", "captcha_answer", "captcha_id", "form_token",
]
APPLICATION_CODE_FIELDS = {"applicant_type", "id_type", "id_number", "phone", "email", "postcode", "provision_form",
                           "delivery_method", "captcha_answer", "captcha_id", "form_token"}


def assert_valid_records(queryset):
    for stored in queryset:
        stored.full_clean()
        for field in stored._meta.concrete_fields:
            value = getattr(stored, field.attname)
            assert not (isinstance(value, str) and "\x00" in value), (field.name, value)


def _form_payload(response, data, answer):
    form = response.context["form"]
    return {**data, "captcha_id": form["captcha_id"].value(), "captcha_answer": answer,
            "form_token": form["form_token"].value()}


@pytest.mark.parametrize("field", APPLICATION_FIELDS)
def test_the_application_form_stores_nothing_invalid(client, small_county, known_captcha, settings, field):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/disclosure/apply/{small_county['org_slug']}/"
    before = Application.objects.count()
    for value in HOSTILE:
        payload = _form_payload(client.get(url), CITIZEN, known_captcha)
        payload[field] = value
        response = client.post(url, payload)
        assert response.status_code < 500, (field, value)
    for stored in Application.objects.all():
        for name in ("phone", "postcode", "id_number"):
            digits = getattr(stored, name).replace("-", "").replace("X", "")
            assert digits == "" or digits.isascii(), (name, getattr(stored, name))
    assert_valid_records(Application.objects.all())
    if field in APPLICATION_CODE_FIELDS:
        assert Application.objects.count() == before  # every hostile value was refused


@pytest.mark.parametrize("value", ["٣٨١٢٣٤٥٦٧٨", "1٣812345678", "𐩀3812345678"])
def test_a_phone_number_nobody_can_dial_is_refused_on_both_forms(client, small_county, known_captcha, settings, value):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/disclosure/apply/{small_county['org_slug']}/"
    response = client.post(url, {**_form_payload(client.get(url), CITIZEN, known_captcha), "phone": value})
    assert response.status_code == 400
    assert "电话" in str(response.context["form"].errors["phone"])


@pytest.mark.parametrize("value", ["³¹⁰⁰⁰⁰", "٣١٠٠٠٠", "31000፩"])
def test_a_postcode_in_other_scripts_digits_is_refused(client, small_county, known_captcha, settings, value):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/disclosure/apply/{small_county['org_slug']}/"
    response = client.post(url, {**_form_payload(client.get(url), CITIZEN, known_captcha), "postcode": value})
    if value == "³¹⁰⁰⁰⁰":  # NFKC makes superscripts ASCII: what the person meant is stored, in ASCII
        assert response.status_code == 302
        assert Application.objects.latest("pk").postcode == "310000"
    else:
        assert response.status_code == 400
        assert "邮政编码" in str(response.context["form"].errors["postcode"])


@pytest.mark.parametrize("value", ["11010519491231002𐩀", "¹1010519491231002X", "፩1010519491231002X"])
def test_an_id_number_with_other_scripts_digits_is_a_form_error(client, small_county, known_captcha, settings, value):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/disclosure/apply/{small_county['org_slug']}/"
    response = client.post(url, {**_form_payload(client.get(url), CITIZEN, known_captcha), "id_number": value})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "id_number" in response.context["form"].errors


@pytest.mark.parametrize("answer", ["𐩀", "፩", "1𐩀", "²", "٣"])
def test_a_captcha_answer_in_another_script_is_just_wrong(client, small_county, known_captcha, settings, answer):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/disclosure/apply/{small_county['org_slug']}/"
    response = client.post(url, _form_payload(client.get(url), CITIZEN, answer))
    assert response.status_code == 400
    assert "captcha_answer" in response.context["form"].errors


@pytest.mark.parametrize("field", LETTER_FIELDS)
def test_the_letter_form_stores_nothing_invalid(client, small_county, settings, field):
    from tests.interaction.web import form_data, solve

    settings.PUBLIC_FORM_RATE_LIMITS = {}
    url = f"/interaction/mailbox/{small_county['slug']}/write/"
    before = Letter.objects.count()
    for value in HOSTILE:
        page = client.get(url).content.decode()
        if field == "captcha_answer" and unicodedata.normalize("NFKC", value) == str(solve(page)):
            continue  # the random question's right answer ("0", or "１２" as an IME types 12) is not hostile
        response = client.post(url, form_data(page, **{field: value}))
        assert response.status_code < 500, (field, value)
    for stored in Letter.objects.all():
        assert stored.phone.replace("-", "").isascii(), stored.phone
    assert_valid_records(Letter.objects.all())
    if field in LETTER_CODE_FIELDS:
        assert Letter.objects.count() == before


@pytest.mark.parametrize("path", ["/interaction/lookup/", "/disclosure/apply/status/"])
def test_the_lookup_forms_survive_hostile_values(client, small_county, settings, path):
    settings.PUBLIC_FORM_RATE_LIMITS = {}
    failures = []
    for name in ("tracking_code", "password", "tracking_number", "identity_last4"):
        for value in HOSTILE:
            response = client.post(path, {name: value})
            if response.status_code >= 500:
                failures.append((name, value))
    assert failures == []


ADMIN_ACTION_WORDS = ("logout", "login", "password", "jsi18n", "choose", "chooser", "preview", "action", "add",
                      "delete", "copy", "move", "unpublish", "edit", "failwhale")


def admin_list_routes():
    """Admin listing URLs (no URL arguments, not an action): their filters are query parameters."""
    routes = []
    for route in _walk(get_resolver().url_patterns):
        if route.startswith("admin/") and "<" not in route and not route.startswith("^"):
            if not any(word in route for word in ADMIN_ACTION_WORDS):
                routes.append(route)
    return sorted(set(routes))


@pytest.mark.parametrize("route", admin_list_routes())
def test_admin_list_filters_survive_hostile_values(superuser_client, small_county, route):
    failures = []
    values = ("²", "𐩀", "0001-01-01", "99999999999999999999999", "\x00")
    for label, query in hostile_queries(superuser_client, "/" + route, ADMIN_PARAMETERS, values):
        response = superuser_client.get("/" + route, query)
        if response.status_code >= 500:
            failures.append((label, query))
    assert failures == []


def test_the_admins_own_date_time_format_is_a_time_not_an_offset():
    """Wagtail's date-time widget posts "YYYY-MM-DD HH:MM"; an unescaped "+08:00" after a time is still an offset."""
    import datetime

    from security.strict_input import parse_datetime

    assert parse_datetime("2026-03-02 09:30") == datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)
    assert parse_datetime("2026-03-02T09:30:00 08:00") == datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)
