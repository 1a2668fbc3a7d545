"""Organisations (departments and townships) and their leaders; the standing roles of the installation.

The page types of an organisation's tree (its home, the 部门 / 乡镇 directory) are pages:
``portal/models/organisation_pages.py`` (app label ``departments``, so content types and migrations stay).
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .colours import refuse_unreadable_under_white_text, validate_hex_colour
from .credit_codes import validate_credit_code
from .forms import OrganisationForm
from .site_codes import is_own_website, validate_site_id_code


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_page(self, page):
        """The organisation whose home page is the nearest ancestor of ``page`` (one query)."""
        steplen = page.steplen
        paths = [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]
        return self.filter(home_page__path__in=paths).order_by("-home_page__depth").first()


class Organisation(ClusterableModel):
    """A department (部门), township (乡镇/街道) or the county government itself."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("县政府")
        DEPARTMENT = "department", _("部门")
        TOWNSHIP = "township", _("乡镇（街道）")

    name = models.CharField(
        _("机构名称"), max_length=100, unique=True, error_messages={"unique": _("已有同名机构，请核对机构名称。")}
    )
    short_name = models.CharField(_("简称"), max_length=30)
    slug = models.SlugField(
        _("英文标识"), max_length=40, unique=True,
        error_messages={"unique": _("这个英文标识已被其他机构使用，请换一个。")},
        help_text=_("拼音缩写，仅限小写字母、数字和连字符，用于网址，例如 jyj。")
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code],
        error_messages={"unique": _("这个统一社会信用代码已登记给其他机构。")},
        help_text=_("18位，按 GB 32100 校验，用于生成索引号。"),
    )
    sort_order = models.PositiveIntegerField(_("显示顺序"), default=100, db_index=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    responsibilities = RichTextField(_("机构职能"), blank=True, features=["bold", "ol", "ul", "link"])
    internal_structure = models.TextField(
        _("机构设置"), blank=True, help_text=_("内设机构和下属单位及其职责，条例第二十条第（二）项要求公开。"),
    )
    banner_colour = models.CharField(
        _("独立网站主色"), max_length=7, blank=True, validators=[validate_hex_colour],
        help_text=_("仅限以独立域名和独立网站标识码开设单独网站的机构填写，例如 #1f5fa8（白色文字须清晰可读）。"
                    "作为县政府门户网站栏目的部门、乡镇沿用门户网站的配色（设置 → 网站标识 → 网站配色），此处留空。"),
    )
    hostname = models.CharField(
        _("独立域名"), max_length=255, blank=True, help_text=_("可选，例如 jyj.example.gov.cn；填写后该机构子站可通过此域名访问。")
    )
    site_id_code = models.CharField(
        _("独立网站标识码"), max_length=10, blank=True, validators=[validate_site_id_code],
        help_text=_("仅当本机构以独立域名开设了单独的政府网站、并取得自己的网站标识码时填写（10 位，例如 3301000012）。"
                    "按《政府网站发展指引》（国办发〔2017〕47号），县级部门和乡镇一般作为县政府门户网站的栏目（子站），"
                    "不单独开设网站，此时留空，检查时计入门户网站。"),
    )
    active = models.BooleanField(_("启用"), default=True, help_text=_("停用后子站不再对外显示，内容保留。"))

    # Set by provisioning; never edited by hand.
    home_page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("子站首页"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="organisation_home",
    )
    editors_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    approvers_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = OrganisationQuerySet.as_manager()
    base_form_class = OrganisationForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("credit_code")],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email"), FieldPanel("office_hours")],
            heading=_("联系方式"),
        ),
        FieldPanel("responsibilities"),
        FieldPanel("internal_structure"),
        InlinePanel("leaders", heading=_("领导信息"), label=_("领导")),
        MultiFieldPanel(
            [FieldPanel("sort_order"), FieldPanel("hostname"), FieldPanel("site_id_code"), FieldPanel("banner_colour"), FieldPanel("active")],
            heading=_("子站设置"),
        ),
    ]

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("部门与乡镇")
        ordering = ["kind", "sort_order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.credit_code = (self.credit_code or "").strip().upper()
        self.hostname = (self.hostname or "").strip().lower()
        self.site_id_code = (self.site_id_code or "").strip()
        if self.site_id_code and not self.hostname:
            raise ValidationError({"site_id_code": _("填写独立网站标识码的机构须同时填写独立域名。")})
        if self.site_id_code and Organisation.objects.filter(site_id_code=self.site_id_code).exclude(pk=self.pk).exists():
            raise ValidationError({"site_id_code": _("这个网站标识码已登记给其他机构。")})
        if self.site_id_code and self.site_id_code == portal_site_id_code():
            raise ValidationError({"site_id_code": _("这是县政府门户网站的网站标识码；作为门户网站栏目的机构请留空。")})
        self.clean_banner_colour()

    def clean_banner_colour(self):
        """One main colour per website: only an organisation that is its own website has a colour of its own."""
        self.banner_colour = (self.banner_colour or "").strip().lower()
        if not self.banner_colour:
            return
        if not self.is_own_website:
            raise ValidationError({"banner_colour": _(
                "本机构是县政府门户网站的栏目，沿用门户网站的配色，不能单独设置主色；请留空。"
                "只有填写了独立域名和独立网站标识码、开设单独网站的机构才能设置自己的主色。")})
        try:
            refuse_unreadable_under_white_text(self.banner_colour, _("主色"))
        except ValidationError as error:
            raise ValidationError({"banner_colour": error.messages}) from None

    @property
    def is_own_website(self):
        """True when the organisation runs a website of its own (``site_codes.is_own_website``), not a portal channel."""
        return is_own_website(self.hostname, self.site_id_code)


def portal_site_id_code():
    """The county portal's 网站标识码 (the default Site's identity settings), "" when none is recorded.

    The settings model is named by string: organisations sit below the pages and do not import them.
    """
    identity = apps.get_model("portal", "SiteIdentity")
    return identity.objects.filter(site__is_default_site=True).values_list("site_id_code", flat=True).first() or ""


class Leader(Orderable):
    """领导信息 (政府网站发展指引: 机构职能 → 领导信息): photo, position, 分工 and 简历 of one leader."""

    organisation = ParentalKey(Organisation, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("姓名"), max_length=30)
    position = models.CharField(_("职务"), max_length=60)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("照片"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("标准证件照，竖版，建议宽 300 像素以上。"),
    )
    duties = models.TextField(_("分工"), blank=True, help_text=_("负责的工作和分管的部门、单位。"))
    birth_month = models.CharField(_("出生年月"), max_length=20, blank=True, help_text=_("例如：1975年3月"))
    native_place = models.CharField(_("籍贯"), max_length=50, blank=True)
    education = models.CharField(_("学历学位"), max_length=60, blank=True, help_text=_("例如：研究生，管理学硕士"))
    cv = models.TextField(_("简历"), blank=True, help_text=_("主要工作经历，一段一行，例如：2016.03—2021.08 示例县教育局副局长"))

    panels = [
        FieldPanel("name"), FieldPanel("position"), FieldPanel("photo"), FieldPanel("duties"),
        FieldPanel("birth_month"), FieldPanel("native_place"), FieldPanel("education"), FieldPanel("cv"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("领导")
        verbose_name_plural = _("领导信息")

    def __str__(self):
        return f"{self.position} {self.name}"

    def cv_lines(self):
        """简历, one entry per non-empty line (list of str)."""
        return [line.strip() for line in (self.cv or "").splitlines() if line.strip()]


class StaffRole(models.Model):
    """A standing role of the whole installation, tied to the Django group that holds it by a stable key.

    Powers follow the key, not the group's display name: renaming 县政务公开办 in the admin (to 县政府办公室
    政务公开科, say) keeps its members the information office. Created by ``roles.ensure_information_office_group``
    after every migrate.
    """

    class Key(models.TextChoices):
        INFORMATION_OFFICE = "information_office", _("县政务公开办")

    key = models.CharField(_("角色"), max_length=32, choices=Key.choices, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="staff_role",
                                 verbose_name=_("用户组"))

    class Meta:
        verbose_name = _("常设角色")
        verbose_name_plural = _("常设角色")

    def __str__(self):
        return f"{self.get_key_display()}（{self.group.name}）"
