"""Table 4 of the yearly report (行政复议、行政诉讼): its rows and columns. Staff enter the figures by hand
(nothing is computed), so this is labels only; a leaf module shared by the model, its form and the XLSX."""

from django.utils.translation import gettext_lazy as _

TABLE4_GROUPS = [
    ("reconsideration", _("行政复议")),
    ("litigation_direct", _("行政诉讼：未经复议直接起诉")),
    ("litigation_after", _("行政诉讼：复议后起诉")),
]
TABLE4_RESULTS = [
    ("upheld", _("结果维持")),
    ("corrected", _("结果纠正")),
    ("other", _("其他结果")),
    ("pending", _("尚未审结")),
    ("total", _("总计")),
]
