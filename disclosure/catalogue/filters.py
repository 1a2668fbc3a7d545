"""Filtering the catalogue by organisation, topic, genre, year and validity, with counts for each choice.

One form validates what a citizen or a harvester typed (the browse pages, the exports and the API
all share it), ``filter_entries`` applies it, and ``facet_counts`` counts every choice with one
aggregate query per facet - each facet counted under all the *other* filters, as faceted
catalogues do, so a count says how many items picking that choice would show.
"""

import hashlib
from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from departments.models import Organisation
from portal.taxonomy import Genre, Validity
from security.strict_input import StrictDateTimeField, StrictIntegerField, StrictModelChoiceField

from ..models import CatalogueEntry, Topic
from .generation import current_generation

FILTER_NAMES = ("org", "topic", "genre", "year", "validity")
FACET_CACHE_SECONDS = 60 * 60


class CatalogueFilterForm(forms.Form):
    org = forms.ModelChoiceField(
        label=_("发布机构"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("没有找到这个发布机构，请从列表中选择。")},
    )
    topic = StrictModelChoiceField(
        label=_("主题分类"),
        queryset=Topic.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("没有这个主题分类，请从列表中选择。")},
    )
    genre = forms.ChoiceField(
        label=_("体裁"),
        choices=[("", "")] + Genre.choices,
        required=False,
        error_messages={"invalid_choice": _("没有这个体裁，请从列表中选择。")},
    )
    year = StrictIntegerField(
        label=_("发布年份"),
        min_value=1949,
        max_value=2999,
        required=False,
        error_messages={
            "invalid": _("年份应为四位数字，例如 2025。"),
            "min_value": _("年份应为四位数字，例如 2025。"),
            "max_value": _("年份应为四位数字，例如 2025。"),
        },
    )
    validity = forms.ChoiceField(
        label=_("有效性"),
        choices=[("", "")] + Validity.choices,
        required=False,
        error_messages={"invalid_choice": _("有效性只能是有效、失效或废止。")},
    )

    def __init__(self, data=None, *, fixed_organisation=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fixed_organisation = fixed_organisation
        if fixed_organisation is not None:
            del self.fields["org"]

    def clean(self):
        cleaned = super().clean()
        if self.fixed_organisation is not None:
            cleaned["org"] = self.fixed_organisation
        return cleaned


class HarvestFilterForm(CatalogueFilterForm):
    """The API's filters: the catalogue's, plus ``since`` for mirroring."""

    # ISO 8601, 1900-2999; a "+08:00" whose "+" arrived unescaped (as a space) is still understood.
    since = StrictDateTimeField(
        label=_("变更时间起点"),
        required=False,
        error_messages={"invalid": _("since 应为 ISO 8601 时间，例如 2025-01-31T08:00:00+08:00。")},
    )


def _topic_filter(topic):
    """A top-level subject also finds the items filed under its second-level subjects."""
    return Q(topic=topic) | Q(topic__parent=topic)


FILTERS = {
    "org": lambda value: Q(organisation=value),
    "topic": _topic_filter,
    "genre": lambda value: Q(genre=value),
    "year": lambda value: Q(display_year=value),
    "validity": lambda value: Q(validity=value),
}


def filter_entries(queryset, cleaned, skip=None):
    """Apply every filter that has a value (except ``skip``, for counting that facet)."""
    for name, condition in FILTERS.items():
        value = cleaned.get(name)
        if name != skip and value not in (None, ""):
            queryset = queryset.filter(condition(value))
    return queryset


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool
    level: int = 0


FACET_COLUMNS = {
    "org": "organisation_id",
    "topic": "topic_id",
    "genre": "genre",
    "year": "display_year",
    "validity": "validity",
}


def facet_counts(queryset, cleaned, names=FILTER_NAMES):
    """{facet: {value: count}}, one GROUP BY query per facet."""
    counts = {}
    for name in names:
        column = FACET_COLUMNS[name]
        rows = filter_entries(queryset, cleaned, skip=name).order_by().values_list(column).annotate(n=Count("pk"))
        counts[name] = dict(rows)
    return counts


def cached_public_facet_counts(cleaned, names=FILTER_NAMES):
    """``facet_counts`` of the public catalogue, cached until the catalogue next changes (see generation.py)."""
    key_parts = [str(current_generation()), ",".join(names)]
    for name in FILTER_NAMES:
        value = cleaned.get(name)
        key_parts.append(f"{name}={getattr(value, 'pk', value) if value not in (None, '') else ''}")
    key = "disclosure:facets:" + hashlib.sha1("|".join(key_parts).encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(CatalogueEntry.objects.public(), cleaned, names)
        cache.set(key, counts, FACET_CACHE_SECONDS)
    return counts


def facet_choices(queryset, cleaned, names=FILTER_NAMES):
    """The choices of each facet that would show something (plus the selected one), each with its count.

    ``queryset=None`` means the public catalogue, whose counts are cached per catalogue generation.
    """
    counts = cached_public_facet_counts(cleaned, names) if queryset is None else facet_counts(queryset, cleaned, names)
    choices = {}
    if "org" in counts:
        selected = cleaned.get("org")
        by_org = counts["org"]
        choices["org"] = [
            Choice(org.slug, org.name, by_org.get(org.pk, 0), selected is not None and org.pk == selected.pk)
            for org in Organisation.objects.filter(pk__in=[*by_org, getattr(selected, "pk", None)]).only(
                "pk", "slug", "name", "kind", "sort_order"
            )
        ]
    if "topic" in counts:
        choices["topic"] = _topic_choices(counts["topic"], cleaned.get("topic"))
    if "genre" in counts:
        choices["genre"] = _label_choices(Genre.choices, counts["genre"], cleaned.get("genre"))
    if "validity" in counts:
        choices["validity"] = _label_choices(Validity.choices, counts["validity"], cleaned.get("validity"))
    if "year" in counts:
        selected = cleaned.get("year")
        years = sorted({*counts["year"], *([selected] if selected else [])}, reverse=True)
        choices["year"] = [Choice(str(year), str(year), counts["year"].get(year, 0), year == selected) for year in years]
    return choices


def _label_choices(options, counts, selected):
    return [
        Choice(value, str(label), counts.get(value, 0), value == selected)
        for value, label in options
        if counts.get(value) or value == selected
    ]


def _topic_choices(counts, selected):
    """Top-level subjects count their second-level subjects too; shown as a two-level list."""
    topics = list(Topic.objects.select_related("parent").order_by("sort_order", "pk"))
    totals = {topic.pk: counts.get(topic.pk, 0) for topic in topics}
    for topic in topics:
        if topic.parent_id:
            totals[topic.parent_id] = totals.get(topic.parent_id, 0) + counts.get(topic.pk, 0)
    selected_pk = getattr(selected, "pk", None)
    result = []
    for parent in (topic for topic in topics if not topic.parent_id):
        if not totals[parent.pk] and parent.pk != selected_pk and not _has_selected_child(topics, parent, selected_pk):
            continue
        result.append(Choice(str(parent.pk), parent.name, totals[parent.pk], parent.pk == selected_pk))
        for child in (topic for topic in topics if topic.parent_id == parent.pk):
            if totals[child.pk] or child.pk == selected_pk:
                result.append(Choice(str(child.pk), child.name, totals[child.pk], child.pk == selected_pk, level=1))
    return result


def _has_selected_child(topics, parent, selected_pk):
    return any(topic.pk == selected_pk and topic.parent_id == parent.pk for topic in topics)


def public_entries():
    return CatalogueEntry.objects.public()
