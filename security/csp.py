"""Content-Security-Policy for every page, with django-csp 4 (``CONTENT_SECURITY_POLICY`` dicts).

The public pages load scripts from the portal's own static files only and have no inline script;
their few inline ``<style>`` blocks carry the request's nonce. Wagtail's admin still renders inline
scripts in some widgets (date pickers, inline panels), so the admin gets its own, looser policy -
still no other origin, no plugins, no framing by other sites. See docs/security.md.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/documents/")


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; under ``/admin/`` the directives are ``PORTAL_ADMIN_CSP_DIRECTIVES``.

    Whether the header is enforced or report-only follows which of ``CONTENT_SECURITY_POLICY`` and
    ``CONTENT_SECURITY_POLICY_REPORT_ONLY`` the settings define (production enforces).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        mode_setting = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        admin = getattr(settings, "PORTAL_ADMIN_CSP_DIRECTIVES", None)
        if admin and parts.config is None and getattr(settings, mode_setting, None) and request.path.startswith(
            ADMIN_PREFIXES
        ):
            parts.config = default_config(admin)
        return parts
