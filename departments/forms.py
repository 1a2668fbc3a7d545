from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site


class OrganisationForm(WagtailAdminModelForm):
    """Refuses duplicate hostnames before anything is provisioned."""

    def clean_credit_code(self):
        return (self.cleaned_data.get("credit_code") or "").strip().upper()

    def clean_hostname(self):
        hostname = (self.cleaned_data.get("hostname") or "").strip().lower()
        if not hostname:
            return hostname
        sites = Site.objects.filter(hostname=hostname)
        if self.instance.home_page_id:
            sites = sites.exclude(root_page_id=self.instance.home_page_id)
        if sites.exists():
            raise ValidationError(_("域名 %(host)s 已被其他站点使用。") % {"host": hostname})
        return hostname

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if self.instance.pk and self.instance.home_page_id and slug != self.instance.slug:
            raise ValidationError(_("子站开通后不能修改英文标识，否则已公开的网址会失效。"))
        return slug
