"""Human labels for facet values (organisation names, genre and topic names, years), cached briefly."""

from django.core.cache import cache
from django.utils.translation import gettext as _

from ..taxonomy import Genre

CACHE_SECONDS = 60


def organisation_names():
    names = cache.get("search:organisation-names")
    if names is None:
        from departments.models import Organisation

        names = dict(Organisation.objects.values_list("slug", "name"))
        cache.set("search:organisation-names", names, CACHE_SECONDS)
    return names


def organisation(slug):
    from departments.models import Organisation

    return Organisation.objects.filter(slug=slug).first()


def topic_names():
    names = cache.get("search:topic-names")
    if names is None:
        from ..models import Topic

        names = {str(topic.pk): topic.full_name for topic in Topic.objects.select_related("parent")}
        cache.set("search:topic-names", names, CACHE_SECONDS)
    return names


def facet_lists(counts, filters):
    """Facet counts as ordered lists of {value, label, count, selected}; years newest first, others by count."""
    orgs = organisation_names()
    topics = topic_names()
    genres = dict(Genre.choices)
    label_for = {
        "organisation": lambda value: orgs.get(value, value),
        "genre": lambda value: str(genres.get(value, value)),
        "topic": lambda value: topics.get(value, value),
        "year": lambda value: _("%(year)s年") % {"year": value},
    }
    lists = {}
    for name, counter in counts.items():
        items = [{"value": value, "label": label_for[name](value), "count": count,
                  "selected": filters.get(name) == value} for value, count in counter.items()]
        if name == "year":
            items.sort(key=lambda item: item["value"], reverse=True)
        else:
            items.sort(key=lambda item: (-item["count"], item["label"]))
        lists[name] = items
    return lists
