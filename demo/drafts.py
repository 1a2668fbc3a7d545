"""What a content generator hands to the builder: a page in words, before it touches the database.

Writers produce ``Draft`` objects with abstract body parts (paragraph HTML, an image wanted, a
table, an attachment to generate); the builder turns them into Wagtail pages, images and
documents. Keeping the two apart lets the writers stay pure functions of (profile, rng, date).
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from html import escape

from django.utils import timezone

NUMERALS = "一二三四五六七八九十"


@dataclass
class Attachment:
    """A small generated file (CSV table or plain-text form) stored as a Wagtail document."""

    title: str
    filename: str
    content: str


@dataclass
class Draft:
    page_type: str  # article / policy / interpretation / guide
    title: str
    body: list = field(default_factory=list)  # ("html", str) | ("image", caption) | ("table", rows) | ("attachment", Attachment) | ("quote", (text, source))
    summary: str = ""
    keywords: str = ""
    genre: str = ""
    topic: tuple = ()
    source: str = ""
    author: str = ""
    cover_image: bool = False
    fields: dict = field(default_factory=dict)  # page-type specific model fields
    attachments: list = field(default_factory=list)  # PolicyDocumentPage.attachments / ServiceGuidePage.forms
    policy_ref: object = None  # for interpretations: the planned policy item they explain
    subject: str = ""  # what the item is about, for captions
    statutory_item: str = ""  # code of the 法定主动公开事项 the item is filed under, where its column does not decide


class Writer:
    """Shared context of one organisation's generators: its profile, leaders and random stream."""

    def __init__(self, profile, rng, leaders):
        self.profile = profile
        self.rng = rng
        self.leaders = leaders  # [(position, name)]
        self.used_titles = set()
        self.queues = {}
        self.counters = {}

    @property
    def org(self):
        return self.profile.name

    @property
    def short(self):
        return self.profile.short_name

    @property
    def we(self):
        """How the organisation names itself in running text (我局 / 我镇 / 我县)."""
        if self.profile.is_county:
            return "我县"
        if self.profile.kind == "department":
            return "我局"
        if "街道" in self.short:
            return "我街道"
        return "我乡" if "乡" in self.short else "我镇"

    def chief(self):
        position, name = self.leaders[0]
        return position.split("、")[-1], name

    def deputy(self):
        position, name = self.rng.choice(self.leaders[1:])
        return position.split("、")[-1], name

    def pick(self, options, count=1):
        if count == 1:
            return self.rng.choice(options)
        return self.rng.sample(list(options), min(count, len(options)))

    def fresh(self, make_draft, attempts=10):
        """Draw drafts until one has a title this organisation has not used (repeats read as copy-paste)."""
        draft = make_draft()
        for _attempt in range(attempts):
            if draft.title not in self.used_titles:
                break
            draft = make_draft()
        self.used_titles.add(draft.title)
        return draft

    def next_in_turn(self, name, options):
        """Options in a shuffled order without repeats until all are used (policy names, for instance)."""
        queue = self.queues.get(name)
        if not queue:
            queue = self.queues[name] = self.rng.sample(list(options), len(options))
        return queue.pop()

    def counter(self, name, start, step=(1, 1)):
        """A rising number per name (文号, 常务会议 number), never below ``start``."""
        self.counters[name] = max(self.counters.get(name, 0) + self.rng.randint(*step), start)
        return self.counters[name]

    def signature(self, when):
        return [para(self.org), para(ymd(when))]


def local(when):
    return timezone.localtime(when)


def md(when):
    when = local(when)
    return f"{when.month}月{when.day}日"


def ymd(when):
    """2025年3月14日, for a datetime (in local time) or a date."""
    if isinstance(when, datetime.datetime):
        when = local(when)
    return f"{when.year}年{when.month}月{when.day}日"


def numeral(index):
    return NUMERALS[index] if index < len(NUMERALS) else str(index + 1)


def para(text):
    return ("html", f"<p>{escape(text, quote=False)}</p>")


def heading(text):
    return ("html", f"<h3>{escape(text, quote=False)}</h3>")


def bullet_list(items):
    return ("html", "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>")


def season(when):
    month = local(when).month
    return {12: "冬季", 1: "冬季", 2: "冬季", 3: "春季", 4: "春季", 5: "春季", 6: "夏季", 7: "夏季", 8: "夏季"}.get(month, "秋季")


def keywords(*words):
    """主题词: space separated, without the decorative quotes."""
    cleaned = []
    for word in words:
        word = word.replace("“", "").replace("”", "")
        if word and word not in cleaned:
            cleaned.append(word)
    return " ".join(cleaned[:5])


def csv_text(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()
