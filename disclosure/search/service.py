"""One search over the county (catalogue, public letters, organisations): the function the page, the API and the benchmark all call.

Index first (``engines.current()``: Whoosh or Elasticsearch); if the index is missing, empty,
unreadable or unreachable, the database (``fallback``) with a notice. When the query finds little,
a correction (``corrections.py``) is offered as ``did_you_mean``; when it finds nothing, the
corrected query's results are shown (``corrected_from``), else, for several words, the entries
with the most of them (``relaxed``). Then editors' picks, facet labels, highlighted snippets,
suggestions when nothing was found, and one line in the query log.
"""

import logging
import math
import time
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import CatalogueEntry, EditorsPick
from ..personal_data import LABELS, find_personal_data, replace_personal_data
from . import engines, fallback, labels, whoosh_engine
from . import query as query_building
from .corrections import FEW_RESULTS, correction_for
from .documents import catalogue_index, indexes_by_label
from .highlight import highlight_title, snippet
from .kinds import ResultKind
from .memo import forget, remembered
from .models import CATALOGUE_ENTRY_LABEL, normalise_query
from .querylog import log_query, suggestions_for

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
PICKED_QUERIES_KEY = "search:picked-queries"


@dataclass
class SearchOutcome:
    params: object
    parsed: object = None
    message: str = ""
    notice: str = ""
    total: int = 0
    page: int = 1
    num_pages: int = 0
    took_ms: int = 0
    results: list = field(default_factory=list)
    picks: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    suggestions: list = field(default_factory=list)
    scope_organisation: object = None
    used_fallback: bool = False
    # A close spelling that finds much more (纠错), or None.
    did_you_mean: str = None
    # The query as typed, when the results are for ``did_you_mean`` because it found nothing; else None.
    corrected_from: str = None
    # True when no entry had every word and the results are the entries with the most of them.
    relaxed: bool = False

    @property
    def has_query(self):
        return self.parsed is not None and not self.parsed.is_empty


def scope_for(params, site_organisation):
    """The organisation searched: the ``org`` parameter, else the sub-site's own unless ``scope=all``."""
    if params.org:
        return params.org
    if params.scope != "all" and site_organisation is not None:
        return site_organisation.slug
    return ""


def _corrected_or_relaxed(outcome, index_engine, parsed, found, filters, params, offset):
    """When little is found: offer a correction; when nothing, show the correction's or the partial matches."""
    outcome.did_you_mean = correction_for(parsed, index_engine.word_frequency)
    if found.total == 0 and outcome.did_you_mean:
        corrected = query_building.parse(outcome.did_you_mean)
        found_corrected = index_engine.run(corrected, filters, params.sort, offset, PAGE_SIZE)
        if found_corrected.total:
            outcome.corrected_from = params.q
            outcome.parsed = corrected
            outcome.notice = " ".join(filter(None, [outcome.notice, _("已为您显示“%(query)s”的结果。") % {
                "query": outcome.did_you_mean}]))
            return found_corrected, corrected
    if found.total == 0 and len(parsed.words) > 1:
        relaxed = index_engine.run(parsed, filters, params.sort, offset, PAGE_SIZE, relax=True)
        if relaxed.total:
            outcome.relaxed = True
            outcome.notice = " ".join(filter(None, [outcome.notice, _(
                "没有同时包含全部搜索词的结果，以下是包含部分搜索词的结果，包含词数多的排在前面。")]))
            return relaxed, parsed
    return found, parsed


