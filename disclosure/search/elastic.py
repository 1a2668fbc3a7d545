"""The catalogue index on Elasticsearch 7: haystack's backend taught our fields, and the engine's query.

Select it with ``SEARCH_BACKEND=disclosure.search.elastic.CountyElasticsearchEngine`` (README,
"Search"). One index on one server is shared by every app server, so there is no index file and
no one-writer lock; the queue (``queue.py``) and its worker write to it unchanged.

Chinese analysis (``CHINESE_ANALYZER``, env ``SEARCH_ES_ANALYZER``):

* ``presegmented`` (default): ``text`` and ``title`` are segmented here with the same rjieba full
  mode as the Whoosh index and sent as space-separated tokens; the server only splits on spaces
  and lower-cases. Same recall as Whoosh (any word inside a sentence is found) and no server plugin.
* ``smartcn`` / ``ik_max_word``: the raw text is sent and the server's plugin segments it; queries
  become ``match`` (all tokens) queries. A word is then found only when the plugin segments the
  sentence around it the same way, so recall is lower; use them only where the plugin is wanted.

The engine half (``run``, ``document_count``, ``forget_view``) has the contract of ``engine.py``:
every query word must match (any synonym variant of it), or the exact identifier; facets are
``terms`` aggregations; ranking is identifier first, then query words in the title, newer first.
Any client error (refused, timeout, missing index, rejected query) raises
:class:`engine.IndexUnavailable`, so search answers from the database instead.
"""

import copy
from collections import Counter

import elasticsearch
import haystack
from django.core.exceptions import ImproperlyConfigured
from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
    Elasticsearch7SearchQuery,
)
from haystack.constants import DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier

from .engine import FACET_FIELDS, EngineResult, IndexUnavailable
from .params import MAX_PAGE
from .segmenter import index_tokens, word_tokens

PRESEGMENTED = "presegmented"
PRESEGMENTED_ANALYZER = "county_presegmented"
# How each choice maps the segmented fields. ik: index every word (max_word), search with the coarser ik_smart.
TEXT_ANALYSIS = {
    PRESEGMENTED: {"analyzer": PRESEGMENTED_ANALYZER},
    "smartcn": {"analyzer": "smartcn"},
    "ik_max_word": {"analyzer": "ik_max_word", "search_analyzer": "ik_smart"},
}
FACET_SIZE = 500  # more than the county's organisations, topics, genres or years
SEARCH_TIMEOUT_SECONDS = 3  # a slow server should not hold the page: the database answers instead
RESULTS_PER_PAGE = 20  # service.PAGE_SIZE (not imported: the service imports this module's dispatcher)


class IndexWriteFailed(Exception):
    """Elasticsearch rejected part of a bulk write; the queue keeps the entries and retries."""


