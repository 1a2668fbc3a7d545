"""Builds the demo county through the real provisioning and the real Wagtail publishing.

Each page is published inside ``importing_history(when)`` so its catalogue entry records the
historical time, and the Wagtail bookkeeping (first/last published, revision and log times)
is set to the same moment: the demo looks like a county's existing sites after migration.
An organisation that already has catalogue entries is left alone, so a second run changes nothing.
"""

import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site

from departments.models import Leader, Organisation
from disclosure.catalogue.registration import importing_history
from disclosure.models import CatalogueEntry, StatutoryItem, Topic
from portal.column_kinds import ColumnKind
from portal.models import (
    ArticlePage,
    ColumnPage,
    PolicyDocumentPage,
    PolicyInterpretationPage,
    ServiceGuidePage,
    SiteIdentity,
)
from portal.provisioning import provision

from . import schedule
from .drafts import Writer
from .guides import guide_item
from .media import MediaMaker
from .news import news_item
from .notices import notice_item, personnel_item
from .organisations import COUNTY_NAME, SITE_ID_CODE, demo_organisations
from .people import distinct_names
from .plans_and_budgets import finance_item, overview_item, planning_item
from .policies import interpretation_item, policy_item
from .responses import response_item
from .services import SERVICES
from .statutory import fill_internal_structures, statutory_plans

PAGE_TYPES = {
    "article": ArticlePage,
    "policy": PolicyDocumentPage,
    "interpretation": PolicyInterpretationPage,
    "guide": ServiceGuidePage,
}


@dataclass
class Report:
    created_organisations: list = field(default_factory=list)
    seeded_organisations: list = field(default_factory=list)
    skipped_organisations: list = field(default_factory=list)
    pages: int = 0
    images: int = 0
    documents: int = 0


def build_demo(small=False, scale=1, now=None, progress=None, more_plans=None):
    """Build (or complete) the demo county. Returns a Report of what was created this time.

    ``more_plans(organisation, now)``, if given, returns further ``ItemPlan``s of that organisation (with a
    ``publish`` callable), published in time order among its items: the 政民互动 pages of ``demo.participation``.
    """
    now = now or timezone.now()
    report = Report()
    profiles = demo_organisations(small=small, scale=scale)
    organisations = {}
    for order, profile in enumerate(profiles, start=1):
        organisation, created = ensure_organisation(profile, order * 10)
        organisations[profile.key] = organisation
        if created:
            report.created_organisations.append(organisation.name)
    ensure_site_identity()
    ensure_portal_home(organisations)
    topics = TopicLookup()
    for profile in profiles:
        organisation = organisations[profile.key]
        if CatalogueEntry.objects.filter(organisation=organisation).exists():
            report.skipped_organisations.append(organisation.name)
            continue
        with transaction.atomic():
            extra = statutory_plans(profile, organisation, now, {profile.key for profile in profiles})
            if more_plans is not None:
                extra += more_plans(organisation, now)
            seed_content(profile, organisation, now, topics, report, small=small, scale=scale, extra_plans=extra)
        report.seeded_organisations.append(organisation.name)
        if progress:
            progress(organisation, report)
    fill_internal_structures(organisations)
    return report


def leaders_for(profile):
    rng = random.Random(f"seed-demo-leaders:{profile.key}")
    names = distinct_names(rng, len(profile.leader_titles))
    return [(position, name, duties) for (position, duties), name in zip(profile.leader_titles, names)]


@transaction.atomic
def ensure_organisation(profile, sort_order=100):
    """The organisation of ``profile``, created and provisioned if missing (found by slug, or kind for the county)."""
    if profile.is_county:
        existing = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).first()
    else:
        existing = Organisation.objects.filter(slug=profile.slug).first()
    if existing is not None:
        return existing, False
    organisation = Organisation(
        name=profile.name,
        short_name=profile.short_name,
        slug=profile.slug,
        kind=profile.kind,
        credit_code=profile.credit_code,
        sort_order=sort_order,
        address=profile.address,
        phone=profile.phone,
        fax=profile.phone,
        email=f"{profile.slug}@shilixian.gov.cn",
        office_hours=profile.office_hours,
        responsibilities="<ol>" + "".join(f"<li>{item}</li>" for item in profile.responsibilities) + "</ol>",
    )
    organisation.full_clean()
    organisation.leaders = [Leader(name=name, position=position, duties=duties, sort_order=index)
                            for index, (position, name, duties) in enumerate(leaders_for(profile))]
    return provision(organisation), True