def search(params, site_organisation=None, log=True, visitor=""):
    started = time.perf_counter()
    outcome = SearchOutcome(params=params)
    organisation_slug = scope_for(params, site_organisation)
    outcome.scope_organisation = labels.organisation(organisation_slug) if organisation_slug else None
    # Nobody finds a page by the ID, mobile or bank card number printed on it (not even in the database
    # fallback): those parts of the query are not searched for.
    personal = find_personal_data(params.q or "")
    parsed = query_building.parse(replace_personal_data(params.q, dict.fromkeys(LABELS, " ")) if personal else params.q)
    outcome.parsed = parsed
    if not params.q:
        outcome.message = _("请输入要搜索的关键词。")
        return outcome
    if personal and parsed.is_empty:
        outcome.message = _("为保护个人信息，不能按身份证号、手机号或银行卡号搜索，请输入其他关键词。")
        return outcome
    if parsed.is_empty:
        outcome.message = _("搜索词只包含标点或符号，请输入文字、字母或数字。")
        return outcome
    if parsed.truncated:
        outcome.notice = _("搜索词过长，只按前 %(n)s 个字符中的前 %(w)s 个词搜索。") % {
            "n": query_building.MAX_QUERY_CHARS, "w": query_building.MAX_WORDS}

    typed_text = parsed.text
    filters = {"kind": params.kind, "organisation": organisation_slug, "genre": params.genre,
               "topic": params.topic, "year": params.year}
    offset = (params.page - 1) * PAGE_SIZE
    try:
        index_engine = engines.current()
        found = index_engine.run(parsed, filters, params.sort, offset, PAGE_SIZE)
        if found.total == 0 and index_engine.document_count() == 0 and CatalogueEntry.objects.public().exists():
            raise whoosh_engine.IndexUnavailable("empty")
        if found.total < FEW_RESULTS:
            found, parsed = _corrected_or_relaxed(outcome, index_engine, parsed, found, filters, params, offset)
        total, hits, facet_counts = found.total, found.hits, found.facets
    except whoosh_engine.IndexUnavailable as error:
        logger.warning("Search index unavailable (%s); answering from the database.", error)
        outcome.used_fallback = True
        outcome.notice = " ".join(filter(None, [outcome.notice, _("搜索索引暂时不可用，以下结果直接查自数据库，按发布日期排序，可能不够完整。")]))
        total, entry_ids, facet_counts = fallback.run(parsed, filters, offset, PAGE_SIZE)
        hits = [(CATALOGUE_ENTRY_LABEL, pk) for pk in entry_ids]

    outcome.total = total
    outcome.num_pages = math.ceil(total / PAGE_SIZE) if total else 0
    outcome.page = params.page
    terms = parsed.highlight_terms()
    if params.page == 1:
        outcome.picks = [present(row, terms, description) for row, description in editors_picks(parsed)]
    picked = {(CATALOGUE_ENTRY_LABEL, item["id"]) for item in outcome.picks}
    outcome.results = [present(row, terms) for label, row in rows_in_order(hits) if (label, row["pk"]) not in picked]
    outcome.facets = labels.facet_lists(facet_counts, filters)
    if total == 0:
        outcome.suggestions = suggestions_for(parsed)
    outcome.took_ms = int((time.perf_counter() - started) * 1000)
    if log and params.page == 1:
        # The query log records what was asked, its identifiers replaced by placeholders (querylog.redact).
        log_query(params.q if personal else typed_text, organisation_slug, total, outcome.took_ms, outcome.used_fallback,
                  visitor)
    return outcome


def rows_in_order(hits):
    """``[(model label, row), …]`` for one page of hits, in their order, each row read by its own index
    (``documents.CountySearchIndex.result_rows``: one query per kind, only what is public now)."""
    wanted = {}
    for label, pk in hits:
        wanted.setdefault(label or CATALOGUE_ENTRY_LABEL, []).append(pk)
    known = indexes_by_label()
    rows = {}
    for label, pks in wanted.items():
        index = known.get(label)
        if index is not None:
            rows.update({(label, pk): row for pk, row in index.result_rows(pks).items()})
    ordered = []
    for label, pk in hits:
        key = (label or CATALOGUE_ENTRY_LABEL, pk)
        if key in rows:
            ordered.append((key[0], rows[key]))
    return ordered


def editors_picks(parsed):
    query = normalise_query(parsed.text)
    if not query or query not in picked_queries():
        return []
    picks = (EditorsPick.objects.filter(query=query, entry__status=CatalogueEntry.Status.LIVE)
             .values("entry_id", "description"))
    rows = catalogue_index().result_rows([pick["entry_id"] for pick in picks])
    return [(rows[pick["entry_id"]], pick["description"]) for pick in picks if pick["entry_id"] in rows]


def picked_queries():
    """The set of queries that have editors' picks (memoised; forgotten when a pick is saved)."""
    return remembered(PICKED_QUERIES_KEY, lambda: set(EditorsPick.objects.values_list("query", flat=True)))


def forget_picks(**kwargs):
    forget(PICKED_QUERIES_KEY)


def present(row, terms, pick_description=""):
    """One result as the page and the API show it (``row``: see ``documents.ROW_KEYS``, texts already masked)."""
    organisation = labels.organisation_by_id(row["organisation_id"])
    genres = labels.genre_names()
    kind = ResultKind(row["kind"])
    return {
        "id": row["pk"],
        "title": row["title"],
        "title_html": highlight_title(row["title"], terms),
        "url": row["url"],  # the stored full URL; views make it the link for their request (links.localise_results)
        "site_id": row["site_id"],
        "path": row["path"],
        "index_number": row["index_number"],
        "document_number": row["document_number"],
        "organisation": {"slug": organisation["slug"], "name": organisation["name"]},
        "genre": genres.get(row["genre"], row["genre"]),
        "kind": kind.value,
        "kind_label": str(kind.label),
        "topic": labels.topic_names().get(str(row["topic_id"]), "") if row["topic_id"] else "",
        "published_at": timezone.localtime(row["display_date"]),
        "date_label": row["date_label"],
        "snippet": snippet([row["summary"], row["body_text"]], terms),
        "pick_description": pick_description,
    }
