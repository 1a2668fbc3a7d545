"""Generating, publishing and reminding about the 政府网站工作年度报表 (国办函〔2018〕12号).

The information office generates a website's report for a year (the counted rows), edits it (the rows
software cannot count, and corrections), approves it and publishes it (草稿 → 已审核 → 已发布, who and when
recorded on the report): an article at ``/wzndbb/<year>/`` under the website's home, in the column
“政府网站工作年度报表” (created on first use, linked from every page's footer, kept out of the menus), one
table per section of the official form, catalogued like any article. It is due on the website by 31 January of the next year;
from 1 January the office is reminded by e-mail (on 1 January or the first run after it, a week before
the deadline, and once when it has passed) until it is published.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from departments.models import Organisation
from departments.roles import ensure_information_office_group
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage, ColumnPage, PortalHomePage
from portal.navigation import WEBSITE_REPORT_COLUMN_SLUG as REPORT_COLUMN_SLUG

from .models import WebsiteYearlyReport, WebsiteYearlyReportReminder
from .website_report_figures import GENERATED_CODES, ROWS, SECTIONS, generate
from .websites import resolve_websites

REPORT_COLUMN_TITLE = "政府网站工作年度报表"
WEEK_BEFORE = datetime.timedelta(days=7)


def due_on(year):
    """The report for ``year`` is on the website's home by 31 January of the next year (国办函〔2018〕12号)."""
    return datetime.date(year + 1, 1, 31)


def website_for_key(key):
    """The website whose key (标识码, or ``portal``) is ``key``, or None."""
    return next((website for website in resolve_websites() if key in (website.key, website.site_id_code)), None)


def generate_report(website, year, user=None):
    """Create or refresh the report of ``website`` for ``year``: generated rows are (re)counted, entered rows kept.

    A recount is a change: the report returns to 草稿 and needs approving again.
    """
    report, _created = WebsiteYearlyReport.objects.get_or_create(
        site_key=website.key, year=year, defaults={"website_name": website.name})
    figures = {code: value for code, value in (report.figures or {}).items() if code not in GENERATED_CODES}
    figures.update(generate(website, year))
    report.website_name = website.name
    report.generated_at = timezone.now()
    return edit_report(report, figures, user)


def edit_report(report, figures, user=None):
    """Store ``figures`` ({row code: value}) as the report's; returns it to 草稿 and clears any approval.

    The version on the website (if any) stays as published until the new one is approved and published.
    """
    report.figures = figures
    report.status = WebsiteYearlyReport.Status.DRAFT
    report.edited_by = user if user is not None and user.is_authenticated else None
    report.edited_at = timezone.now()
    report.approved_by = report.approved_at = None
    report.save()
    return report


def approve_report(report, user):
    """审核通过: ``user`` (a member of the information office) approves the report as it now stands.

    Raises ``ValueError`` with a message when it is already approved or published unchanged.
    """
    if report.status != WebsiteYearlyReport.Status.DRAFT:
        raise ValueError(_("该报表没有待审核的修改。"))
    report.status = WebsiteYearlyReport.Status.APPROVED
    report.approved_by = user
    report.approved_at = timezone.now()
    report.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    return report


def shown(value, kind):
    if kind == "bool":
        return _("是") if value else _("否") if value is not None else "—"
    return "—" if value in (None, "") else str(value)


def body_blocks(report):
    """The article body: a sentence on the source, then one table per section (项目 | 数值 | 单位)."""
    intro = _("依据国办函〔2018〕12号，现公开本网站%(year)s年度政府网站工作年度报表。") % {"year": report.year}
    blocks = [("paragraph", f"<p>{intro}</p>")]
    figures = report.figures or {}
    for section, label in SECTIONS:
        rows = [[str(row_label), shown(figures.get(code), kind), str(unit)]
                for code, row_section, row_label, unit, kind, _source in ROWS if row_section == section]
        blocks.append(("table", {"data": [[str(_("指标")), str(_("数值")), str(_("单位"))], *rows],
                                 "first_row_is_table_header": True, "first_col_is_header": True,
                                 "table_caption": str(label)}))
    return blocks


def report_column(home):
    column = ColumnPage.objects.child_of(home).filter(slug=REPORT_COLUMN_SLUG).first()
    if column is None:
        column = ColumnPage(title=REPORT_COLUMN_TITLE, slug=REPORT_COLUMN_SLUG, kind=ColumnKind.OTHER, show_in_menus=False,
                            description=_("本网站每年1月31日前公开的上一年度政府网站工作年度报表。"),
                            keywords=_("政府网站工作年度报表,年度报表,网站年报"))
        home.add_child(instance=column)
        column.save_revision().publish()
    return column