def ensure_site_identity():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    identity = SiteIdentity.for_site(site)
    if identity.site_id_code:
        return
    identity.site_name = f"{COUNTY_NAME}人民政府"
    identity.site_id_code = SITE_ID_CODE
    identity.sponsor = f"{COUNTY_NAME}人民政府办公室"
    identity.organiser = f"{COUNTY_NAME}大数据发展中心"
    identity.contact_phone = "0571-6890 1234"
    identity.icp_number = "示ICP备20250001号"
    identity.police_record_number = "示公网安备33019902000001号"
    identity.save()


PORTAL_INTRO = (
    "示例县位于示例市西部，总面积1268平方公里，辖3个镇、2个乡和1个街道，户籍人口32.6万人。"
    "全县山清水秀，青山湖国家湿地公园和万亩茶园闻名省内外，先后获评省级文明县城、省级生态县。"
    "县委、县政府坚持生态优先、绿色发展，全力推进产业转型、城乡融合和民生改善，加快建设共同富裕示范县。"
)
SERVICE_LINKS = (  # (title, organisation key, column kind)
    ("企业开办", "county", ColumnKind.GUIDES),
    ("教育入学", "jyj", ColumnKind.GUIDES),
    ("医疗卫生", "wjj", ColumnKind.GUIDES),
    ("社保就业", "rsj", ColumnKind.GUIDES),
    ("不动产登记", "zrj", ColumnKind.GUIDES),
    ("住房保障", "zjj", ColumnKind.GUIDES),
    ("市场准入", "scjgj", ColumnKind.GUIDES),
    ("婚姻登记与社会救助", "mzj", ColumnKind.GUIDES),
    ("政策文件", "county", ColumnKind.POLICIES),
    ("政策解读", "county", ColumnKind.INTERPRETATIONS),
)


def ensure_portal_home(organisations):
    """Fill the portal home's 县情简介 and 办事服务入口 once; later runs leave the editors' changes alone."""
    county = organisations.get("county")
    if county is None or county.home_page is None:
        return
    home = county.home_page.specific
    if home.intro:
        return
    links = []
    for title, key, kind in SERVICE_LINKS:
        organisation = organisations.get(key)
        if organisation is None:
            continue
        column = ColumnPage.objects.child_of(organisation.home_page).filter(kind=kind).first()
        if column is not None:
            links.append(("link", {"title": title, "page": column, "url": ""}))
    home.intro = PORTAL_INTRO
    home.service_links = links
    home.save_revision().publish()


class TopicLookup:
    """主题分类 by (top level, second level) name, read once."""

    def __init__(self):
        self.topics = {}
        for topic in Topic.objects.select_related("parent"):
            key = (topic.parent.name, topic.name) if topic.parent_id else (topic.name, "")
            self.topics[key] = topic

    def get(self, path):
        if not path:
            return None
        return self.topics.get(tuple(path)) or self.topics.get((path[0], ""))


def write(plan, writer):
    kind = plan.kind
    when = plan.shown
    if kind in (ColumnKind.NEWS, ColumnKind.HEADLINES):
        return news_item(writer, when)
    if kind == ColumnKind.NOTICES:
        return notice_item(writer, when)
    if kind == ColumnKind.POLICIES:
        return policy_item(writer, when, plan.age)
    if kind == ColumnKind.INTERPRETATIONS:
        return interpretation_item(writer, when, plan.policy.draft)
    if kind == ColumnKind.GUIDES:
        return guide_item(writer, when, SERVICES[plan.service])
    if kind == ColumnKind.PERSONNEL:
        return personnel_item(writer, when)
    if kind == ColumnKind.RESPONSES:
        return response_item(writer, when)
    if kind == ColumnKind.PLANNING:
        return planning_item(writer, when, plan.occasion)
    if kind == ColumnKind.FINANCE:
        return finance_item(writer, when, plan.occasion)
    return overview_item(writer, when)


