"""When the index cannot answer: a plain database query over the public catalogue.

Slower and without relevance ranking (newest first), but the citizen still gets results,
with a notice on the page. Same filters and facets as the index path.
"""

from collections import Counter

from django.db.models import Count, Q

from ..models import CatalogueEntry
from .kinds import ResultKind


def _word_condition(word_variants):
    condition = Q()
    for variant in word_variants:
        condition |= Q(title__icontains=variant) | Q(summary__icontains=variant) | Q(body_text__icontains=variant)
        condition |= Q(keywords__icontains=variant) | Q(document_number__icontains=variant)
        condition |= Q(index_number__iexact=variant)
    return condition


def run(parsed, filters, offset, limit):
    entries = CatalogueEntry.objects.public()
    for word in parsed.words:
        entries = entries.filter(_word_condition(parsed.expansions.get(word, [word])))
    if parsed.identifier:
        exact = CatalogueEntry.objects.public().filter(
            Q(document_number__iexact=parsed.text.strip()) | Q(index_number__iexact=parsed.text.strip())
        )
        entries = entries | exact
    if filters.get("kind") == ResultKind.SERVICE:
        entries = entries.filter(genre="service_guide")
    elif filters.get("kind") == ResultKind.DOCUMENT:
        entries = entries.exclude(genre="service_guide")
    elif filters.get("kind"):
        entries = entries.none()
    if filters.get("organisation"):
        entries = entries.filter(organisation__slug=filters["organisation"])
    if filters.get("genre"):
        entries = entries.filter(genre=filters["genre"])
    if filters.get("topic"):
        entries = entries.filter(topic_id=filters["topic"])
    if filters.get("year"):
        entries = entries.filter(display_year=int(filters["year"]))
    guides = entries.filter(genre="service_guide").count()
    facets = {
        "kind": Counter({ResultKind.SERVICE.value: guides, ResultKind.DOCUMENT.value: entries.count() - guides}),
        "organisation": Counter(dict(entries.values_list("organisation__slug").annotate(n=Count("pk")).order_by())),
        "genre": Counter(dict(entries.values_list("genre").annotate(n=Count("pk")).order_by())),
        "topic": Counter({str(k): v for k, v in entries.exclude(topic=None).values_list("topic_id")
                          .annotate(n=Count("pk")).order_by()}),
        "year": Counter({str(k): v for k, v in entries.values_list("display_year").annotate(n=Count("pk")).order_by()}),
    }
    total = entries.count()
    ids = list(entries.order_by("-display_date", "-pk").values_list("pk", flat=True)[offset:offset + limit])
    return total, ids, facets

