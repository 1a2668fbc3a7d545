"""严重表述错误: leaders' names and titles, and the county's own organisation names, written wrongly.

Read from the organisations' records (机构 → 领导信息, and each organisation's full name), so the
office maintains nothing twice. Rules (the inspection's "领导姓名、职务错误", 国办秘函〔2019〕19号):

- a known leader's name right after a title that is none of theirs ("副县长张三" when 张三 is 县长) — block;
- a title held by a known leader, followed by that leader's name with one wrong character ("县长张山"
  for 县长张三) — block. The surname must match; for a two-character name only when that title has
  one holder, because two-character names one character apart are often simply different people;
- a name starting with the county's name and ending like an organisation (局, 委员会, 办公室 …) that
  is one character off a registered organisation's full name ("示例县教肓局") — a typo, a warning only:
  bodies that are not in the register (示例县邮政局 is one character off 示例县财政局) are real too.
"""

import re
import threading
import time
from dataclasses import dataclass, field

import rjieba
from django.core.cache import cache
from django.utils.translation import gettext as _

from .models import FindingKind, Severity

VERSION_KEY = "content_checks:directory-version"
TITLE_SEPARATORS = re.compile(r"[、，,；;/\s　]+|兼")
# Titles every county uses; a leader's own titles are added from the records.
COMMON_TITLES = (
    "县委书记", "县委副书记", "县长", "副县长", "常务副县长", "县人大常委会主任", "县政协主席",
    "书记", "副书记", "党委书记", "党组书记", "局长", "副局长", "主任", "副主任", "镇长", "副镇长",
    "乡长", "副乡长", "主席", "副主席", "部长", "副部长", "队长", "副队长", "所长", "副所长", "院长", "副院长",
)
ORGANISATION_ENDINGS = ("委员会", "办公室", "人民政府", "局", "委", "办", "中心", "院", "所", "站", "队", "馆")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# Single characters that commonly follow a person's name in official prose ("张伟在会上讲话", "张伟等").
NAME_FOLLOWERS = frozenset("在和与及等同说对向为率到的是也就将要称作以还又都已")


@dataclass
class Directory:
    """Leaders' names with their titles, and the organisations' names, as the checks need them."""

    titles_of: dict = field(default_factory=dict)  # name -> set of titles
    holders_of: dict = field(default_factory=dict)  # title -> set of names
    organisation_names: set = field(default_factory=set)
    county_prefix: str = ""
    _name_pattern: object = None
    _title_pattern: object = None
    _organisation_pattern: object = None

    @classmethod
    def from_records(cls, leaders, organisations):
        """``leaders``: (name, position) pairs; ``organisations``: (name, kind) pairs."""
        directory = cls()
        for name, position in leaders:
            name = "".join(name.split())
            if len(name) < 2:
                continue
            for title in TITLE_SEPARATORS.split(position or ""):
                if title:
                    directory.titles_of.setdefault(name, set()).add(title)
                    directory.holders_of.setdefault(title, set()).add(name)
            directory.titles_of.setdefault(name, set())
        for name, kind in organisations:
            directory.organisation_names.add(name)
            if kind == "county" and name.endswith("人民政府"):
                directory.county_prefix = name[: -len("人民政府")]
        all_titles = sorted(set(COMMON_TITLES) | set(directory.holders_of), key=len, reverse=True)
        if directory.titles_of:
            names = sorted(directory.titles_of, key=len, reverse=True)
            directory._name_pattern = re.compile("|".join(map(re.escape, names)))
        directory._title_pattern = re.compile("(?:" + "|".join(map(re.escape, all_titles)) + ")$")
        if directory.holders_of:
            held = sorted(directory.holders_of, key=len, reverse=True)
            directory._held_pattern = re.compile("|".join(map(re.escape, held)))
        else:
            directory._held_pattern = None
        if directory.county_prefix:
            endings = "|".join(map(re.escape, ORGANISATION_ENDINGS))
            directory._organisation_pattern = re.compile(
                re.escape(directory.county_prefix) + r"[\u4e00-\u9fff]{1,14}?(?:" + endings + ")"
            )
        return directory

    def check(self, text):
        """``(start, end, kind, severity, rule, message)`` for every wording problem in ``text`` (no spaces)."""
        found = []
        if self._name_pattern is not None:
            for match in self._name_pattern.finditer(text):
                name = match.group()
                before = self._title_pattern.search(text, max(0, match.start() - 12), match.start())
                if before and before.end() == match.start():
                    title = before.group()
                    if title not in self.titles_of[name]:
                        held = "、".join(sorted(self.titles_of[name])) or _("无登记职务")
                        found.append((before.start(), match.end(), FindingKind.WORDING, Severity.BLOCK, f"{name} {held}",
                                      _("领导姓名与职务不符：%(name)s的职务为%(held)s，不是%(title)s") % {"name": name, "held": held, "title": title}))
        if self._held_pattern is not None:
            for match in self._held_pattern.finditer(text):
                title = match.group()
                holders = self.holders_of[title]
                for name in holders:
                    candidate = text[match.end():match.end() + len(name)]
                    if len(candidate) != len(name) or candidate == name or candidate in self.titles_of:
                        continue
                    if not CJK.match(candidate) or candidate[0] != name[0]:
                        continue
                    if sum(a != b for a, b in zip(candidate, name)) != 1:
                        continue
                    if len(name) == 2 and len(holders) > 1:
                        continue
                    if candidate[-1] != name[-1] and starts_next_word(text, match.end() + len(name) - 1):
                        continue  # "副局长张伟主持": 张伟 (someone else) and 主持, not a misspelt 张伟平
                    found.append((match.start(), match.end() + len(name), FindingKind.WORDING, Severity.BLOCK, f"{title}{name}",
                                  _("领导姓名疑似写错：“%(wrong)s”应为“%(right)s”") % {"wrong": title + candidate, "right": title + name}))
        if self._organisation_pattern is not None:
            for match in self._organisation_pattern.finditer(text):
                written = match.group()
                if written in self.organisation_names:
                    continue
                for name in self.organisation_names:
                    if len(name) == len(written) and sum(a != b for a, b in zip(name, written)) == 1:
                        found.append((match.start(), match.end(), FindingKind.TYPO, Severity.WARN, name,
                                      _("机构名称疑似写错：“%(wrong)s”应为“%(right)s”") % {"wrong": written, "right": name}))
                        break
        return found


def starts_next_word(text, position):
    """True when ``text[position]`` begins the word after a name rather than ending the name: a
    function character (在, 和, 等 …) or the first character of a dictionary word of two or more
    characters (主持, 出席, 同志 …). ``text``: str without spaces; ``position``: index into it."""
    window = text[position:position + 6]
    if not window:
        return False
    if window[0] in NAME_FOLLOWERS:
        return True
    return any(len(word) >= 2 and window.startswith(word) for word in rjieba.cut_all(window))


def directory_changed(**kwargs):
    cache.set(VERSION_KEY, time.time_ns(), None)


_lock = threading.Lock()
_built = {"version": None, "directory": None}


def current_directory():
    """The directory built from the organisations' records, rebuilt after any of them changes."""
    from django.apps import apps

    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    if _built["version"] != version:
        with _lock:
            Organisation = apps.get_model("departments", "Organisation")
            Leader = apps.get_model("departments", "Leader")
            _built["directory"] = Directory.from_records(
                Leader.objects.filter(organisation__active=True).values_list("name", "position"),
                Organisation.objects.values_list("name", "kind"),
            )
            _built["version"] = version
    return _built["directory"]
