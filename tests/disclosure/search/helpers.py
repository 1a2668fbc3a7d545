"""Builders for search tests: published pages, searched through the service or the page."""

from disclosure.search.params import read_params
from disclosure.search.service import search


def find(q, log=False, site_organisation=None, **params):
    outcome = search(read_params({"q": q, **params}), site_organisation=site_organisation, log=log)
    return outcome


def titles(outcome):
    assert not outcome.used_fallback, "the index should have answered, not the database fallback"
    return [result["title"] for result in [*outcome.picks, *outcome.results]]
