"""``{% popular_searches %}``: the week's popular searches (热词), for the portal home or any page."""

from django import template

from disclosure.search.querylog import popular_searches as week_popular_searches

register = template.Library()


@register.inclusion_tag("search/popular_searches.html")
def popular_searches(limit=8, days=7):
    return {"queries": week_popular_searches(days=days, limit=limit)}
