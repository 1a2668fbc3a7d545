"""Whether a hostname is free for an organisation's own Site (独立域名)."""

from wagtail.models import Site


def hostname_taken(hostname, organisation):
    """True if another Site or another organisation already uses ``hostname``.

    ``organisation`` is an ``Organisation`` (saved or not); the other organisations are read through its class,
    so this module, which the model's admin form uses, does not import the model."""
    if not hostname:
        return False
    sites = Site.objects.filter(hostname__iexact=hostname)
    others = type(organisation).objects.filter(hostname__iexact=hostname)
    if organisation.pk:
        others = others.exclude(pk=organisation.pk)
    if organisation.home_page_id:
        sites = sites.exclude(root_page_id=organisation.home_page_id)
    return sites.exists() or others.exists()
