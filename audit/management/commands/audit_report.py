"""``manage.py audit_report``: the audit for cron, as text, JSON or CSV.

Websites first (国办秘函〔2019〕19号 judges websites), then each organisation's share. Exit status 1
with ``--fail-on-violation`` when any website fails or any organisation breaks a rule, so a cron job
or CI pipeline can alert. The JSON shape is a public interface (see README and docs/audit-rules.md).
"""

import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from audit.dates import AsOfError, parse_as_of
from audit.findings import VIOLATION_LABELS, build_report
from departments.models import Organisation

JSON_FIELDS = ["slug", "name", "kind", "last_published", "items_30d", "items_90d", "items_365d", "score", "fails_inspection"]


class Command(BaseCommand):
    help = _("按网站输出检查结果（单项否决及证据、扣分），并列出各栏目（子站）的栏目更新、空白栏目、留言办理明细。")

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help=_("审计截至日期 YYYY-MM-DD，默认今天；不能晚于今天。"))
        parser.add_argument("--org", dest="org", help=_("只输出此英文标识的机构。"))
        parser.add_argument("--format", dest="output_format", choices=["text", "json", "csv"], default="text")
        parser.add_argument("--fail-on-violation", action="store_true", help=_("任一机构违反规则时以状态码 1 退出。"))

    def handle(self, *args, as_of=None, org=None, output_format="text", fail_on_violation=False, **options):
        try:
            day = parse_as_of(as_of)
        except AsOfError as error:
            raise CommandError(str(error)) from None
        if org is not None and not Organisation.objects.active().filter(slug=org).exists():
            raise CommandError(_("没有英文标识为“%(slug)s”的启用机构。") % {"slug": org})
        report = build_report(day)
        if org is not None:
            report.organisations = [audit for audit in report.organisations if audit.slug == org]
            report.websites = [website for website in report.websites if org in [c.slug for c in website.channels]]
        writer = {"json": self.write_json, "csv": self.write_csv, "text": self.write_text}[output_format]
        writer(report)
        if fail_on_violation and (any(audit.violations() for audit in report.organisations)
                                  or any(website.fails_inspection for website in report.websites)):
            raise SystemExit(1)

    def write_json(self, report):
        self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))

    def write_csv(self, report):
        """One line per violation (organisations without any get one line with empty rule fields)."""
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow([*JSON_FIELDS, "rule", "column", "rule_last_published", "days_since", "limit_days"])
        for audit in report.organisations:
            data = audit.as_json()
            base = [data[name] for name in JSON_FIELDS]
            for violation in data["violations"] or [dict.fromkeys(["rule", "column", "last_published", "days_since", "limit_days"])]:
                writer.writerow([*base, *(violation[name] for name in ("rule", "column", "last_published", "days_since", "limit_days"))])

    def write_text(self, report):
        self.stdout.write(_("站点监测 截至 %(day)s") % {"day": report.as_of.isoformat()})
        if not report.interaction_evaluated:
            self.stdout.write(_("（留言办理数据尚未接入，互动项未评估）"))
        for website in report.websites:
            verdict = _("单项否决，检查不合格") if website.fails_inspection else _("未触发单项否决")
            self.stdout.write("")
            self.stdout.write(_("【网站】%(name)s（标识码 %(code)s，%(host)s）%(verdict)s；扣分后 %(score)s 分；栏目（子站）%(count)s 个") % {
                "name": website.name, "code": website.site_id_code or _("未登记"), "host": website.hostname or "-",
                "verdict": verdict, "score": website.score, "count": len(website.channels)})
            for veto in website.vetoes:
                if veto.state in ("fail", "not_evaluated"):
                    self.stdout.write(f"  ! {veto.label}（{veto.state_label}）{veto.detail}")
            for deduction in website.deductions:
                self.stdout.write("  - " + _("%(label)s %(count)s 项，扣 %(points)s 分") % deduction)
        self.stdout.write("")
        self.stdout.write(_("各栏目（子站）明细"))
        for audit in report.organisations:
            verdict = _("单项否决") if audit.fails_inspection else _("通过")
            self.stdout.write("")
            self.stdout.write(
                _("%(name)s [%(slug)s] 得分 %(score)s，排名 %(rank)s/%(peers)s，%(verdict)s；近30/90/365天 %(n30)s/%(n90)s/%(n365)s 条") % {
                    "name": audit.name, "slug": audit.slug, "score": audit.score.value, "rank": audit.rank,
                    "peers": audit.peers, "verdict": verdict, "n30": audit.items_30d, "n90": audit.items_90d,
                    "n365": audit.items_365d,
                }
            )
            for violation in audit.violations():
                label = VIOLATION_LABELS.get(violation["rule"], violation["rule"])
                where = f"「{violation['column']}」" if violation["column"] else ""
                details = []
                if violation["days_since"] is not None:
                    details.append(_("%(days)s 天") % {"days": violation["days_since"]})
                if violation["limit_days"] is not None:
                    details.append(_("期限 %(days)s 天") % {"days": violation["limit_days"]})
                self.stdout.write(f"  - {label}{where} {'，'.join(details)}".rstrip())
            for column in audit.columns:
                if column.status == "warning":
                    self.stdout.write("  · " + _("即将到期：「%(title)s」最迟 %(due)s 更新") % {"title": column.title, "due": column.due_on})
