"""The admin dashboard's tamper alert: findings of the tamper check in the last days, for the security log's readers."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

ALERT_DAYS = 7


class TamperAlertPanel(Component):
    name = "security_tamper_alerts"
    template_name = "security/includes/tamper_panel.html"
    order = 10  # above everything else: an altered public page is the most urgent thing on the dashboard

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from .models import SecurityEvent

        if not self.user.has_perm("security.view_securityevent"):
            return {"events": []}
        since = timezone.now() - datetime.timedelta(days=ALERT_DAYS)
        events = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.TAMPER, at__gte=since)[:50]
        return {"events": list(events), "heading": _("网页防篡改告警（近 %(days)s 天）") % {"days": ALERT_DAYS}}
