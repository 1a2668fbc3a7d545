"""The page django-axes shows once an account or an address is locked out (AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.template.response import TemplateResponse


def lockout_response(request, original_response=None, credentials=None):
    """HTTP 429 with a Chinese explanation: how many failures, how long to wait, whom to ask."""
    cool_off = getattr(settings, "AXES_COOLOFF_TIME", None)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_timedelta": cool_off, "cooloff_minutes": minutes}
    response = TemplateResponse(request, "security/lockout.html", context, status=429)
    return response.render()
