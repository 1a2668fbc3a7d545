"""Refuse a request that carries a NUL character (U+0000) in its path, query string or form body.

No person types a NUL; it arrives only from a scanner or an attacker (``?org=%00``). SQLite stores
it, but PostgreSQL refuses it in any text parameter ("PostgreSQL text fields cannot contain NUL
(0x00) bytes"), so a NUL reaching *any* ORM filter - a slug lookup, a search filter, a page route -
became a 500 on production's database while the embedded one answered 200. Django's form fields
already refuse NUL (``ProhibitNullCharactersValidator``); this guard closes the rest of the class at
the door, before any view, cache or database sees the value (GB/T 22239-2019 8.1.4.x
"应提供数据有效性检验功能").

The answer is a 400 with a Chinese message: JSON under ``/api/`` (as every JSON API answers its
errors, ``{"detail": …}``) and for a ``.json`` export, the portal's 400 page elsewhere. Multipart bodies are left to the form
fields: reading them here would fix their upload handlers before the view could choose its own.
"""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"
API_PREFIX = "/api/"
JSON_SUFFIX = ".json"
FORM_URLENCODED = "application/x-www-form-urlencoded"


def carries_nul(request):
    """True when the path, a query-string key or value, or a url-encoded form key or value holds U+0000."""
    if NUL in request.path:
        return True
    parts = [request.GET]
    if request.method == "POST" and request.content_type == FORM_URLENCODED:
        parts.append(request.POST)
    return any(NUL in key or any(NUL in value for value in values)
               for query in parts for key, values in query.lists())


class NullCharacterGuardMiddleware:
    """A 400 for NUL anywhere a view would read it; first in the chain after SecurityMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            message = _("请求中含有不允许的控制字符（NUL），请检查后重新提交。")
            if request.path.startswith(API_PREFIX) or request.path.endswith(JSON_SUFFIX):
                return JsonResponse({"detail": message}, status=400, json_dumps_params={"ensure_ascii": False})
            raise BadRequest(message)
        return self.get_response(request)
