"""法定主动公开内容: what the law says each organisation must publish, item by item, as editable data.

A ``StatutoryItem`` is one 公开事项 of the standard directory (基层政务公开标准目录, 国办发〔2019〕54号):
its content elements, legal basis, time limit, who must publish it (公开主体), channel, audience,
manner and level. The national items are seeded from 条例 arts. 20–21 by a data migration and kept
by the information office in the admin; an organisation may add local items and mark a national
item as not applying to it (``ItemAdoption``). Columns and catalogue entries are mapped to items,
so the due-items report (``due_items``) can say, for any date, what is missing or late.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Applicability(models.TextChoices):
    """公开主体: which organisations an item applies to (条例 art. 20 all organs; art. 21 county level, townships)."""

    ALL = "all", _("所有行政机关")
    COUNTY_LEVEL = "county_level", _("县级人民政府及其部门")
    COUNTY = "county", _("县人民政府")
    DEPARTMENT = "department", _("县政府部门")
    TOWNSHIP = "township", _("乡镇人民政府（街道办事处）")


# Which organisation kinds (departments.Organisation.Kind values) each applicability covers.
APPLIES_TO_KINDS = {
    Applicability.ALL: {"county", "department", "township"},
    Applicability.COUNTY_LEVEL: {"county", "department"},
    Applicability.COUNTY: {"county"},
    Applicability.DEPARTMENT: {"department"},
    Applicability.TOWNSHIP: {"township"},
}


class Schedule(models.TextChoices):
    """公开时限: how the deadline of an item is computed."""

    EVENT = "event", _("信息形成或变更后限期公开")
    STANDING = "standing", _("常设信息，保持完整准确")
    MONTHLY = "monthly", _("按月公开")
    QUARTERLY = "quarterly", _("按季度公开")
    YEARLY = "yearly", _("按年度公开")


class Audience(models.TextChoices):
    PUBLIC = "public", _("全社会")
    SPECIFIC = "specific", _("特定群体")


class StatutoryItemQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def national(self):
        return self.filter(organisation__isnull=True)

    def periodic(self):
        return self.filter(schedule__in=[Schedule.MONTHLY, Schedule.QUARTERLY, Schedule.YEARLY])


class StatutoryItem(models.Model):
    """One 公开事项 with the standard directory's fields (国办发〔2019〕54号)."""

    code = models.SlugField(
        _("事项代码"), max_length=60, unique=True,
        help_text=_("稳定的英文代码，用于对应栏目和统计，例如 a20-7-budget。"),
        error_messages={"unique": _("这个事项代码已被使用，请换一个。")},
    )
    name = models.CharField(_("公开事项"), max_length=120)
    content_elements = models.TextField(_("公开内容（要素）"), blank=True)
    legal_basis = models.CharField(_("公开依据"), max_length=255, help_text=_("例如：《政府信息公开条例》第二十条第（七）项。"))
    applies_to = models.CharField(_("公开主体"), max_length=16, choices=Applicability.choices, default=Applicability.ALL)
    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("本机构自定事项"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="local_statutory_items", help_text=_("留空为全县统一事项；填写则只适用于该机构。"),
    )
    schedule = models.CharField(_("公开时限类型"), max_length=16, choices=Schedule.choices, default=Schedule.EVENT)
    working_days = models.PositiveSmallIntegerField(
        _("限期（工作日）"), default=20,
        help_text=_("“信息形成或变更后限期公开”的工作日数（条例第二十六条：20个工作日）。"),
    )
    due_day = models.PositiveSmallIntegerField(
        _("截止日"), default=20,
        help_text=_("按月、按季度公开：次月（下一季度首月）的第几日前公开；按年度公开：截止月份中的第几日。"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    due_month = models.PositiveSmallIntegerField(
        _("截止月份"), null=True, blank=True, help_text=_("按年度公开的截止月份（1–12）。"),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    due_in_following_year = models.BooleanField(
        _("次年截止"), default=False, help_text=_("按年度公开的信息在次年的截止月份前公开（如年度报告），否则在当年。"),
    )
    channels = models.CharField(_("公开渠道和载体"), max_length=255, default="政府网站")
    audience = models.CharField(_("公开对象"), max_length=16, choices=Audience.choices, default=Audience.PUBLIC)
    proactive = models.BooleanField(_("主动公开"), default=True, help_text=_("公开方式：主动公开；不勾选为依申请公开。"))
    level = models.CharField(_("公开层级"), max_length=30, default="县级", help_text=_("县级、乡级等。"))
    needs_column = models.BooleanField(
        _("需设栏目"), default=False, help_text=_("适用的机构必须有对应栏目；没有时列为待办。"),
    )
    column_kinds = models.CharField(
        _("对应栏目类型"), max_length=200, blank=True,
        help_text=_("开通子站时自动对应到这些类型的栏目，多个用英文逗号分隔，例如 finance。"),
    )
    unverified = models.BooleanField(
        _("依据待核实"), default=False, help_text=_("预置内容未能与原文逐字核对，请按上级标准目录核实后取消勾选。"),
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    active = models.BooleanField(_("启用"), default=True)

    objects = StatutoryItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("法定公开事项")
        verbose_name_plural = _("法定主动公开事项")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def mapped_column_kinds(self):
        return [kind.strip() for kind in self.column_kinds.split(",") if kind.strip()]

    @property
    def is_periodic(self):
        return self.schedule in (Schedule.MONTHLY, Schedule.QUARTERLY, Schedule.YEARLY)

    def applies_to_kind(self, kind):
        return kind in APPLIES_TO_KINDS[self.applies_to]

    def time_limit_text(self):
        """公开时限 as the standard directory writes it."""
        if self.schedule == Schedule.EVENT:
            return _("信息形成或者变更之日起%(n)s个工作日内") % {"n": self.working_days}
        if self.schedule == Schedule.MONTHLY:
            return _("每月，次月%(d)s日前") % {"d": self.due_day}
        if self.schedule == Schedule.QUARTERLY:
            return _("每季度，下一季度首月%(d)s日前") % {"d": self.due_day}
        if self.schedule == Schedule.YEARLY:
            year = _("次年") if self.due_in_following_year else _("当年")
            return _("每年，%(year)s%(m)s月%(d)s日前") % {"year": year, "m": self.due_month, "d": self.due_day}
        return _("常设，保持完整准确")

    time_limit_text.short_description = _("公开时限")

    def clean(self):
        import datetime

        from django.core.exceptions import ValidationError

        if self.schedule == Schedule.YEARLY:
            if not self.due_month:
                raise ValidationError({"due_month": _("按年度公开的事项请填写截止月份。")})
            try:
                datetime.date(2001, self.due_month, self.due_day)
            except ValueError:
                raise ValidationError({"due_day": _("截止月份中没有这一天，请核对。")}) from None
        elif self.schedule in (Schedule.MONTHLY, Schedule.QUARTERLY) and not 1 <= self.due_day <= 28:
            raise ValidationError({"due_day": _("按月、按季度公开的截止日应为 1 到 28（每个月都有的日期）。")})


class ItemAdoption(models.Model):
    """An organisation's decision on a national item: it does not apply here (with the reason)."""

    organisation = models.ForeignKey(
        "departments.Organisation", verbose_name=_("机构"), on_delete=models.CASCADE, related_name="statutory_adoptions"
    )
    item = models.ForeignKey(StatutoryItem, verbose_name=_("公开事项"), on_delete=models.CASCADE, related_name="adoptions")
    applies = models.BooleanField(_("适用本机构"), default=False)
    reason = models.CharField(_("说明"), max_length=255, blank=True, help_text=_("不适用时请说明理由，例如：本机构无行政处罚职权。"))

    class Meta:
        verbose_name = _("事项适用情况")
        verbose_name_plural = _("事项适用情况")
        constraints = [models.UniqueConstraint(fields=["organisation", "item"], name="unique_item_adoption")]

    def __str__(self):
        return f"{self.organisation} · {self.item}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.applies and not self.reason.strip():
            raise ValidationError({"reason": _("标记为不适用时请说明理由。")})


# The item under which an organisation files its 政府信息公开制度 (its own rules on disclosure work).
RULES_ITEM_CODE = "gk-rules"


def applicable_to(item, organisation, not_applying=frozenset()):
    """Whether ``item`` binds ``organisation``: its own local item, or a national one for its kind not opted out."""
    if item.organisation_id is not None:
        return item.organisation_id == organisation.pk
    return item.applies_to_kind(organisation.kind) and item.pk not in not_applying


def resolve_item_id(column, organisation, codes=()):
    """The item an entry without an editor's choice is filed under, or None.

    A page type may name its items by code (``statutory_item_codes``: a yearly report is the yearly-report
    item for the organisation's kind). Otherwise a column stands for the items chosen on it by hand and,
    failing those, the items mapped to its kind (``StatutoryItem.column_kinds``). Only items that apply to
    ``organisation`` count, and when more than one remains the editor has to choose, so None.
    """
    if organisation is None:
        return None
    not_applying = set(organisation.statutory_adoptions.filter(applies=False).values_list("item_id", flat=True))
    if codes:
        chosen = [item for item in StatutoryItem.objects.active().filter(code__in=codes)
                  if applicable_to(item, organisation, not_applying)]
        return chosen[0].pk if len(chosen) == 1 else None
    if column is None:
        return None
    chosen = [item for item in column.statutory_items.all() if item.active and applicable_to(item, organisation, not_applying)]
    if not chosen:
        chosen = [
            item
            for item in StatutoryItem.objects.active().filter(column_kinds__contains=column.kind)
            if column.kind in item.mapped_column_kinds and applicable_to(item, organisation, not_applying)
        ]
    return chosen[0].pk if len(chosen) == 1 else None
