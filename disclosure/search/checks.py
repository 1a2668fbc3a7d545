"""System checks: ``manage.py check`` warns when the search index is missing, empty or far behind.

Whoosh or Elasticsearch alike (``engines.py``): "missing" there also means the server is unreachable.

Tagged ``search`` (registered in ``DisclosureConfig.ready``); they read the database, so they quietly skip
when it is not reachable (e.g. before ``migrate``). Run only them with ``manage.py check --tag search``.
"""

from datetime import timedelta

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import gettext as _
from haystack import connections

from ..models import PendingIndexUpdate
from . import engines, whoosh_engine
from .documents import indexes_by_label

QUEUE_STALE_MINUTES = 10


def check_search_index(app_configs=None, **kwargs):
    """Warnings (``search.W001``–``W004``) when the index is unreadable, empty, out of step or its queue stale."""
    index_engine = engines.for_backend(connections["default"].get_backend())
    if index_engine is None:
        return []
    try:
        # Everything that should be findable: public entries, public letters, organisations (every search index).
        live = sum(index.index_queryset().count() for index in indexes_by_label().values())
        pending = PendingIndexUpdate.objects.count()
        oldest_pending = PendingIndexUpdate.objects.order_by("queued_at").values_list("queued_at", flat=True).first()
    except DatabaseError:
        return []
    hint = _("运行 python manage.py rebuild_index --noinput 重建索引，并确认任务进程（python manage.py db_worker）在运行。")
    messages = []
    if live:
        index_engine.forget_view()
        try:
            indexed = index_engine.document_count()
        except whoosh_engine.IndexUnavailable as error:
            return [checks.Warning(_("搜索索引不存在或无法读取（%(error)s），搜索正以数据库兜底。") % {"error": error},
                                   hint=hint, id="search.W001")]
        if indexed == 0:
            messages.append(checks.Warning(_("搜索索引为空，但有 %(live)s 条应可搜索的公开内容（目录条目、公开来信、机构）。") % {"live": live},
                                           hint=hint, id="search.W002"))
        elif abs(live - indexed) > pending:
            # Exact: one entry missing (or one withdrawn entry still found) is a citizen who cannot find, or
            # still finds, an item. Only what is queued and not yet written may explain a difference.
            messages.append(checks.Warning(
                _("搜索索引与公开内容不一致：索引 %(indexed)s 条，应可搜索 %(live)s 条（目录条目、公开来信、机构），待更新 %(pending)s 条。")
                % {"indexed": indexed, "live": live, "pending": pending},
                hint=hint, id="search.W003"))
    if oldest_pending and oldest_pending < timezone.now() - timedelta(minutes=QUEUE_STALE_MINUTES):
        messages.append(checks.Warning(
            _("有搜索索引更新已等待超过 %(minutes)s 分钟。") % {"minutes": QUEUE_STALE_MINUTES}, hint=hint, id="search.W004"))
    return messages
