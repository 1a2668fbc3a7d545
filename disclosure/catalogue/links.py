"""Where a catalogue entry's link points, on whatever host serves the request.

An entry stores its page's Site (``site``) and its path inside that Site (``path``, Wagtail's
``get_url_parts()[2]``), and a full URL (``url``) for readers without a request (exports made by
a command, the audit report). Links shown to a visitor are worked out per request, as Wagtail's
``page.get_url(request)`` does:

* an entry of the Site serving the request gets a relative link (``/departments/jyj/gzdt/…/``), so it
  works on whatever host and port that Site is reached through (``127.0.0.1:8000`` in development);
* an entry of another Site gets that Site's *current* hostname, port and scheme (read from Wagtail's
  cached site root paths, renewed whenever a Site is saved or deleted), never a stored, stale one.
"""

from wagtail.models import Site

_SITE_ATTRIBUTE = "_catalogue_links_site_id"
_ROOTS_ATTRIBUTE = "_catalogue_links_root_urls"


def serving_site_id(request):
    """Primary key of the Site serving ``request`` (Wagtail's own matching, default Site as fallback), or None."""
    if request is None:
        return None
    if not hasattr(request, _SITE_ATTRIBUTE):
        site = Site.find_for_request(request)
        setattr(request, _SITE_ATTRIBUTE, site.pk if site else None)
    return getattr(request, _SITE_ATTRIBUTE)


def site_root_urls(request=None):
    """``{site id: root URL}`` for every Site, e.g. ``{1: "http://localhost:8000", 2: "https://jyj.example.gov.cn"}``."""
    roots = getattr(request, _ROOTS_ATTRIBUTE, None) if request is not None else None
    if roots is None:
        roots = {root.site_id: root.root_url for root in Site.get_site_root_paths()}
        if request is not None:
            setattr(request, _ROOTS_ATTRIBUTE, roots)
    return roots


def url_for(site_id, path, stored_url, request=None):
    """The link to show: relative on its own Site, the Site's current root URL + path elsewhere.

    ``site_id``/``path``: as stored on the entry; ``stored_url``: the entry's full URL, used only when the
    entry has no Site (a page outside every Site) or no path yet. Returns a string ("" when nothing is known).
    """
    if not path or site_id is None:
        return stored_url or ""
    if request is not None and site_id == serving_site_id(request):
        return path
    root = site_root_urls(request).get(site_id)
    return root + path if root else (stored_url or "")


def entry_url(entry, request=None):
    """:func:`url_for` of one ``CatalogueEntry``."""
    return url_for(entry.site_id, entry.path, entry.url, request)


def absolute_entry_url(entry, request=None):
    """A full URL (feeds' readers and harvesters need one): the request's own scheme and host for its Site."""
    url = entry_url(entry, request)
    if url.startswith("/") and request is not None:
        return request.build_absolute_uri(url)
    return url


def localise_results(results, request):
    """Search results (dicts with ``site_id``, ``path`` and ``url``) get their links for this request, in place."""
    for result in results:
        result["url"] = url_for(result.get("site_id"), result.get("path"), result.get("url"), request)
    return results
