"""The yearly report follows its page: approval publishes the page, the report records when."""

from wagtail.signals import page_published

from disclosure.yearly_report.models import YearlyReportPage

from .publishing import mark_published


def on_report_page_published(sender, instance, **kwargs):
    mark_published(instance)


def register_signal_handlers():
    page_published.connect(on_report_page_published, sender=YearlyReportPage, dispatch_uid="yearly-report-published")
