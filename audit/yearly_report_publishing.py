"""Generating, publishing and reminding about the 政府网站工作年度报表 (国办函〔2018〕12号).

The information office generates a website's report for a year (the counted rows), edits it (the rows
software cannot count, and corrections), and publishes it: an article in the website's column
“政府网站工作年度报表” (created on first use, kept out of the menus), one table per section of the
official form, catalogued like any article. It is due on the website by 31 January of the next year;
from 1 January the office is reminded by e-mail (on 1 January or the first run after it, a week before
the deadline, and once when it has passed) until it is published.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import WebsiteYearlyReport, WebsiteYearlyReportReminder
from .websites import resolve_websites
from .yearly_report_figures import GENERATED_CODES, ROWS, SECTIONS, generate

REPORT_COLUMN_SLUG = "wzndbb"
REPORT_COLUMN_TITLE = "政府网站工作年度报表"
WEEK_BEFORE = datetime.timedelta(days=7)


def due_on(year):
    """The report for ``year`` is on the website's home by 31 January of the next year (国办函〔2018〕12号)."""
    return datetime.date(year + 1, 1, 31)


def website_for_key(key):
    """The website whose key (标识码, or ``portal``) is ``key``, or None."""
    return next((website for website in resolve_websites() if key in (website.key, website.site_id_code)), None)


def generate_report(website, year):
    """Create or refresh the report of ``website`` for ``year``: generated rows are (re)counted, entered rows kept."""
    report, _created = WebsiteYearlyReport.objects.get_or_create(
        site_key=website.key, year=year, defaults={"website_name": website.name})
    figures = {code: value for code, value in (report.figures or {}).items() if code not in GENERATED_CODES}
    figures.update(generate(website, year))
    report.figures = figures
    report.website_name = website.name
    report.generated_at = timezone.now()
    report.save()
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
    from portal.column_kinds import ColumnKind
    from portal.models import ColumnPage

    column = ColumnPage.objects.child_of(home).filter(slug=REPORT_COLUMN_SLUG).first()
    if column is None:
        column = ColumnPage(title=REPORT_COLUMN_TITLE, slug=REPORT_COLUMN_SLUG, kind=ColumnKind.OTHER, show_in_menus=False,
                            description=_("本网站每年1月31日前公开的上一年度政府网站工作年度报表。"),
                            keywords=_("政府网站工作年度报表,年度报表,网站年报"))
        home.add_child(instance=column)
        column.save_revision().publish()
    return column


def website_home(website):
    from departments.models import Organisation
    from portal.models import PortalHomePage

    organisation = Organisation.objects.filter(pk=website.home_organisation_id).select_related("home_page").first()
    if organisation is not None and organisation.home_page_id:
        return organisation.home_page.specific
    return PortalHomePage.objects.first() if website.is_portal else None


@transaction.atomic
def publish_report(report, website, user=None):
    """Write the report as an article on ``website``'s home and publish it (again, after edits). Returns the page.

    Raises ``ValueError`` with a message when the website has no home page to publish on.
    """
    from portal.models import ArticlePage

    home = website_home(website)
    if home is None:
        raise ValueError(_("未找到该网站的首页，无法发布年度报表。"))
    title = _("%(name)s%(year)s年政府网站工作年度报表") % {"name": report.website_name, "year": report.year}
    page = ArticlePage.objects.filter(pk=report.page_id).first() if report.page_id else None
    if page is None:
        page = ArticlePage(title=title, slug=f"{report.year}-wzndbb", body=body_blocks(report), source=report.website_name)
        report_column(home).add_child(instance=page)
    else:
        page.title = title
        page.body = body_blocks(report)
    # The office may publish the website's own report (the view checks it); its members need no page permission there.
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    report.page = page
    report.published_at = report.published_at or timezone.now()
    report.save(update_fields=["page", "published_at", "updated_at"])
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


def send_website_report_reminders(today=None, send=None):
    """Remind the information office of every website whose report of last year is not published; each reminder once.

    ``send(recipients, subject, body)`` sends one e-mail (default: Django's ``send_mail``). A failing mail server
    leaves the reminder unrecorded, so the next run sends it. Returns how many were sent.
    """
    from django.conf import settings
    from django.core.mail import send_mail

    from departments.roles import ensure_information_office_group

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
                 "请在“站点监测 → 网站年度报表”中生成、核对并发布。") % {"name": website.name, "year": year}
        try:
            send(recipients, subject, body)
        except Exception:  # retried on the next run
            continue
        WebsiteYearlyReportReminder.objects.create(site_key=website.key, year=year, key=key)
        sent += 1
    return sent
