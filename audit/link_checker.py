"""错链、错图、错附件: crawl each website's pages and check every link, image and attachment on them.

A peer of GOV.UK's link checker, kept small: a breadth-first crawl of the website's own pages from its
home, one request per distinct target (results are cached for the run), at most one request per host
every ``LINK_CHECK_MIN_INTERVAL_SECONDS``. External links are checked only when ``LINK_CHECK_EXTERNAL``
is on (HEAD, short timeout); requests go through ``audit.http_fetch``, so outside production they reach
this machine only. Failures are recorded with their page, column, organisation and last editor.
"""

import time
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from departments.models import Organisation
from portal.models import ColumnPage

from .http_fetch import fetch
from .models import LinkCheck, LinkCheckRun
from .probes import site_root_path
from .snapshot import owner_of
from .websites import resolve_websites

ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".zip", ".ppt", ".pptx", ".csv", ".txt")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#")


class LinkParser(HTMLParser):
    """Collects (kind, url) from ``<a href>`` and ``<img src>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.found.append(("link", values["href"].strip()))
        elif tag == "img" and values.get("src"):
            self.found.append(("image", values["src"].strip()))


def links_in(html, base_url):
    parser = LinkParser()
    try:
        parser.feed(html)
    except Exception:  # a broken page still yields the links read so far
        pass
    result = []
    for kind, raw in parser.found:
        if not raw or raw.lower().startswith(SKIPPED_SCHEMES):
            continue
        url = urldefrag(urljoin(base_url, raw))[0]
        if kind == "link" and (urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES) or "/documents/" in url):
            kind = "attachment"
        result.append((kind, url))
    return result


class Throttle:
    """At most one request per host every ``interval`` seconds."""

    def __init__(self, interval):
        self.interval = interval
        self.last = {}

    def wait(self, host):
        if self.interval <= 0:
            return
        gap = time.monotonic() - self.last.get(host, -self.interval)
        if gap < self.interval:
            time.sleep(self.interval - gap)
        self.last[host] = time.monotonic()


class Crawl:
    def __init__(self, website, local_hosts):
        self.website = website
        self.local_hosts = local_hosts
        self.throttle = Throttle(settings.LINK_CHECK_MIN_INTERVAL_SECONDS)
        self.checked = {}
        self.requests = 0
        self.pages = 0
        self.links = 0
        self.broken = []

    def get(self, url, method="GET"):
        self.throttle.wait(urlsplit(url).hostname)
        self.requests += 1
        timeout = settings.LINK_CHECK_TIMEOUT_SECONDS
        return fetch(url, timeout=timeout, method=method, read_body=method == "GET")

    def is_own(self, url):
        return urlsplit(url).hostname == self.website.hostname

    def run(self):
        start = self.website.root_url
        queue, seen = deque([start]), {start}
        while queue and self.pages < settings.LINK_CHECK_MAX_PAGES:
            page_url = queue.popleft()
            fetched = self.checked.get(page_url) or self.get(page_url)
            self.checked[page_url] = fetched
            self.pages += 1
            if not fetched.ok or "html" not in fetched.content_type:
                continue
            for kind, target in links_in(fetched.body.decode("utf-8", "replace"), fetched.final_url or page_url):
                self.links += 1
                result = self.check(kind, target)
                if result is not None and not result.ok:
                    self.broken.append((page_url, kind, target, result))
                if kind == "link" and self.is_own(target) and target not in seen and result is not None and result.ok:
                    seen.add(target)
                    queue.append(target)

    def check(self, kind, target):
        """The cached result for ``target``, or None when it is not to be checked (external, switched off)."""
        if target in self.checked:
            return self.checked[target]
        host = urlsplit(target).hostname
        external = host not in self.local_hosts
        if external and not settings.LINK_CHECK_EXTERNAL:
            return None
        crawlable = kind == "link" and self.is_own(target)
        result = self.get(target, method="GET" if crawlable else "HEAD")
        if not result.ok and result.status in (405, 501):  # servers that refuse HEAD
            result = self.get(target)
        result.external = external
        self.checked[target] = result
        return result


def page_facts(website, urls):
    """source URL → (page id, column id, organisation id, editor username) for pages found by path (three queries)."""
    root = site_root_path(website)
    by_path = {root + urlsplit(url).path.lstrip("/"): url for url in urls}
    pages = list(Page.objects.filter(url_path__in=list(by_path)).values("id", "path", "url_path", "latest_revision__user__username"))
    homes = {path: pk for pk, path in Organisation.objects.filter(home_page__isnull=False).values_list("pk", "home_page__path")}
    column_paths = {}
    ancestors = {page["path"][:length] for page in pages for length in range(ColumnPage.steplen, len(page["path"]) + 1, ColumnPage.steplen)}
    for pk, path in ColumnPage.objects.filter(path__in=ancestors).values_list("pk", "path"):
        column_paths[path] = pk
    facts = {}
    for page in pages:
        column = next((column_paths[page["path"][:length]] for length in range(len(page["path"]), 0, -ColumnPage.steplen)
                       if page["path"][:length] in column_paths), None)
        organisation = homes.get(page["path"]) or owner_of(page["path"], homes, ColumnPage.steplen)
        facts[by_path[page["url_path"]]] = (page["id"], column, organisation, page["latest_revision__user__username"] or "")
    return facts


def check_website(website, local_hosts=None):
    """Crawl one website and record the run and its broken links; returns the ``LinkCheckRun``."""
    local_hosts = local_hosts or {site.hostname for site in resolve_websites() if site.hostname}
    run = LinkCheckRun.objects.create(site_id_code=website.key, started_at=timezone.now(),
                                      external_checked=settings.LINK_CHECK_EXTERNAL)
    crawl = Crawl(website, local_hosts)
    crawl.run()
    facts = page_facts(website, {source for source, *_rest in crawl.broken})
    LinkCheck.objects.bulk_create([
        LinkCheck(
            run=run, source_url=source[:500], target_url=target[:1000], kind=kind,
            external=getattr(result, "external", False), status_code=result.status, error=result.error[:300],
            on_home=source == website.root_url,
            page_id=facts.get(source, (None,) * 4)[0], column_id=facts.get(source, (None,) * 4)[1],
            organisation_id=facts.get(source, (None,) * 4)[2], editor=facts.get(source, ("",) * 4)[3],
        )
        for source, kind, target, result in crawl.broken
    ])
    run.finished_at = timezone.now()
    run.pages_checked, run.links_checked, run.requests_made = crawl.pages, crawl.links, crawl.requests
    run.save(update_fields=["finished_at", "pages_checked", "links_checked", "requests_made"])
    return run


def check_all(keys=None):
    websites = resolve_websites()
    local_hosts = {website.hostname for website in websites if website.hostname}
    return [check_website(website, local_hosts) for website in websites
            if website.hostname and (not keys or website.key in keys)]
