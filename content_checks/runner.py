"""The one library of checks: a page (or any text) in, findings (``results.Result``) out.

Every check reads the same pieces of text (``page_content``): personal data (``disclosure.personal_data``,
the product's one recogniser), the office's word lists in one Aho-Corasick pass (``wordlists``), leaders'
names and titles and organisation names (``wording``), internal links (``links``), attachments
(``document_text``) and, only where switched on and never in the editor, external links
(``external_links``). The editor, the publication guard and the patrol all call ``check_page``.
"""

from django.utils.translation import gettext as _

from disclosure.personal_data import MOBILE, find_personal_data, mask_personal_data

from . import external_links, links, wording, wordlists
from .attachments import CouldNotCheck
from .document_text import document_text
from .models import FindingKind, Severity
from .page_content import page_content
from .results import Result
from .text import excerpt, fold

# A page listing this many mobile numbers is a list of people, not a contact line: every number blocks.
MOBILE_LIST_THRESHOLD = 3


def check_text(text, location="", field_name="", *, word_automaton=None, directory=None, document_id=None):
    """Findings in one piece of plain text. Personal data first, then listed words, then wording."""
    results = []
    if not text:
        return results
    masked = None
    data = find_personal_data(text)
    if data:
        masked = mask_personal_data(text)
        mobiles = {datum.value for datum in data if datum.kind == MOBILE}
        for datum in data:
            severity = Severity.BLOCK
            if datum.kind == MOBILE and len(mobiles) < MOBILE_LIST_THRESHOLD:
                severity = Severity.WARN
            results.append(Result(
                FindingKind.PERSONAL_DATA, severity,
                _("含%(label)s %(masked)s，公开前应删除或打码") % {"label": datum.label, "masked": datum.masked},
                location, field_name, datum.start, datum.label, excerpt(masked, datum.start, datum.end),
                key=f"{datum.kind}:{hash_value(datum.value)}", document_id=document_id,
            ))
    masked = masked or text
    folded, origin = fold(text)
    built = wordlists.automaton() if word_automaton is None else word_automaton
    for start, end, entry in wordlists.matches(folded, built):
        begin, finish = origin[start], origin[end - 1] + 1
        results.append(Result(entry.kind, entry.severity, entry.message, location, field_name, begin, entry.rule,
                              excerpt(masked, begin, finish), key=text[begin:finish], document_id=document_id))
    directory = wording.current_directory() if directory is None else directory
    for start, end, kind, severity, rule, message in directory.check(folded):
        begin, finish = origin[start], origin[end - 1] + 1
        results.append(Result(kind, severity, message, location, field_name, begin, rule,
                              excerpt(masked, begin, finish), key=text[begin:finish], document_id=document_id))
    return results


def hash_value(value):
    """A short stable key for a personal identifier, so the identifier itself is never stored."""
    import hashlib

    return hashlib.sha256("".join(value.split()).upper().encode()).hexdigest()[:16]


def check_attachments(content, documents=None):
    """Findings inside the documents ``content`` links to; an unreadable file is an "unchecked" finding."""
    from django.apps import apps

    ids = {int(link.target) for link in content.links if link.linktype == "document" and str(link.target).isdigit()}
    if not ids:
        return []
    Document = apps.get_model("wagtaildocs", "Document")
    documents = Document.objects.in_bulk(ids) if documents is None else documents
    results = []
    seen = set()
    for link in content.links:
        if link.linktype != "document" or not str(link.target).isdigit():
            continue
        document = documents.get(int(link.target))
        if document is None or document.pk in seen:
            continue
        seen.add(document.pk)
        location = _("附件《%(title)s》") % {"title": document.title}
        try:
            text = document_text(document)
        except CouldNotCheck as error:
            results.append(Result(FindingKind.UNCHECKED, Severity.WARN,
                                  _("附件《%(title)s》未能检查：%(reason)s") % {"title": document.title, "reason": error},
                                  location, link.field_name, rule=_("附件"), key=str(error), document_id=document.pk))
            continue
        results.extend(check_text(text, location, link.field_name, document_id=document.pk))
    return results


def check_page(page, *, attachments=True, external=False) -> list[Result]:
    """All findings for ``page`` (a specific page instance, saved or not).

    ``external`` probes external links (slow; only the patrol and the post-publish task pass it, and only
    when ``CONTENT_CHECKS_EXTERNAL_LINKS`` is on).
    """
    content = page_content(page)
    built = wordlists.automaton()
    directory = wording.current_directory()
    results = []
    for piece in content.pieces:
        results.extend(check_text(piece.text, piece.location, piece.field_name, word_automaton=built, directory=directory))
    # The mobile-list rule counts numbers across the whole page, not per field.
    mobiles = {result.key for result in results if result.kind == FindingKind.PERSONAL_DATA and result.key.startswith(MOBILE)}
    if len(mobiles) >= MOBILE_LIST_THRESHOLD:
        for result in results:
            if result.key.startswith(MOBILE):
                result.severity = Severity.BLOCK
    results.extend(links.check_internal_links(content.links))
    if attachments:
        results.extend(check_attachments(content))
    if external and external_links.enabled():
        results.extend(external_links.check_external_links(content.links))
    return results
