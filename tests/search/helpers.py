"""Builders for search tests: published pages, searched through the service or the page."""

from disclosure.search.params import read_params
from disclosure.search.service import search


def find(q, log=False, **params):
    return search(read_params({"q": q, **params}), log=log)


def titles(outcome):
    return [result["title"] for result in outcome.results]
