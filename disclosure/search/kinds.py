"""The kinds of result one county search covers (结果类别), for the ``kind`` facet and each result's label."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultKind(models.TextChoices):
    DOCUMENT = "document", _("文件资料")
    SERVICE = "service", _("办事服务")
    INTERACTION = "interaction", _("互动交流")
    ORGANISATION = "organisation", _("机构")


def kind_of_genre(genre):
    """The result kind of a catalogue entry of ``genre``: a service guide (办事指南) is 办事服务."""
    return ResultKind.SERVICE if genre == "service_guide" else ResultKind.DOCUMENT
