"""Breadcrumbs (当前位置) for views outside the page tree: a list of (title, url) under 首页.

``templates/components/breadcrumbs.html`` renders the ``trail`` context variable; its last crumb is
the current page, shown without a link.
"""


def trail(*steps):
    """``steps`` as (title, url) pairs, the last one made the current page (its url dropped)."""
    steps = [step for step in steps if step]
    if steps:
        steps[-1] = (steps[-1][0], "")
    return steps
