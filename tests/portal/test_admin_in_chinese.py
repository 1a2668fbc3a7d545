"""The admin in Chinese (issue 19, item 10): the admin screens that a department editor, an approver and the
information office reach from their menus show no untranslated English to a zh-hans user."""

import ast
import functools
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import MenuItem, SubmenuMenuItem, admin_menu

from departments.models import Organisation
from departments.roles import INFORMATION_OFFICE_GROUP, ensure_information_office_group
from tests import factories

pytestmark = pytest.mark.django_db

# Words that are names, formats or codes in Chinese government usage too, not untranslated sentences.
ALLOWED_WORDS = {
    "csv", "xlsx", "excel", "pdf", "docx", "doc", "xls", "url", "rss", "xml", "json", "api", "html", "icp",
    "id", "ip", "wagtail", "gb", "https", "http", "www", "gov", "cn", "bm", "totp", "qr",
    "chinesecalendar",  # the package whose holiday tables the working-day calendar imports, named as its source
}
# Tokens that are data, not interface: addresses, e-mail, identifiers with digits, dots or underscores.
DATA_TOKEN = re.compile(r"\S*[@/._:#\d]\S*")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
SKIPPED_TAGS = {"script", "style", "template", "svg", "noscript", "code", "pre"}
ATTRIBUTES_READ = {"title", "placeholder", "aria-label", "alt"}


# Packages whose own English strings are theirs to translate (Wagtail 8's zh-hans lacks part of its
# admin's strings); a string of theirs is cut out before looking, so what remains is ours.
FRAMEWORK_PACKAGES = ("django", "wagtail", "django_filters", "taggit", "modelcluster")
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[a-z_]*\}")


def _po_msgids(path):
    """The msgid, msgid_plural and msgstr strings of a gettext .po file."""
    ids, current = [], None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[")):
            current = [ast.literal_eval(line.split(" ", 1)[1])]
            ids.append(current)
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        else:
            current = None
    return ["".join(parts) for parts in ids]


@functools.cache
def framework_strings():
    """One regex matching any framework msgid as rendered (tags dropped, placeholders as any short text)."""
    patterns = set()
    for package in FRAMEWORK_PACKAGES:
        root = Path(importlib.util.find_spec(package).origin).parent
        # English msgids, and zh_Hans translations that kept English words ("以'%(label)s' in ascending …").
        for po in [*root.glob("**/locale/en/LC_MESSAGES/*.po"), *root.glob("**/locale/zh_Hans/LC_MESSAGES/*.po")]:
            for msgid in _po_msgids(po):
                text = " ".join(re.sub(r"<[^>]+>", " ", msgid).split())
                pieces = PLACEHOLDER.split(text)
                if not any(WORD.search(piece) for piece in pieces):
                    continue  # only placeholders: it would match anything
                patterns.add(r".{0,80}?".join(re.escape(piece) for piece in pieces))
    ordered = sorted(patterns, key=len, reverse=True)
    alternatives = "|".join(f"(?:{pattern})" for pattern in ordered if pattern)
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)


class VisibleText(HTMLParser):
    """Collects text a user reads: element text and the title/placeholder/aria-label/alt attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        attributes = dict(attrs)
        if attributes.get("type") == "hidden" or "hidden" in attributes:
            return
        self.chunks.extend(value for name, value in attrs if name in ATTRIBUTES_READ and value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.chunks.append(data)


def english_words(html, own_data=()):
    """The English words a reader sees in ``html`` (each with some text around it), minus framework strings,
    names, codes and the test's data.

    The page's visible text is read as one string, so a framework string split by markup
    ("Autosave is <span>paused</span>") is still recognised as the framework's.
    """
    parser = VisibleText()
    parser.feed(html)
    text = framework_strings().sub(" ", " ".join(" ".join(parser.chunks).split()))
    for datum in own_data:
        text = text.replace(datum, " ")
    text = DATA_TOKEN.sub(" ", text)
    found = {}
    for match in WORD.finditer(text):
        if match.group().lower() not in ALLOWED_WORDS:
            found.setdefault(match.group(), text[max(0, match.start() - 30):match.end() + 30].strip())
    return found


def menu_urls(user):
    """Every admin URL in ``user``'s main menu (submenus opened), as the sidebar offers them."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls, items = [], list(admin_menu.menu_items_for_request(request))
    while items:
        item = items.pop(0)
        if isinstance(item, SubmenuMenuItem):
            items.extend(item.menu.menu_items_for_request(request))
        elif isinstance(item, MenuItem) and item.url.startswith("/admin/"):
            urls.append(item.url)
    return urls


@pytest.fixture
def people(department):
    ensure_information_office_group()
    column = factories.column(department)
    article = factories.article(column, title="全县召开安全生产工作会议")
    return {
        "editor": factories.user_in(department.editors_group, username="jyjeditor"),
        "approver": factories.user_in(department.approvers_group, username="jyjapprover"),
        "office": factories.user_in(Group.objects.get(name=INFORMATION_OFFICE_GROUP), username="xxb"),
        "column": column, "article": article,
    }


def screens(people, role):
    column, article = people["column"], people["article"]
    return [reverse("wagtailadmin_home"), *menu_urls(people[role]),
            reverse("wagtailadmin_pages:add", args=["portal", "articlepage", column.pk]),
            reverse("wagtailadmin_pages:edit", args=[article.pk])]


@pytest.mark.parametrize("role", ["editor", "approver", "office"])
def test_the_admin_screens_of_each_role_show_no_english(client, people, role):
    client.force_login(people[role])
    own_data = ("jyjeditor", "jyjapprover", "xxb", *Organisation.objects.values_list("slug", flat=True))
    untranslated = {}
    for url in dict.fromkeys(screens(people, role)):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans", follow=True)
        if response.status_code != 200:
            untranslated[url] = {f"HTTP {response.status_code}"}
            continue
        words = english_words(response.content.decode(), own_data)
        if words:
            untranslated[url] = words
    assert untranslated == {}
