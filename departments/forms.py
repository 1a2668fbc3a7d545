"""The admin form for organisations: refuses what provisioning could not undo or would break."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .hostnames import hostname_taken


class OrganisationForm(WagtailAdminModelForm):
    """Duplicate hostnames and changes to published URLs are refused before anything is provisioned."""

    def clean_credit_code(self):
        return (self.cleaned_data.get("credit_code") or "").strip().upper()

    def clean_hostname(self):
        hostname = (self.cleaned_data.get("hostname") or "").strip().lower()
        if hostname and hostname_taken(hostname, self.instance):
            raise ValidationError(_("域名 %(host)s 已被其他站点使用，请换一个。") % {"host": hostname})
        return hostname

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if self.instance.pk and self.instance.home_page_id and slug != self.instance.slug:
            raise ValidationError(_("子站开通后不能修改英文标识，否则已公开的网址会失效。"))
        return slug

    def clean_kind(self):
        kind = self.cleaned_data.get("kind")
        if self.instance.pk and self.instance.home_page_id and kind != self.instance.kind:
            raise ValidationError(_("子站开通后不能修改机构类型，否则已公开的网址会失效。"))
        return kind
