"""网站标识码: the national code each government website is issued (政府网站发展指引, 国办发〔2017〕47号)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SITE_ID_CODE = re.compile(r"^[A-Za-z0-9]{10}$")


def validate_site_id_code(value):
    """A 网站标识码 is 10 letters or digits (e.g. ``bm01000001`` for a ministry, ``3301000012`` locally)."""
    if value and not SITE_ID_CODE.match(value.strip()):
        raise ValidationError(_("网站标识码应为 10 位字母或数字，例如 3301000012。"))