def seed_content(profile, organisation, now, topics, report, small=False, scale=1, extra_plans=()):
    rng = random.Random(f"seed-demo:{profile.key}")
    leaders = [(position, name) for position, name, _duties in leaders_for(profile)]
    writer = Writer(profile, rng, leaders)
    media = MediaMaker(organisation, profile, rng)
    columns = {column.kind: column for column in ColumnPage.objects.child_of(organisation.home_page)}
    pages_by_plan = {}
    plans = schedule.plan_items(profile, rng, now, small=small, scale=scale) + list(extra_plans)
    plans.sort(key=lambda plan: (plan.when, plan.order))
    for serial, plan in enumerate(plans, start=1):
        if plan.publish is not None:
            plan.publish()
            report.pages += 1
            continue
        column = columns.get(plan.kind) or columns.get(ColumnKind.NEWS) or columns.get(ColumnKind.HEADLINES)
        plan.draft = plan.draft or write(plan, writer)
        page = make_page(plan, media, topics.get(plan.draft.topic or profile.topic), pages_by_plan)
        page.slug = f"t{timezone.localtime(plan.when):%Y%m%d}_{serial:04d}"
        publish_at(column, page, plan.when)
        pages_by_plan[id(plan)] = page
        report.pages += 1
    report.images += len(media.images)
    report.documents += media.documents


def make_page(plan, media, topic, pages_by_plan):
    draft = plan.draft
    model = PAGE_TYPES[draft.page_type]
    fields = {name: value for name, value in draft.fields.items() if not name.startswith("_")}
    page = model(
        title=draft.title,
        summary=draft.summary,
        display_date=plan.shown,
        topic=topic,
        keywords=draft.keywords,
        statutory_item=StatutoryItem.objects.filter(code=draft.statutory_item).first() if draft.statutory_item else None,
        **({"genre": draft.genre} if draft.genre and model is not ServiceGuidePage else {}),
        **stream_fields(model, fields, media),
    )
    blocks = body_blocks(draft.body, media) if draft.page_type != "guide" else []
    if draft.page_type != "guide":
        page.body = blocks
    if draft.page_type == "article":
        page.source = draft.source
        page.author = draft.author
        if draft.cover_image:
            page.cover_image = next((value["image"] for name, value in blocks if name == "image"), None) or media.image()
    attachments = [("attachment", {"document": media.document(item), "title": item.title}) for item in draft.attachments]
    if draft.page_type == "policy":
        page.attachments = attachments
    if draft.page_type == "guide":
        page.forms = attachments
    if draft.page_type == "interpretation":
        page.source = draft.source
        page.policy = pages_by_plan.get(id(plan.policy))
    return page


def stream_fields(model, fields, media):
    if model is not ServiceGuidePage:
        return fields
    fields = dict(fields)
    fields["conditions"] = body_blocks(fields["conditions"], media)
    fields["process"] = body_blocks(fields["process"], media)
    fields["materials"] = [("material", material) for material in fields["materials"]]
    return fields


def body_blocks(parts, media):
    """Abstract draft parts → StreamField block tuples (images and documents created on the way)."""
    blocks = []
    for kind, value in parts:
        if kind == "html":
            blocks.append(("paragraph", value))
        elif kind == "image":
            image = media.image()
            blocks.append(("image", {"image": image, "alt_text": image.description, "caption": f"{value}（示意图）"}))
        elif kind == "table":
            blocks.append(("table", {"data": value, "first_row_is_table_header": True, "first_col_is_header": False,
                                     "table_caption": "", "cell": [], "mergedCells": []}))
        elif kind == "attachment":
            blocks.append(("attachment", {"document": media.document(value), "title": value.title}))
        elif kind == "quote":
            text, source = value
            blocks.append(("quote", {"text": text, "source": source}))
    return blocks


def publish_at(parent, page, when):
    """Publish for real, recording ``when`` as the time of publication everywhere it is recorded."""
    parent.add_child(instance=page)
    with importing_history(when):
        revision = page.save_revision(clean=False)  # add_child() has just validated the page
        revision.publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when, latest_revision_created_at=when)
    # The caller's instance says the same: a later save of it (archiving an interview) must not write back "now".
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = when
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
    return page
