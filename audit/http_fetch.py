"""One polite HTTP request for the probe and the link checker, with every failure recorded, never raised.

Where a request goes is decided by settings, not by DNS alone: ``SITE_CHECK_ADDRESSES`` maps a site's
hostname to the address actually contacted (``"*"`` covers every host), and with
``SITE_CHECK_LOCAL_ONLY`` any target that is not this machine is refused before a socket opens.
A timeout, a redirect loop, a TLS error or a page larger than ``SITE_CHECK_MAX_BYTES`` comes back
as a ``Fetched`` with ``ok=False`` and a Chinese ``error``; the caller records it and moves on.
"""

import http.client
import ipaddress
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
USER_AGENT = "CountyPortalSiteCheck/1.0 (+site inspection; contact the information office)"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


@dataclass
class Fetched:
    url: str
    ok: bool
    status: int | None = None
    elapsed_ms: int | None = None
    error: str = ""
    content_type: str = ""
    body: bytes = b""
    final_url: str = ""


class Refused(Exception):
    """A target the settings do not allow (not this machine while SITE_CHECK_LOCAL_ONLY)."""


def address_for(hostname):
    """(host, port or None) to contact for ``hostname``, after ``SITE_CHECK_ADDRESSES``; raises ``Refused``."""
    mapping = getattr(settings, "SITE_CHECK_ADDRESSES", {}) or {}
    target = mapping.get(hostname) or mapping.get("*")
    host, port = hostname, None
    if target:
        host, _sep, port_text = target.rpartition(":") if target.count(":") == 1 else (target, "", "")
        port = int(port_text) if port_text else None
    if getattr(settings, "SITE_CHECK_LOCAL_ONLY", True) and not is_local(host):
        raise Refused(_("未配置为本机地址，按设置不发送请求：%(host)s") % {"host": hostname})
    return host, port


def is_local(host):
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def fetch(url, *, timeout, method="GET", max_bytes=None, read_body=True):
    """Request ``url`` following up to 5 redirects; a failure is returned as ``Fetched(ok=False, error=…)``.

    ``timeout`` (seconds) bounds the whole exchange, not each read. ``ok`` means a 2xx answer.
    """
    max_bytes = max_bytes or settings.SITE_CHECK_MAX_BYTES
    started = time.monotonic()
    seen = []
    current = url
    result = Fetched(url=url, ok=False)
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            if current in seen:
                result.error = _("重定向循环")
                break
            seen.append(current)
            status, headers, body, error = request_once(current, method, started, timeout, max_bytes, read_body)
            result.status, result.error = status, error
            if error:
                break
            location = headers.get("location")
            if status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            result.ok = 200 <= status < 300
            result.content_type = headers.get("content-type", "")
            result.body = body
            if not result.ok:
                result.error = _("HTTP 状态码 %(status)s") % {"status": status}
            break
        else:
            result.error = _("重定向次数过多")
    except Refused as refused:
        result.error = str(refused)
    result.final_url = current
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


def request_once(url, method, started, timeout, max_bytes, read_body):
    """One request: (status, lower-case headers, body, error)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, {}, b"", _("不支持的网址")
    host, port = address_for(parts.hostname)
    remaining = timeout - (time.monotonic() - started)
    if remaining <= 0:
        return None, {}, b"", _("超时（超过 %(seconds)s 秒）") % {"seconds": timeout}
    if parts.scheme == "https":
        context = ssl.create_default_context()
        connection = http.client.HTTPSConnection(host, port or parts.port or 443, timeout=remaining, context=context)
    else:
        connection = http.client.HTTPConnection(host, port or parts.port or 80, timeout=remaining)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = parts.hostname + (f":{parts.port}" if parts.port else "")
    try:
        connection.request(method, path, headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        declared = int(headers.get("content-length") or 0)
        if declared > max_bytes:
            return response.status, headers, b"", _("页面过大（%(size)s 字节）") % {"size": declared}
        body = b""
        if read_body and method != "HEAD":
            while True:
                if time.monotonic() - started > timeout:
                    return response.status, headers, b"", _("超时（超过 %(seconds)s 秒）") % {"seconds": timeout}
                chunk = response.read(65536)
                if not chunk:
                    break
                body += chunk
                if len(body) > max_bytes:
                    return response.status, headers, b"", _("页面过大（超过 %(size)s 字节）") % {"size": max_bytes}
        return response.status, headers, body, ""
    except TimeoutError:
        return None, {}, b"", _("超时（超过 %(seconds)s 秒）") % {"seconds": timeout}
    except ssl.SSLError as error:
        return None, {}, b"", _("TLS 证书或握手错误：%(error)s") % {"error": error.__class__.__name__}
    except (OSError, http.client.HTTPException) as error:
        return None, {}, b"", _("无法连接：%(error)s") % {"error": error.__class__.__name__}
    finally:
        connection.close()
