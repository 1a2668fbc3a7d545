"""The tamper check (网页防篡改): fetch what the web server serves and compare it with the publish-time fingerprints.

Pages are fetched through ``audit.http_fetch`` from the sites' configured hosts (``SITE_CHECK_ADDRESSES``
maps a site's hostname to the address contacted; in development and tests only this machine), static
files, public documents and images by checksum. Column and home pages are compared by the parts their editors
control (``fingerprints.page_fingerprint``), so a publish below them is no difference. Every difference a publish does not explain is a
``Finding``; ``alert`` writes each to the security log (shown on the office's dashboard) and mails the
accounts that read the security log (the information office, superusers).
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from audit.http_fetch import fetch

from .fingerprints import NoContentRegion, page_fingerprint, render_page, watched_page_models

logger = logging.getLogger(__name__)


@dataclass
class Finding:
    kind: str  # "page" | "static" | "document" | "image"
    name: str  # the page's title, the static path, or "附件 12"
    url: str
    problem: str  # Chinese, for the office

    def line(self):
        return f"{self.name}（{self.url}）：{self.problem}"


def _timeout():
    return settings.SITE_PROBE_TIMEOUT_SECONDS


def check_pages():
    """Findings for fingerprinted pages that serve other content, and public pages that went live without a publish."""
    from wagtail.models import Page

    from .models import PageFingerprint

    findings = []
    fingerprints = {fp.page_id: fp for fp in PageFingerprint.objects.all()}
    public = {}
    for model in watched_page_models():
        for page in model.objects.live().public():
            public[page.pk] = page
    for page_id, page in public.items():
        fingerprint = fingerprints.get(page_id)
        url = page.get_full_url()
        if fingerprint is None:
            findings.append(Finding("page", page.title, url, _("页面已公开，但没有发布时的指纹：未经发布流程上线，或尚未运行 tamper_check --baseline。")))
            continue
        fetched = fetch(fingerprint.url, timeout=_timeout())
        if not fetched.ok:
            findings.append(Finding("page", page.title, fingerprint.url, _("无法取得页面：%(error)s") % {"error": fetched.error}))
            continue
        try:
            served = page_fingerprint(page, fetched.body.decode("utf-8", "replace"))
        except NoContentRegion:
            findings.append(Finding("page", page.title, fingerprint.url, _("网站返回的页面没有正文区域，可能已被替换。")))
            continue
        if served == fingerprint.sha256:
            continue
        try:
            current = page_fingerprint(page, render_page(page))
        except Exception:  # noqa: BLE001 - a page that no longer renders is reported, not fatal
            logger.exception("Tamper check could not render page %s", page.pk)
            current = None
        if current == served:
            problem = _("正文与发布时不同：数据库中的内容在发布流程之外被改动。")
        else:
            problem = _("网站返回的正文与数据库中的内容不同：模板、程序文件或网络传输环节被改动。")
        findings.append(Finding("page", page.title, fingerprint.url, problem))
    # Unpublishing through Wagtail removes the fingerprint; one left behind is a page taken down some other way.
    for page in Page.objects.filter(pk__in=set(fingerprints) - set(public)):
        findings.append(Finding("page", page.title, fingerprints[page.pk].url,
                                _("页面已不再公开，但没有撤下记录：未经撤稿流程下线或被设为非公开。")))
    return findings


def check_files():
    """Findings for static files, public documents and images whose served bytes differ from the fingerprint."""
    from .models import FileFingerprint

    findings = []
    limit = max(settings.SITE_CHECK_MAX_BYTES, getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 0) or 0,
                getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 0) or 0) + 1
    for fingerprint in FileFingerprint.objects.order_by("kind", "name"):
        label = fingerprint.name if fingerprint.kind == FileFingerprint.Kind.STATIC else \
            f"{fingerprint.get_kind_display()} {fingerprint.name}"
        fetched = fetch(fingerprint.url, timeout=_timeout(), max_bytes=limit)
        if not fetched.ok:
            findings.append(Finding(fingerprint.kind, label, fingerprint.url,
                                    _("无法取得文件：%(error)s") % {"error": fetched.error}))
        elif hashlib.sha256(fetched.body).hexdigest() != fingerprint.sha256:
            findings.append(Finding(fingerprint.kind, label, fingerprint.url,
                                    _("文件内容与上传或部署时的校验和不同（%(size)s 字节，记录为 %(recorded)s 字节）。") % {
                                        "size": len(fetched.body), "recorded": fingerprint.size}))
    return findings


def run_check():
    """Every finding of this check (a list of ``Finding``), pages first."""
    return check_pages() + check_files()


def recipients():
    """E-mail addresses of active accounts that may read the security log (the information office, superusers)."""
    users = get_user_model().objects.with_perm("security.view_securityevent", include_superusers=True,
                                               backend="django.contrib.auth.backends.ModelBackend")
    return sorted({user.email for user in users.filter(is_active=True) if user.email})


def alert(findings):
    """Record each finding in the security log and mail the office once. Mail failures are logged, never raised."""
    from .events import record
    from .models import SecurityEvent

    for finding in findings:
        record(SecurityEvent.Kind.TAMPER, username="tamper_check", detail=finding.line())
    addresses = recipients()
    if not findings or not addresses:
        return
    subject = _("【网页防篡改】发现 %(count)s 处未经发布的改动") % {"count": len(findings)}
    body = "\n".join([_("网页防篡改检查发现以下改动，均不是通过发布流程产生的，请立即核实并处置："), ""]
                     + [f"- {finding.line()}" for finding in findings]
                     + ["", _("详情见管理后台首页和“报表 → 安全日志”。")])
    try:
        send_mail(subject, body, None, addresses)
    except Exception:  # noqa: BLE001 - the security log already holds the findings
        logger.exception("Could not mail the tamper-check findings")
