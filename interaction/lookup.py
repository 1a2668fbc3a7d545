"""Citizens look their letter up with the tracking code and query password.

The check takes the same time whether or not the code exists (a password hash is computed
either way), so response times reveal nothing; the view also rate-limits attempts per IP.
"""

from django.contrib.auth.hashers import check_password, make_password

from .models import Letter
from .submission import normalise_code

_DUMMY_HASH = None


def find_letter(tracking_code, password):
    """The letter for this code and password, or ``None``; constant work either way."""
    global _DUMMY_HASH
    letter = Letter.objects.select_related("mailbox", "replying_organisation").filter(
        tracking_code=normalise_code(tracking_code)
    ).first()
    if letter is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = make_password("not-a-letter-password")
        check_password(password, _DUMMY_HASH)
        return None
    return letter if check_password(normalise_code(password), letter.query_password) else None
