"""The search page ``/search/``: a thin view over ``service.search``."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from ..catalogue.links import localise_results
from .hot_words import visitor_key
from .params import read_params
from .querylog import popular_searches
from .scope import site_organisation
from .service import search


def _link(params, **changes):
    return "?" + urlencode(params.as_query(**changes))


def search_page(request):
    params = read_params(request.GET)
    outcome = search(params, site_organisation(request), visitor=visitor_key(request))
    localise_results([*outcome.picks, *outcome.results], request)
    facet_groups = []
    filter_names = {"kind": "kind", "organisation": "org", "genre": "genre", "topic": "topic", "year": "year"}
    headings = {"kind": _("类别"), "organisation": _("发布机构"), "genre": _("体裁"), "topic": _("主题分类"), "year": _("年份")}
    for name in ("kind", "organisation", "genre", "topic", "year"):
        items = []
        for item in outcome.facets.get(name, []):
            param = filter_names[name]
            if item["selected"]:
                changes = {param: "", "page": ""}
                if name == "organisation":
                    changes["scope"] = "all"
                href = _link(params, **changes)
            else:
                href = _link(params, **{param: item["value"], "page": ""})
            items.append({**item, "href": href})
        if items:
            facet_groups.append({"name": name, "heading": headings[name], "items": items[:30]})
    pages = {
        "previous": _link(params, page=outcome.page - 1) if outcome.page > 1 else "",
        "next": _link(params, page=outcome.page + 1) if outcome.page < outcome.num_pages else "",
        "first": _link(params, page="") if outcome.page > 1 else "",
        "last": _link(params, page=outcome.num_pages) if outcome.page < outcome.num_pages else "",
    }
    scope_org = outcome.scope_organisation
    context = {
        "params": params,
        "outcome": outcome,
        "facet_groups": facet_groups,
        "pages": pages,
        "sort_links": {"relevance": _link(params, sort="", page=""), "date": _link(params, sort="date", page="")},
        "widen_link": _link(params, org="", scope="all", page="") if scope_org else "",
        "popular": popular_searches() if not outcome.has_query or not outcome.total else [],
        "org": scope_org if scope_org and scope_org.kind != scope_org.Kind.COUNTY else None,
        "trail": [(_("搜索"), "")],
    }
    return render(request, "search/search.html", context)
