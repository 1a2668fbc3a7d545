"""网站标识码: the national code each government website is issued (政府网站发展指引, 国办发〔2017〕47号)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SITE_ID_CODE = re.compile(r"^[A-Za-z0-9]{10}$")


def validate_site_id_code(value):
    """A 网站标识码 is 10 letters or digits (e.g. ``bm01000001`` for a ministry, ``3301000012`` locally)."""
    if value and not SITE_ID_CODE.match(value.strip()):
        raise ValidationError(_("网站标识码应为 10 位字母或数字，例如 3301000012。"))


def is_own_website(hostname, site_id_code, portal_site_id_code=""):
    """Whether an organisation is a website of its own rather than a channel (栏目) of the county portal.

    The one rule the audit, the footer identity and the palette share: an organisation runs its own
    website when it has both its own hostname and its own 网站标识码, and that code is not the portal's
    (``portal_site_id_code``; "" when unknown). Every other organisation publishes as a channel of the
    county portal (国办发〔2017〕47号: county departments and townships do not open websites of their own).
    """
    code = (site_id_code or "").strip()
    return bool((hostname or "").strip() and code and code != (portal_site_id_code or "").strip())
