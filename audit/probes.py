"""站点无法访问: visit each website's home page and a rotating sample of its channel pages, and record it.

Run by ``manage.py probe_sites`` from cron every 10–15 minutes (the inspection monitors a week with at
least 20 visits a day, 国办秘函〔2019〕19号). Requests go only to the sites' own configured hosts, through
``audit.http_fetch`` (which maps them to a local address outside production). A page that does not
load within ``SITE_PROBE_TIMEOUT_SECONDS`` (15 s) is a failed visit.
"""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from departments.models import Organisation

from .http_fetch import fetch
from .models import ProbeResult
from .websites import resolve_websites


def site_root_path(website):
    """The tree path prefix (``url_path``) that maps to ``/`` on the website's host."""
    if website.is_portal:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        return site.root_page.url_path if site else "/"
    home = Organisation.objects.filter(pk=website.home_organisation_id).values_list("home_page__url_path", flat=True).first()
    return home or "/"


def channel_urls(website, now, sample_size):
    """The home pages of a rotating sample of the website's channels (every channel in turn, run by run)."""
    root = site_root_path(website)
    paths = list(
        Organisation.objects.filter(pk__in=website.channel_ids, home_page__live=True)
        .exclude(pk=website.home_organisation_id).order_by("kind", "sort_order", "pk")
        .values_list("home_page__url_path", flat=True)
    )
    if not paths or sample_size <= 0:
        return []
    offset = int(now.timestamp() // 600) * sample_size % len(paths)
    chosen = (paths[offset:] + paths[:offset])[:sample_size]
    return [website.root_url + path[len(root):] for path in chosen if path.startswith(root)]


def probe_website(website, now=None, timeout=None, sample_size=None):
    """Visit the website's home and sample pages once each; returns the saved ``ProbeResult`` rows."""
    now = now or timezone.now()
    timeout = timeout or settings.SITE_PROBE_TIMEOUT_SECONDS
    sample_size = settings.SITE_PROBE_CHANNEL_SAMPLE if sample_size is None else sample_size
    urls = [(website.root_url, True)] + [(url, False) for url in channel_urls(website, now, sample_size)]
    results = []
    for url, is_home in urls:
        fetched = fetch(url, timeout=timeout)
        loaded_in_time = fetched.ok and fetched.elapsed_ms is not None and fetched.elapsed_ms <= timeout * 1000
        results.append(ProbeResult(
            site_id_code=website.key, url=url[:500], is_home=is_home, probed_at=timezone.now(),
            elapsed_ms=fetched.elapsed_ms, status_code=fetched.status, ok=loaded_in_time, error=fetched.error[:300],
        ))
    return ProbeResult.objects.bulk_create(results)


def probe_all(keys=None, **options):
    """Probe every website (or those whose key is in ``keys``); returns {key: [ProbeResult, ...]}."""
    done = {}
    for website in resolve_websites():
        if not website.hostname or (keys and website.key not in keys):
            continue
        done[website.key] = probe_website(website, **options)
    return done
