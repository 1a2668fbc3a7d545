"""Reading the search parameters (q, kind, scope, org, genre, topic, year, sort, page) from a request."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from departments.models import Organisation
from portal.taxonomy import Genre
from security.strict_input import StrictInputError, parse_int, parse_year

from .kinds import ResultKind

SORTS = ("relevance", "date")
MAX_PAGE = 1000


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    scope: str = ""
    org: str = ""
    genre: str = ""
    topic: str = ""
    year: str = ""
    sort: str = "relevance"
    page: int = 1
    errors: list = field(default_factory=list)

    def as_query(self, **changes):
        """The parameters as a query dict for links (facets, pages, widening), without empty values."""
        values = {"q": self.q, "kind": self.kind, "scope": self.scope, "org": self.org, "genre": self.genre, "topic": self.topic,
                  "year": self.year, "sort": "" if self.sort == "relevance" else self.sort}
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None, 1) or key == "q"}


def read_params(data):
    """Clean the GET parameters; invalid values are dropped and explained in ``errors``."""
    params = SearchParams(q=(data.get("q") or "")[:2000].strip())
    params.scope = "all" if data.get("scope") == "all" else ""
    org = (data.get("org") or "").strip()
    if org:
        if Organisation.objects.filter(slug=org, active=True).exists():
            params.org = org
        else:
            params.errors.append(_("没有找到这个机构，已改为搜索全县。"))
            params.scope = "all"
    kind = (data.get("kind") or "").strip()
    if kind:
        if kind in ResultKind.values:
            params.kind = kind
        else:
            params.errors.append(_("结果类别参数无效，已忽略。"))
    genre = (data.get("genre") or "").strip()
    if genre:
        if genre in Genre.values:
            params.genre = genre
        else:
            params.errors.append(_("体裁参数无效，已忽略。"))
    topic = (data.get("topic") or "").strip()
    if topic:
        try:
            params.topic = str(parse_int(topic, minimum=1, maximum=999_999_999))
        except StrictInputError:
            params.errors.append(_("主题分类参数无效，已忽略。"))
    year = (data.get("year") or "").strip()
    if year:
        try:
            params.year = str(parse_year(year, minimum=1949, maximum=2100))
        except StrictInputError:
            params.errors.append(_("年份参数无效，已忽略。"))
    sort = (data.get("sort") or "relevance").strip()
    if sort in SORTS:
        params.sort = sort
    else:
        params.errors.append(_("排序参数无效，已按相关度排序。"))
    page = (data.get("page") or "").strip()
    if page:
        try:
            params.page = parse_int(page, minimum=1, maximum=MAX_PAGE)
        except StrictInputError:
            params.errors.append(_("页码无效，已显示第一页。"))
    return params
