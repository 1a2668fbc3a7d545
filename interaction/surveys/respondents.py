"""Who is answering: a random token in a signed cookie, stored per survey only as a keyed hash.

This is as far as an anonymous survey can go: a citizen who clears cookies or uses another browser can
answer again, which the per-IP limit (``antispam.ratelimit``, scope ``survey_response``) bounds.
"""

import secrets

from django.utils.crypto import salted_hmac

COOKIE_NAME = "survey_respondent"
COOKIE_SALT = "interaction.surveys.respondent"
COOKIE_MAX_AGE = 365 * 24 * 3600


def read_token(request):
    """The respondent token from the signed cookie, or None when absent or tampered with."""
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)


def ensure_token(request, response):
    """Set the cookie on ``response`` when the request has none; returns the token in use."""
    token = read_token(request)
    if token is None:
        token = secrets.token_urlsafe(24)
        response.set_signed_cookie(COOKIE_NAME, token, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE, httponly=True,
                                   samesite="Lax", secure=request.is_secure())
    return token


def respondent_key(survey, token):
    """A 64-character hex key, different per survey, from which the token cannot be recovered."""
    return salted_hmac(COOKIE_SALT, f"{survey.pk}:{token}", algorithm="sha256").hexdigest()
