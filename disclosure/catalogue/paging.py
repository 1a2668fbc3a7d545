"""Page numbers as citizens and harvesters type them: ``page=abc`` is refused, a page past the end is empty."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from security.strict_input import StrictInputError, parse_page


class BadPageNumber(ValueError):
    """The ``page`` parameter is not a positive whole number."""

    def __init__(self):
        super().__init__(_("页码必须是正整数，例如 page=2。"))


def parse_page_number(raw):
    """1 when absent; ASCII digits only (security/strict_input.py). Raises ``BadPageNumber``."""
    try:
        return parse_page(raw)
    except StrictInputError:
        raise BadPageNumber() from None


@dataclass
class PageSlice:
    """One page of results. ``past_end`` is set when the number asked for is beyond the last page."""

    number: int
    paginator: Paginator
    object_list: list = field(default_factory=list)
    past_end: bool = False

    @property
    def count(self):
        return self.paginator.count

    def has_next(self):
        return not self.past_end and self.number < self.paginator.num_pages

    def has_previous(self):
        return self.number > 1

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return min(self.number - 1, self.paginator.num_pages)


def paginate(queryset, raw_page, per_page):
    """Raises ``BadPageNumber``; never raises for a page past the end (it is simply empty)."""
    number = parse_page_number(raw_page)
    paginator = Paginator(queryset, per_page)
    if number > paginator.num_pages:
        return PageSlice(number, paginator, [], past_end=paginator.count > 0 or number > 1)
    return PageSlice(number, paginator, list(paginator.page(number).object_list))
