"""The catalogue index on Elasticsearch 7: haystack's backend taught our fields, and the engine's query.

Select it with ``SEARCH_BACKEND=disclosure.search.elastic.CountyElasticsearchEngine`` (README,
"Search"). One index on one server is shared by every app server, so there is no index file and
no one-writer lock; the queue (``queue.py``) and its worker write to it unchanged.

Chinese analysis (``CHINESE_ANALYZER``, env ``SEARCH_ES_ANALYZER``):

* ``presegmented`` (default): ``text`` is cut here into the same match-form terms as the Whoosh
  index (``segmenter.index_terms``) and sent space-separated; ``title`` and ``match_text`` are sent
  as their match form one character per token (``|`` for a space), so a word that is not one exact
  term is matched with ``match_phrase`` over its characters - the server's positions do what the
  Whoosh engine's verification does. Same semantics as Whoosh (exact contiguous strings, numbers
  of document numbers not cut) and no server plugin.
* ``smartcn`` / ``ik_max_word``: the raw text is sent and the server's plugin segments it; queries
  become ``match`` (all tokens) queries. A word is then found only when the plugin segments the
  sentence around it the same way, so recall is lower and matching is not exact; use them only
  where the plugin is wanted.

The engine half (``run``, ``word_frequency``, ``document_count``, ``forget_view``) has the contract of
``whoosh_engine.py``: every query word must match (any variant of it), or the exact identifier, or - relaxed
- any word; facets are ``terms`` aggregations; ranking is the same tiers as ``whoosh_engine._by_relevance``
as constant scores, newer first within a tier.
Any client error (refused, timeout, missing index, rejected query) raises
:class:`whoosh_engine.IndexUnavailable`, so search answers from the database instead.
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
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier

from .params import MAX_PAGE
from .segmenter import index_terms, is_compound, match_form, word_terms
from .whoosh_engine import FACET_FIELDS, EngineResult, IndexUnavailable

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
                if name == "title":
                    mapping[name] = {"type": "text", "norms": False, "analyzer": PRESEGMENTED_ANALYZER}
            elif field.field_type == "match_text":
                mapping[name] = {"type": "text", "norms": False, "analyzer": PRESEGMENTED_ANALYZER}
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
            doc["text"] = " ".join(index_terms(doc.get("text") or ""))
        doc["title"] = characters(match_form(doc.get("title") or ""))
        for name in self._fields_of_type("match_text"):
            title, _newline, rest = (doc.get(name) or "").partition("\n")
            doc[name] = f"{characters(match_form(title))} | {characters(match_form(rest))}"
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

    def apply_changes(self, index, objects=(), removed_identifiers=(), more=()):
        """Index updated objects and delete identifiers in one bulk request, visible on return.

        ``more``: further ``(index, objects)`` pairs sent in the same request (other kinds of document).
        """
        if not self.setup_complete:
            self.setup()
        actions = [{"delete": {"_id": identifier}} for identifier in removed_identifiers]
        for each_index, each_objects in ((index, objects), *more):
            for obj in each_objects:
                doc = self.prepare_document(each_index, obj)
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


def characters(form):
    """Match form as one token per character (``|`` for a space), for ``match_phrase``."""
    return " ".join("|" if char.isspace() else char for char in form)


def _phrase(field, word):
    """The word as one contiguous string in ``field``; for a document number, its numbers not cut."""
    clause = {"match_phrase": {field: characters(word)}}
    if not is_compound(word):
        return clause
    longer = [{"match_phrase": {field: characters(f"{word}{digit}")}} for digit in "0123456789"]
    if word[0].isdigit():
        longer += [{"match_phrase": {field: characters(f"{digit}{word}")}} for digit in "0123456789"]
    return {"bool": {"filter": [clause], "must_not": longer}}


def variant_clause(variant, field, analyzer=PRESEGMENTED):
    """A document matches one spelling of a word: it occurs as one contiguous string (whoosh_engine.py)."""
    if analyzer != PRESEGMENTED and field == "text":
        return {"match": {field: {"query": variant, "operator": "and"}}}
    if field == "title":
        return _phrase("title", variant)
    terms, exact = word_terms(variant)
    if not terms:
        return {"match_none": {}}
    filters = [{"term": {field: term}} for term in terms]
    if not exact:
        filters.append(_phrase("match_text", variant))
    return filters[0] if len(filters) == 1 else {"bool": {"filter": filters}}


def word_clause(word_variants, field, analyzer=PRESEGMENTED):
    """A document matches a query word through any of its variants."""
    clauses = [variant_clause(variant, field, analyzer) for variant in word_variants]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}


def build_query(parsed, filters, sort, offset, limit, analyzer=PRESEGMENTED, relax=False):
    """The search request body: matching and filters, the ranking tiers as constant scores, facets as aggregations."""
    word_clauses = [word_clause(parsed.expansions[word], "text", analyzer) for word in parsed.words]
    if relax:
        all_words = {"bool": {"should": word_clauses, "minimum_should_match": 1}}
    else:
        all_words = {"bool": {"filter": word_clauses}}
    identifier = {"term": {"identifiers": parsed.identifier}} if parsed.identifier else None
    matching = {"bool": {"should": [all_words, identifier], "minimum_should_match": 1}} if identifier else all_words
    query = {"bool": {"filter": [matching, *({"term": {name: value}} for name, value in filters.items() if value)]}}
    if sort == "date":
        order = [{"published_at": {"order": "desc"}}, {DJANGO_ID: {"order": "desc"}}]
    else:
        # The tiers of whoosh_engine._by_relevance: 1 per query word in the title, 1 more for the whole query there,
        # (relaxed) ``width`` per word matched; an exact identifier above everything.
        width = len(parsed.words) + 2
        scores = [{"constant_score": {"filter": word_clause(parsed.expansions[word], "title", analyzer), "boost": 1}}
                  for word in parsed.words]
        if len(parsed.words) > 1:
            scores.append({"constant_score": {"filter": _phrase("title", "".join(parsed.words)), "boost": 1}})
        if relax:
            scores += [{"constant_score": {"filter": clause, "boost": width}} for clause in word_clauses]
        tiers = [{"bool": {"should": scores}}]
        if identifier:
            tiers.append({"constant_score": {"filter": identifier, "boost": (len(parsed.words) + 2) * width}})
        query["bool"]["should"] = [{"dis_max": {"queries": tiers}}]
        order = [{"_score": {"order": "desc"}}, {"published_at": {"order": "desc"}}, {DJANGO_ID: {"order": "desc"}}]
    return {
        "query": query,
        "sort": order,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": [DJANGO_CT, DJANGO_ID],
        "aggs": {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS},
    }


def run(parsed, filters, sort, offset, limit, relax=False):
    """Match, narrow by ``filters``, count facets, rank one page (the contract of ``whoosh_engine.run``)."""
    backend = _backend()
    body = build_query(parsed, filters, sort, offset, limit, backend.chinese_analyzer, relax)
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
    found = [(hit["_source"][DJANGO_CT], int(hit["_source"][DJANGO_ID])) for hit in hits["hits"]]
    relaxed = relax and bool(hits["total"]["value"])
    return EngineResult(total=hits["total"]["value"], hits=found, facets=facets, relaxed=relaxed)


def word_frequency(word):
    """How many entries contain ``word`` as one string (the contract of ``whoosh_engine.word_frequency``)."""
    backend = _backend()
    query = {"bool": {"filter": [variant_clause(word, "text", backend.chinese_analyzer)]}}
    try:
        return backend.conn.count(index=backend.index_name, body={"query": query},
                                  request_timeout=backend.search_timeout)["count"]
    except elasticsearch.NotFoundError as error:
        raise IndexUnavailable("missing") from error
    except elasticsearch.ElasticsearchException as error:
        raise IndexUnavailable(f"unreachable or refused: {error}") from error


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
