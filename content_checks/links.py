"""Internal links and attachments that lead nowhere: a page that is gone or not published, a document that is gone.

Checked in one query per kind for all of a page's links. Broken links are deducted per link in the
inspection's scored part (not a single veto), so they are warnings.
"""

from django.apps import apps
from django.utils.translation import gettext as _

from .models import FindingKind, Severity
from .results import Result


def _ids(links, linktype):
    ids = set()
    for link in links:
        if link.linktype == linktype and str(link.target).isdigit():
            ids.add(int(link.target))
    return ids


def check_internal_links(links) -> list[Result]:
    """Findings for links (``page_content.Link``) to missing or unpublished pages and missing documents."""
    Page = apps.get_model("wagtailcore", "Page")
    Document = apps.get_model("wagtaildocs", "Document")
    page_ids = _ids(links, "page")
    document_ids = _ids(links, "document")
    pages = {row["pk"]: row for row in Page.objects.filter(pk__in=page_ids).values("pk", "live", "title")} if page_ids else {}
    documents = set(Document.objects.filter(pk__in=document_ids).values_list("pk", flat=True)) if document_ids else set()
    results = []
    for link in links:
        if link.linktype == "page" and str(link.target).isdigit():
            target = pages.get(int(link.target))
            if target is None:
                message = _("链接的页面已不存在（页面编号 %(id)s）") % {"id": link.target}
            elif not target["live"]:
                message = _("链接的页面《%(title)s》未发布，公众打开会看到“页面不存在”") % {"title": target["title"]}
            else:
                continue
            results.append(Result(FindingKind.BROKEN_LINK, Severity.WARN, message, link.location, link.field_name,
                                  rule=_("站内链接"), key=f"page:{link.target}"))
        elif link.linktype == "document" and str(link.target).isdigit() and int(link.target) not in documents:
            results.append(Result(FindingKind.BROKEN_LINK, Severity.WARN,
                                  _("链接的附件已被删除（文档编号 %(id)s）") % {"id": link.target}, link.location,
                                  link.field_name, rule=_("附件"), key=f"document:{link.target}"))
    return results
