"""Anti-abuse helpers for public forms that need no external service.

- ``CaptchaMixin``: an arithmetic question in Chinese, answer kept hashed in the session,
  single use, with an expiry (``captcha.py``).
- ``rate_limited`` / ``record_attempt``: a per-IP limit in the cache, configurable per scope in
  ``settings.PUBLIC_FORM_RATE_LIMITS``; X-Forwarded-For is trusted only from the proxies in
  ``settings.TRUSTED_PROXIES`` (``ratelimit.py``).
- ``FormTokenMixin``: a one-time token per rendered form, so that a double click is recognised;
  store it in a unique model field to make the guarantee hold under concurrency (``form_tokens.py``).
"""

from .captcha import CaptchaMixin, new_challenge, verify_challenge  # noqa: F401
from .form_tokens import FormTokenMixin, issue_form_token, read_form_token  # noqa: F401
from .ratelimit import client_ip, rate_limited, rate_limited_response, record_attempt  # noqa: F401
