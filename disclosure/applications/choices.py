"""Fixed vocabularies of applications for disclosure (依申请公开).

The outcomes are exactly the rows of table 3 of the yearly report (国办公开办函〔2021〕30号), so
the report counts applications by outcome without any mapping; ``OUTCOME_GROUPS`` keeps the
table's grouping and order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", _("公民")
    ORGANISATION = "organisation", _("法人或其他组织")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao_permit", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
    OTHER = "other", _("其他")


class OrganisationCategory(models.TextChoices):
    """The columns of table 3 under 法人或其他组织."""

    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_WELFARE = "public_welfare", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class ProvisionForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")
    OTHER = "other", _("其他")


class DeliveryMethod(models.TextChoices):
    MAIL = "mail", _("邮寄")
    EMAIL = "email", _("电子邮件")
    IN_PERSON = "in_person", _("当面领取")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交，待确认收到")
    PROCESSING = "processing", _("办理中")
    AWAITING_CORRECTION = "awaiting_correction", _("待申请人补正")
    AWAITING_REASONS = "awaiting_reasons", _("待申请人说明理由")
    AWAITING_PAYMENT = "awaiting_payment", _("待申请人缴纳信息处理费")
    ANSWERED = "answered", _("已答复")


# Statuses in which the applicant is asked for something and the clock waits for them.
WAITING_FOR_APPLICANT = (Status.AWAITING_CORRECTION, Status.AWAITING_REASONS, Status.AWAITING_PAYMENT)


class Channel(models.TextChoices):
    """How the application arrived (条例第三十一条 decides the receipt date per channel)."""

    ONLINE = "online", _("网上申请")
    IN_PERSON = "in_person", _("当面提交")
    POST = "post", _("邮寄")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


OFFLINE_CHANNELS = (Channel.IN_PERSON, Channel.POST, Channel.FAX, Channel.EMAIL)

# What the receipt date is, per channel (条例第三十一条), shown beside the date field.
RECEIPT_DATE_RULES = {
    Channel.ONLINE: _("网上提交的，以双方确认之日为收到申请之日。"),
    Channel.IN_PERSON: _("当面提交的，以提交之日为收到申请之日。"),
    Channel.POST: _("以邮寄方式提交的，以行政机关签收之日为收到申请之日。"),
    Channel.FAX: _("以传真方式提交的，以双方确认之日为收到申请之日。"),
    Channel.EMAIL: _("以电子邮件方式提交的，以双方确认之日为收到申请之日。"),
}


class ConsultedParty(models.TextChoices):
    """Whom an application is consulted on: both have 15 working days (条例第三十二条、第三十四条)."""

    THIRD_PARTY = "third_party", _("第三方（第三十二条）")
    ORGAN = "organ", _("其他行政机关（第三十四条）")


class FeeBasis(models.TextChoices):
    """信息处理费的计收方式 (国办函〔2020〕109号)."""

    PER_ITEM = "per_item", _("按件计收")
    PER_VOLUME = "per_volume", _("按量计收")


class Outcome(models.TextChoices):
    """办理结果: the rows of table 3, section 三."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTIALLY_DISCLOSED = "partially_disclosed", _("部分公开")
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("不予公开：属于国家秘密")
    WITHHELD_LEGAL_BAN = "withheld_legal_ban", _("不予公开：其他法律行政法规禁止公开")
    WITHHELD_SECURITY = "withheld_security", _("不予公开：危及“三安全一稳定”")
    WITHHELD_THIRD_PARTY = "withheld_third_party", _("不予公开：保护第三方合法权益")
    WITHHELD_INTERNAL = "withheld_internal", _("不予公开：属于三类内部事务信息")
    WITHHELD_PROCESS = "withheld_process", _("不予公开：属于四类过程性信息")
    WITHHELD_ENFORCEMENT = "withheld_enforcement", _("不予公开：属于行政执法案卷")
    WITHHELD_QUERY = "withheld_query", _("不予公开：属于行政查询事项")
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", _("无法提供：本机关不掌握相关政府信息")
    UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation", _("无法提供：没有现成信息需要另行制作")
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", _("无法提供：补正后申请内容仍不明确")
    NOT_HANDLED_PETITION = "not_handled_petition", _("不予处理：信访举报投诉类申请")
    NOT_HANDLED_REPEAT = "not_handled_repeat", _("不予处理：重复申请")
    NOT_HANDLED_PUBLICATION = "not_handled_publication", _("不予处理：要求提供公开出版物")
    NOT_HANDLED_EXCESSIVE = "not_handled_excessive", _("不予处理：无正当理由大量反复申请")
    NOT_HANDLED_CONFIRMATION = "not_handled_confirmation", _("不予处理：要求行政机关确认或重新出具已获取信息")
    OTHER_NO_CORRECTION = "other_no_correction", _(
        "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    OTHER_UNPAID = "other_unpaid", _("其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    OTHER = "other", _("其他处理：其他")


# Table 3, section 三: (heading, [(outcome, row label)]) in the official order. A group with one
# outcome is a single row; the others have numbered sub-rows.
OUTCOME_GROUPS = [
    (_("（一）予以公开"), [(Outcome.DISCLOSED, "")]),
    (_("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), [(Outcome.PARTIALLY_DISCLOSED, "")]),
    (
        _("（三）不予公开"),
        [
            (Outcome.WITHHELD_STATE_SECRET, _("1.属于国家秘密")),
            (Outcome.WITHHELD_LEGAL_BAN, _("2.其他法律行政法规禁止公开")),
            (Outcome.WITHHELD_SECURITY, _("3.危及“三安全一稳定”")),
            (Outcome.WITHHELD_THIRD_PARTY, _("4.保护第三方合法权益")),
            (Outcome.WITHHELD_INTERNAL, _("5.属于三类内部事务信息")),
            (Outcome.WITHHELD_PROCESS, _("6.属于四类过程性信息")),
            (Outcome.WITHHELD_ENFORCEMENT, _("7.属于行政执法案卷")),
            (Outcome.WITHHELD_QUERY, _("8.属于行政查询事项")),
        ],
    ),
    (
        _("（四）无法提供"),
        [
            (Outcome.UNAVAILABLE_NOT_HELD, _("1.本机关不掌握相关政府信息")),
            (Outcome.UNAVAILABLE_NEEDS_CREATION, _("2.没有现成信息需要另行制作")),
            (Outcome.UNAVAILABLE_UNCLEAR, _("3.补正后申请内容仍不明确")),
        ],
    ),
    (
        _("（五）不予处理"),
        [
            (Outcome.NOT_HANDLED_PETITION, _("1.信访举报投诉类申请")),
            (Outcome.NOT_HANDLED_REPEAT, _("2.重复申请")),
            (Outcome.NOT_HANDLED_PUBLICATION, _("3.要求提供公开出版物")),
            (Outcome.NOT_HANDLED_EXCESSIVE, _("4.无正当理由大量反复申请")),
            (Outcome.NOT_HANDLED_CONFIRMATION, _("5.要求行政机关确认或重新出具已获取信息")),
        ],
    ),
    (
        _("（六）其他处理"),
        [
            (Outcome.OTHER_NO_CORRECTION, _("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
            (Outcome.OTHER_UNPAID, _("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
            (Outcome.OTHER, _("3.其他")),
        ],
    ),
]
