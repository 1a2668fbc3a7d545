"""Looking an application up by tracking number and the last 4 characters of the ID number.

The comparison is constant-time, and an unknown tracking number costs the same comparison as a
known one, so timing tells nothing about which numbers exist. Callers rate-limit attempts.
"""

from django.utils.crypto import constant_time_compare

from disclosure.applications.models import Application

_DUMMY = "\x00\x00\x00\x00"


def find_application(tracking_number, identity_last4):
    """The application, or None when the number is unknown or the 4 characters do not match."""
    application = (
        Application.objects.select_related("organisation").filter(tracking_number=tracking_number).first()
    )
    expected = application.identity_number[-4:].upper() if application is not None else _DUMMY
    matches = constant_time_compare(expected, (identity_last4 or "").upper())
    return application if application is not None and matches else None
