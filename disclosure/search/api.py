"""``/api/search/``: the same search as the page, as JSON (fields documented in the README)."""

from django.http import JsonResponse

from ..catalogue.links import localise_results
from .hot_words import visitor_key
from .params import read_params
from .scope import site_organisation
from .service import search


def _facet(items):
    return [{"value": item["value"], "label": item["label"], "count": item["count"]} for item in items]


def search_api(request):
    params = read_params(request.GET)
    if params.errors:
        return JsonResponse({"detail": params.errors[0], "error": params.errors[0], "errors": params.errors}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    outcome = search(params, site_organisation(request), visitor=visitor_key(request))
    for result in localise_results([*outcome.picks, *outcome.results], request):
        result["url"] = request.build_absolute_uri(result["url"]) if result["url"].startswith("/") else result["url"]
    body = {
        "query": params.q,
        "count": outcome.total,
        "page": outcome.page,
        "num_pages": outcome.num_pages,
        "took_ms": outcome.took_ms,
        "results": [
            {
                "title": result["title"],
                "url": result["url"],
                "index_number": result["index_number"],
                "organisation": result["organisation"],
                "genre": result["genre"],
                "kind": result["kind"],
                "topic": result["topic"],
                "published_at": result["published_at"].isoformat(),
                "snippet": str(result["snippet"]),
            }
            for result in [*outcome.picks, *outcome.results]
        ],
        "facets": {name: _facet(outcome.facets.get(name, []))
                   for name in ("kind", "organisation", "genre", "topic", "year")},
        "suggestions": outcome.suggestions,
        "did_you_mean": outcome.did_you_mean,
        "corrected_from": outcome.corrected_from,
        "relaxed": outcome.relaxed,
    }
    if outcome.message:
        body["message"] = outcome.message
    if outcome.notice:
        body["notice"] = outcome.notice
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
