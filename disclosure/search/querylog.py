"""The query log (搜索记录) and what is read from it: the week's popular searches, suggestions, zero results.

Only the query, its scope, the result count and the time taken are kept: no IP address, no user.
Citizens do paste their own ID number, mobile or bank card number or e-mail into a search box (to find themselves
in a 公示 list); those are replaced by a placeholder before the query is stored, so they are neither
kept nor ever shown back as a popular search or a suggestion.
"""

import re
from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from ..models import SearchQueryLog
from ..personal_data import BANK_CARD, ID_NUMBER, MOBILE, replace_personal_data
from .hot_words import hot_words
from .models import normalise_query
from .segmenter import cut_all

POPULAR_CACHE_KEY = "search:popular:{days}:{limit}"
REDACTED_MARK = "［"
_PLACEHOLDERS = {ID_NUMBER: "［身份证号］", MOBILE: "［手机号］", BANK_CARD: "［银行卡号］"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact(query):
    """The query without personal identifiers (``disclosure.personal_data``) and e-mail addresses."""
    return _EMAIL.sub("［邮箱］", replace_personal_data(query, _PLACEHOLDERS))


def log_query(query, scope, result_count, took_ms, used_fallback=False, visitor=""):
    query = redact(normalise_query(query))
    if query:
        SearchQueryLog.objects.create(query=query, scope=scope or "", result_count=result_count,
                                      took_ms=max(0, int(took_ms)), used_fallback=used_fallback, visitor=visitor or "")


def popular_searches(days=7, limit=10):
    """热词 as shown to the public: moderated by the information office (``hot_words.hot_words``)."""
    return hot_words(days=days, limit=limit)


def suggestions_for(parsed, limit=5, days=90):
    """Popular queries that found something and share a word (or a segment of one) with ``parsed``."""
    pieces = set()
    for word in parsed.words:
        pieces.add(word)
        pieces.update(token for token in cut_all(word) if len(token) > 1)
    if not pieces:
        return []
    condition = Q()
    for piece in sorted(pieces, key=len, reverse=True)[:10]:
        condition |= Q(query__icontains=piece)
    since = timezone.now() - timedelta(days=days)
    current = normalise_query(parsed.text)
    return list(
        SearchQueryLog.objects.filter(condition, searched_at__gte=since, result_count__gt=0)
        .exclude(query=current).exclude(query__contains=REDACTED_MARK)
        .values("query").annotate(times=Count("pk")).order_by("-times", "query")
        .values_list("query", flat=True)[:limit]
    )


def zero_result_queries(days=30):
    """Queries that found nothing, most frequent first: what the information office should look at."""
    since = timezone.now() - timedelta(days=days)
    return (
        SearchQueryLog.objects.filter(searched_at__gte=since, result_count=0)
        .values("query").annotate(times=Count("pk"), last_searched=Max("searched_at"))
        .order_by("-times", "-last_searched")
    )
