"""External links that do not answer, checked only where ``CONTENT_CHECKS_EXTERNAL_LINKS`` is on.

Never in the editor's request: after publishing, a queued task checks the page's external links; the
patrol checks them in a few threads. A link is broken when it does not answer within
``CONTENT_CHECKS_LINK_TIMEOUT`` seconds or answers with a status of 400 or above (HEAD first, GET when
the server refuses HEAD). The whole-site crawler of the inspection is separate; this checks only the
links written in pages.
"""

import concurrent.futures
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

from .models import FindingKind, Severity
from .results import Result

USER_AGENT = "county-portal-content-checks/1.0"


def enabled() -> bool:
    return bool(getattr(settings, "CONTENT_CHECKS_EXTERNAL_LINKS", False))


def probe(url: str, timeout: float | None = None) -> str:
    """Empty string when ``url`` answers, else a short Chinese reason."""
    timeout = timeout or getattr(settings, "CONTENT_CHECKS_LINK_TIMEOUT", 10)
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only, checked by caller)
                if response.status < 400:
                    return ""
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
            if method == "HEAD" and status in (403, 405, 501):
                continue
            return _("返回错误 %(status)s") % {"status": status}
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return _("无法访问（%(reason)s）") % {"reason": reason}
        return _("返回错误 %(status)s") % {"status": status}
    return _("无法访问")


def check_external_links(links, workers: int = 4) -> list[Result]:
    """Findings for the external links (``page_content.Link`` with linktype ``external``) that do not answer."""
    external = [link for link in links if link.linktype == "external" and link.target.startswith(("http://", "https://"))]
    if not external:
        return []
    urls = sorted({link.target for link in external})
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(workers, len(urls))) as pool:
        reasons = dict(zip(urls, pool.map(probe, urls)))
    return [
        Result(FindingKind.BROKEN_LINK, Severity.WARN,
               _("外部链接 %(url)s %(reason)s") % {"url": link.target, "reason": reasons[link.target]},
               link.location, link.field_name, rule=_("外部链接"), key=f"url:{link.target}")
        for link in external if reasons[link.target]
    ]
