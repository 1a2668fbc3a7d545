"""``{% entry_url entry %}``: a catalogue entry's link for the request being served (``disclosure/links.py``)."""

from django import template

from ..catalogue import links

register = template.Library()


@register.simple_tag(takes_context=True)
def entry_url(context, entry):
    """Relative on the entry's own Site, the Site's current address elsewhere; never a stored, stale host."""
    return links.entry_url(entry, context.get("request"))