def website_home(website):
    organisation = Organisation.objects.filter(pk=website.home_organisation_id).select_related("home_page").first()
    if organisation is not None and organisation.home_page_id:
        return organisation.home_page.specific
    return PortalHomePage.objects.first() if website.is_portal else None


@transaction.atomic
def publish_report(report, website, user=None):
    """Write the approved report as the article ``/wzndbb/<year>/`` under ``website``'s home and publish it (again,
    after a new approval). Returns the page. The slug is reset to the year on every publication, so each year's
    report keeps one stable address.

    Raises ``ValueError`` with a message when the report is not approved or the website has no home page.
    """
    if report.status != WebsiteYearlyReport.Status.APPROVED:
        raise ValueError(_("报表须先审核通过才能发布。"))
    home = website_home(website)
    if home is None:
        raise ValueError(_("未找到该网站的首页，无法发布年度报表。"))
    title = _("%(name)s%(year)s年政府网站工作年度报表") % {"name": report.website_name, "year": report.year}
    page = ArticlePage.objects.filter(pk=report.page_id).first() if report.page_id else None
    if page is None:
        page = ArticlePage(title=title, slug=str(report.year), body=body_blocks(report), source=report.website_name)
        report_column(home).add_child(instance=page)
    else:
        page.title = title
        page.slug = str(report.year)
        page.body = body_blocks(report)
    # The office may publish the website's own report (the view checks it); its members need no page permission there.
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    now = timezone.now()
    report.page = page
    report.published_at = report.published_at or now
    report.last_published_at = now
    report.published_by = user if user is not None and user.is_authenticated else None
    report.status = WebsiteYearlyReport.Status.PUBLISHED
    report.save(update_fields=["page", "published_at", "last_published_at", "published_by", "status", "updated_at"])
    return page


def reminder_key(year, today):
    """Which reminder about the report of ``year`` is due on ``today``, or None."""
    deadline = due_on(year)
    if today > deadline:
        return "overdue"
    if today >= deadline - WEEK_BEFORE:
        return "week-before"
    if today.year == year + 1:
        return "from-1-january"
    return None


def unpublished_websites(year):
    published = set(WebsiteYearlyReport.objects.filter(year=year, published_at__isnull=False).values_list("site_key", flat=True))
    return [website for website in resolve_websites() if website.key not in published]


def reports_awaiting_publication(today=None):
    """What the office's admin-home panel shows from 1 January: last year's unpublished website reports.

    Returns ``{"year", "due_on", "overdue", "websites": [{"website", "report" (or None)}]}``, or None when every
    website's report of last year is published. Overdue is after 31 January (国办函〔2018〕12号).
    """
    today = today or timezone.localdate()
    year = today.year - 1
    waiting = unpublished_websites(year)
    if not waiting:
        return None
    reports = {report.site_key: report for report in WebsiteYearlyReport.objects.filter(
        year=year, site_key__in=[website.key for website in waiting])}
    return {"year": year, "due_on": due_on(year), "overdue": today > due_on(year),
            "websites": [{"website": website, "report": reports.get(website.key)} for website in waiting]}


def send_website_report_reminders(today=None, send=None):
    """Remind the information office of every website whose report of last year is not published; each reminder once.

    ``send(recipients, subject, body)`` sends one e-mail (default: Django's ``send_mail``). A failing mail server
    leaves the reminder unrecorded, so the next run sends it. Returns how many were sent.
    """
    from django.conf import settings
    from django.core.mail import send_mail

    today = today or timezone.localdate()
    send = send or (lambda to, subject, body: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to))
    year = today.year - 1
    key = reminder_key(year, today)
    recipients = sorted(filter(None, ensure_information_office_group().user_set.filter(is_active=True)
                               .values_list("email", flat=True)))
    if key is None or not recipients:
        return 0
    sent = 0
    for website in unpublished_websites(year):
        if WebsiteYearlyReportReminder.objects.filter(site_key=website.key, year=year, key=key).exists():
            continue
        subject = _("请于%(due)s前发布%(name)s%(year)s年政府网站工作年度报表") % {
            "due": due_on(year).isoformat(), "name": website.name, "year": year}
        if key == "overdue":
            subject = _("%(name)s%(year)s年政府网站工作年度报表已超过发布期限") % {"name": website.name, "year": year}
        body = _("按国办函〔2018〕12号要求，政府网站工作年度报表应于每年1月31日前在网站首页公开。%(name)s的%(year)s年报表尚未发布，"
                 "请在“站点监测 → 政府网站工作年度报表”中生成、核对、审核并发布。") % {"name": website.name, "year": year}
        try:
            send(recipients, subject, body)
        except Exception:  # retried on the next run
            continue
        WebsiteYearlyReportReminder.objects.create(site_key=website.key, year=year, key=key)
        sent += 1
    return sent