def _index_settings():
    """Haystack's index settings plus our whitespace analyzer and a result window as deep as the last page."""
    body = copy.deepcopy(Elasticsearch7SearchBackend.DEFAULT_SETTINGS)
    body["settings"]["index"]["max_result_window"] = MAX_PAGE * RESULTS_PER_PAGE
    body["settings"]["analysis"]["analyzer"][PRESEGMENTED_ANALYZER] = {
        "type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
    return body


class CountyElasticsearchSearchBackend(Elasticsearch7SearchBackend):
    DEFAULT_SETTINGS = _index_settings()

    def __init__(self, connection_alias, **connection_options):
        # Failing loudly by default: a setup error swallowed by haystack would let the first bulk write
        # auto-create the index with dynamic mappings (no Chinese analysis) and nobody would notice.
        connection_options.setdefault("SILENTLY_FAIL", False)
        super().__init__(connection_alias, **connection_options)
        self.chinese_analyzer = connection_options.get("CHINESE_ANALYZER") or PRESEGMENTED
        if self.chinese_analyzer not in TEXT_ANALYSIS:
            raise ImproperlyConfigured(
                f"CHINESE_ANALYZER (SEARCH_ES_ANALYZER) must be one of {', '.join(TEXT_ANALYSIS)}, "
                f"not {self.chinese_analyzer!r}.")
        self.search_timeout = connection_options.get("SEARCH_TIMEOUT", SEARCH_TIMEOUT_SECONDS)

    @property
    def presegmented(self):
        return self.chinese_analyzer == PRESEGMENTED

    def _fields_of_type(self, field_type):
        fields = haystack.connections[self.connection_alias].get_unified_index().all_searchfields()
        return [field.index_fieldname for field in fields.values() if field.field_type == field_type]

    def _get_common_mapping(self):
        return {**super()._get_common_mapping(), ID: {"type": "keyword"}}

    def build_schema(self, fields):
        content_field_name, mapping = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            if field.field_type == "segmented":
                mapping[name] = {"type": "text", "norms": False, **TEXT_ANALYSIS[self.chinese_analyzer]}
            elif field.field_type in ("identifier", "facet_value"):
                mapping[name] = {"type": "keyword"}
            elif field.field_type in ("date", "datetime"):
                mapping[name] = {"type": "date"}
            # Index-time boosts are deprecated in ES 7; ranking does not use scores of text anyway.
            mapping[name].pop("boost", None)
        return content_field_name, mapping

    def _prepare_object(self, index, obj):
        """Haystack's document, with Chinese pre-segmented and the identifiers as a list of exact keys."""
        doc = super()._prepare_object(index, obj)
        doc.pop("boost", None)
        if self.presegmented:
            for name in self._fields_of_type("segmented"):
                doc[name] = " ".join(index_tokens(doc.get(name) or ""))
        for name in self._fields_of_type("identifier"):
            doc[name] = (doc.get(name) or "").split()
        return doc

    def prepare_document(self, index, obj):
        """One object as the JSON document sent to Elasticsearch, or None when the index skips it."""
        try:
            doc = self._prepare_object(index, obj)
        except SkipDocument:
            return None
        return {key: self._from_python(value) for key, value in doc.items()}

    def apply_changes(self, index, objects=(), removed_identifiers=()):
        """Index updated objects and delete identifiers in one bulk request, visible on return."""
        if not self.setup_complete:
            self.setup()
        actions = [{"delete": {"_id": identifier}} for identifier in removed_identifiers]
        for obj in objects:
            doc = self.prepare_document(index, obj)
            if doc is None:
                actions.append({"delete": {"_id": get_identifier(obj)}})
            else:
                actions.extend([{"index": {"_id": doc[ID]}}, doc])
        if not actions:
            return
        response = self.conn.bulk(body=actions, index=self.index_name, refresh="true")
        if response.get("errors"):
            failed = [result for item in response["items"] for action, result in item.items()
                      if result.get("status", 500) >= 300 and not (action == "delete" and result.get("status") == 404)]
            if failed:
                raise IndexWriteFailed(f"{len(failed)} documents rejected, first: {failed[0].get('error')}")


class CountyElasticsearchEngine(Elasticsearch7SearchEngine):
    backend = CountyElasticsearchSearchBackend
    query = Elasticsearch7SearchQuery


# The engine: one Elasticsearch request per search.


def _backend():
    return haystack.connections["default"].get_backend()


def variant_clause(variant, field, analyzer=PRESEGMENTED):
    """A document matches one spelling of a word: all its segments as tokens (or the server's own analysis)."""
    if analyzer != PRESEGMENTED:
        return {"match": {field: {"query": variant, "operator": "and"}}}
    tokens = word_tokens(variant)
    if not tokens:
        return {"match_none": {}}
    return {"bool": {"filter": [{"term": {field: token}} for token in tokens]}}


def word_clause(word_variants, field, analyzer=PRESEGMENTED):
    """A document matches a query word through any of its synonym variants."""
    clauses = [variant_clause(variant, field, analyzer) for variant in word_variants]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def build_query(parsed, filters, sort, offset, limit, analyzer=PRESEGMENTED):
    """The search request body: matching and filters (no scoring), tiers as constant scores, facets as aggregations."""
    all_words = {"bool": {"filter": [word_clause(parsed.expansions[word], "text", analyzer) for word in parsed.words]}}
    identifier = {"term": {"identifiers": parsed.identifier}} if parsed.identifier else None
    matching = {"bool": {"should": [all_words, identifier], "minimum_should_match": 1}} if identifier else all_words
    query = {"bool": {"filter": [matching, *({"term": {name: value}} for name, value in filters.items() if value)]}}
    if sort == "date":
        order = [{"published_at": {"order": "desc"}}, {DJANGO_ID: {"order": "desc"}}]
    else:
        # Score = the tier: 1 per query word in the title; an exact identifier above any number of title words.
        in_title = {"bool": {"should": [
            {"constant_score": {"filter": word_clause(parsed.expansions[word], "title", analyzer), "boost": 1}}
            for word in parsed.words]}}
        tiers = [in_title]
        if identifier:
            tiers.append({"constant_score": {"filter": identifier, "boost": len(parsed.words) + 1}})
        query["bool"]["should"] = [{"dis_max": {"queries": tiers}}]
        order = [{"_score": {"order": "desc"}}, {"published_at": {"order": "desc"}}, {DJANGO_ID: {"order": "desc"}}]
    return {
        "query": query,
        "sort": order,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": [DJANGO_ID],
        "aggs": {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS},
    }


def run(parsed, filters, sort, offset, limit):
    """Match, narrow by ``filters``, count facets, rank one page (the contract of ``engine.run``)."""
    backend = _backend()
    body = build_query(parsed, filters, sort, offset, limit, backend.chinese_analyzer)
    body["from_"] = body.pop("from")  # the 7.17 client takes the body as keyword arguments
    try:
        response = backend.conn.search(index=backend.index_name, request_timeout=backend.search_timeout, **body)
    except elasticsearch.NotFoundError as error:
        raise IndexUnavailable("missing") from error
    except elasticsearch.ElasticsearchException as error:
        raise IndexUnavailable(f"unreachable or refused: {error}") from error
    hits = response["hits"]
    facets = {}
    for name in FACET_FIELDS:
        buckets = response.get("aggregations", {}).get(name, {}).get("buckets", [])
        facets[name] = Counter({bucket["key"]: bucket["doc_count"] for bucket in buckets if bucket["key"] != ""})
    entry_ids = [int(hit["_source"][DJANGO_ID]) for hit in hits["hits"]]
    return EngineResult(total=hits["total"]["value"], entry_ids=entry_ids, facets=facets)


def document_count():
    backend = _backend()
    try:
        return backend.conn.count(index=backend.index_name, request_timeout=backend.search_timeout)["count"]
    except elasticsearch.NotFoundError as error:
        raise IndexUnavailable("missing") from error
    except elasticsearch.ElasticsearchException as error:
        raise IndexUnavailable(f"unreachable or refused: {error}") from error


def forget_view():
    """Nothing to forget: every search asks the server, which always answers from its latest refresh."""
