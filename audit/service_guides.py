"""服务不实用 (国办秘函〔2019〕19号): does a website offer 办事服务 at all, and are its guides complete?

The elements monitoring vendors check on each service guide (办事指南) are 事项名称, 设定依据, 申请条件,
办理材料, 办理地点, 办理时间, 联系电话, 办理流程; a guide lacking the threshold number of them (vendors
use 4, unverified: the office can change it) fails the website. Guides are read from the live page
tree (one query) and given to organisations by tree path; a guide's history before today is not kept,
so past as-of dates see today's guides that were already published then.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.models import ServiceGuidePage

from .dates import end_boundary
from .snapshot import owner_of

ELEMENTS = (
    ("service_name", _("事项名称")),
    ("legal_basis", _("设定依据")),
    ("conditions", _("申请条件")),
    ("materials", _("办理材料")),
    ("location", _("办理地点")),
    ("office_hours", _("办理时间")),
    ("phone", _("联系电话")),
    ("process", _("办理流程")),
)


@dataclass
class GuideCheck:
    id: int
    title: str
    url_path: str
    organisation_id: int
    missing: list

    @property
    def missing_labels(self):
        return [str(label) for name, label in ELEMENTS if name in self.missing]


def is_filled(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return bool(value)


def check_guides(home_paths, day):
    """Every live guide published by ``day`` under an organisation's tree, with the elements it lacks.

    ``home_paths`` maps an organisation home page's tree path to its id. Returns a list of ``GuideCheck``.
    """
    names = [name for name, _label in ELEMENTS]
    rows = (
        ServiceGuidePage.objects.live().filter(first_published_at__lt=end_boundary(day))
        .only("id", "title", "path", "url_path", *names).order_by("path")
    )
    checks = []
    for guide in rows:
        owner = owner_of(guide.path, home_paths, ServiceGuidePage.steplen)
        if owner is None:
            continue
        missing = [name for name in names if not is_filled(getattr(guide, name))]
        checks.append(GuideCheck(id=guide.id, title=guide.title, url_path=guide.url_path, organisation_id=owner, missing=missing))
    return checks
