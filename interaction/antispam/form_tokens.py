"""One-time form tokens: a double click submits the same token twice, so it can be recognised.

Each rendered form carries a random token, signed so that only tokens this site issued are
accepted. The view stores the token in a *unique* field of the record it creates: the second
submission then fails the insert (inside its own transaction) and the view shows the first
record's result instead of creating another — safe even when both requests run at once.
"""

import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy

_SALT = "interaction.antispam.form-token"
MAX_AGE_SECONDS = 24 * 3600


def issue_form_token():
    return signing.dumps(secrets.token_urlsafe(18), salt=_SALT)


def read_form_token(value, max_age=MAX_AGE_SECONDS):
    """The raw token if ``value`` is one this site issued and not too old, else ``None``."""
    try:
        return signing.loads(value or "", salt=_SALT, max_age=max_age)
    except signing.BadSignature:
        return None


class FormTokenMixin:
    """Adds the hidden ``form_token`` field; ``cleaned_data["form_token"]`` is the raw token."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"] = forms.CharField(
            widget=forms.HiddenInput, required=True,
            error_messages={"required": gettext_lazy("表单已失效，请刷新页面后重新提交。")},
        )
        if not self.is_bound:
            self.fields["form_token"].initial = issue_form_token()

    def clean_form_token(self):
        token = read_form_token(self.cleaned_data.get("form_token"))
        if token is None:
            raise forms.ValidationError(gettext_lazy("表单已失效，请刷新页面后重新提交。"))
        return token
