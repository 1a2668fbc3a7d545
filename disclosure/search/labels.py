"""Human labels for facet values and results (organisation names, genres, topics, years), memoised briefly."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from departments.models import Organisation
from portal.taxonomy import Genre

from ..models import Topic
from .kinds import ResultKind
from .memo import forget, remembered


def _organisations():
    rows = Organisation.objects.values_list("pk", "slug", "name")
    return {"by_id": {pk: {"slug": slug, "name": name} for pk, slug, name in rows},
            "by_slug": {slug: name for _pk, slug, name in rows}}


def organisations():
    return remembered("labels:organisations", _organisations)


def organisation_by_id(pk):
    found = organisations()["by_id"].get(pk)
    if found is None:
        forget("labels:organisations")
        found = organisations()["by_id"].get(pk, {"slug": "", "name": ""})
    return found


def organisation_names():
    return organisations()["by_slug"]


def forget_organisations(**kwargs):
    forget("labels:organisations")


def organisation(slug):
    return Organisation.objects.filter(slug=slug).first()


def topic_names():
    def compute():
        return {str(topic.pk): topic.full_name for topic in Topic.objects.select_related("parent")}

    return remembered("labels:topics", compute)


def genre_names():
    return remembered(f"labels:genres:{get_language()}", lambda: {value: str(label) for value, label in Genre.choices})


def facet_lists(counts, filters):
    """Facet counts as ordered lists of {value, label, count, selected}; years newest first, others by count."""
    orgs = organisation_names()
    topics = topic_names()
    genres = genre_names()
    year_format = _("%(year)s年")
    kinds = {value: str(label) for value, label in ResultKind.choices}
    label_for = {
        "kind": lambda value: kinds.get(value, value),
        "organisation": lambda value: orgs.get(value, value),
        "genre": lambda value: genres.get(value, value),
        "topic": lambda value: topics.get(value, value),
        "year": lambda value: year_format % {"year": value},
    }
    lists = {}
    for name, counter in counts.items():
        items = [{"value": value, "label": label_for[name](value), "count": count,
                  "selected": filters.get(name) == value} for value, count in counter.items()]
        if name == "year":
            items.sort(key=lambda item: item["value"], reverse=True)
        elif name == "kind":
            order = list(kinds)
            items.sort(key=lambda item: order.index(item["value"]) if item["value"] in order else len(order))
        else:
            items.sort(key=lambda item: (-item["count"], item["label"]))
        lists[name] = items
    return lists
