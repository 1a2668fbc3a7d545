"""Password rules that Django's own validators do not cover, for 等保's complexity requirement.

GB/T 22239-2019 8.1.4.1 a): "口令应具有复杂度要求并定期更换". Django's validators give length,
similarity to the username and e-mail, common and all-numeric passwords; these two add character
classes and "not one of the last N passwords". Both are listed in ``AUTH_PASSWORD_VALIDATORS``.
"""

import string

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassesValidator:
    """At least ``min_classes`` of: lower-case letters, upper-case letters, digits, other characters."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def classes(self, password):
        return sum((
            any(c in string.ascii_lowercase for c in password),
            any(c in string.ascii_uppercase for c in password),
            any(c in string.digits for c in password),
            any(not c.isascii() or not c.isalnum() for c in password),
        ))

    def validate(self, password, user=None):
        if self.classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return _("密码须包含大写字母、小写字母、数字和符号中的至少%(count)d类。") % {"count": self.min_classes}


class NotRecentlyUsedValidator:
    """Refuses any of the user's last ``keep`` passwords; remembers each new one (as a hash)."""

    def __init__(self, keep=5):
        self.keep = keep

    def _recent(self, user):
        from .models import PasswordHistory

        return PasswordHistory.objects.filter(user=user).order_by("-created_at", "-pk")

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        hashes = [entry.password for entry in self._recent(user)[: self.keep]]
        if user.password:
            hashes.append(user.password)
        if any(check_password(password, hashed) for hashed in hashes):
            raise ValidationError(self.get_help_text(), code="password_recently_used")

    def password_changed(self, password, user=None):
        from .models import PasswordHistory

        if user is None or user.pk is None:
            return
        PasswordHistory.objects.create(user=user, password=make_password(password))
        stale = list(self._recent(user).values_list("pk", flat=True)[self.keep:])
        if stale:
            PasswordHistory.objects.filter(pk__in=stale).delete()

    def get_help_text(self):
        return _("不能使用最近%(count)d次用过的密码。") % {"count": self.keep}
