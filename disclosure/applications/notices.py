"""Issuing notices from editable templates and recording their delivery (送达).

Templates use ``{{占位符}}`` placeholders named in Chinese (the words staff see), filled with
the case's facts by ``render``; an unknown placeholder is refused when a template is saved, so a
notice never goes out with a hole in it. ``issue_notice`` freezes the text, makes it available on
the applicant's status page (recorded as an online delivery), queues an e-mail when the applicant
gave an address (recorded as an e-mail delivery, dated when the outbox has sent it), and leaves
post and in-person deliveries to staff (``record_delivery``).
"""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.applications.models import ApplicationEvent, ApplicationNotification
from disclosure.models.notices import (
    PLACEHOLDER,
    DeliveryMethod,
    Notice,
    NoticeDelivery,
    NoticeKind,
    NoticeTemplate,
)

from .notifications import enqueue_delivery

DEFAULT_TEMPLATES = {
    NoticeKind.CORRECTION: (
        "补正申请告知书",
        "{{申请人}}：\n本机关于{{收到申请日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），"
        "所需信息为“{{所需信息}}”。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》"
        "第三十条的规定，请您对以下事项作出补正：\n{{补正事项}}\n请于{{补正期限}}前提交补正材料"
        "（可在{{查询网址}}凭申请编号在线补正）。答复期限自本机关收到补正的申请之日起计算。"
        "无正当理由逾期不补正的，视为您放弃申请，本机关不再处理该政府信息公开申请。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.EXTENSION: (
        "延期答复告知书",
        "{{申请人}}：\n本机关于{{收到申请日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。"
        "因{{延期理由}}，不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，"
        "经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长工作日数}}个工作日，"
        "本机关将于{{答复期限}}前作出答复。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.CONSULTATION: (
        "政府信息公开征求意见函",
        "{{征求对象}}：\n本机关收到公开“{{所需信息}}”的政府信息公开申请（申请编号：{{申请编号}}）。"
        "该信息的公开可能损害您的合法权益（或需要与您确定是否可以公开），根据《中华人民共和国政府信息公开条例》"
        "第三十二条（第三十四条）的规定，现书面征求您的意见。请于{{征求意见期限}}前（收到本函之日起15个工作日内）"
        "提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.REASONS: (
        "说明理由告知书",
        "{{申请人}}：\n本机关于{{收到申请日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。"
        "根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明以下事项：\n{{需要说明的事项}}\n"
        "在您作出说明之前，答复期限暂停计算。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.DEFERRAL: (
        "延迟答复告知书",
        "{{申请人}}：\n您提出的政府信息公开申请（申请编号：{{申请编号}}）理由合理，但因{{延迟理由}}，"
        "无法在法定期限内答复。根据《中华人民共和国政府信息公开条例》第三十五条的规定，"
        "本机关确定于{{答复期限}}前作出答复。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.FEE: (
        "信息处理费收费通知",
        "{{申请人}}：\n您提出的政府信息公开申请（申请编号：{{申请编号}}），根据《中华人民共和国政府信息公开条例》"
        "第四十二条和《政府信息公开信息处理费管理办法》的规定，需缴纳信息处理费。计收方式：{{计收方式}}"
        "（{{收费数量}}），金额：{{收费金额}}元。请于{{缴费期限}}前缴纳。自发出本通知之日至您缴纳费用之日，"
        "不计算在答复期限内；逾期未按本通知要求缴纳费用的，本机关不再处理该政府信息公开申请。\n{{受理机关}}\n{{制作日期}}",
    ),
    NoticeKind.REPLY: (
        "政府信息公开申请答复书",
        "{{申请人}}：\n本机关于{{收到申请日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），"
        "所需信息为“{{所需信息}}”。经审查，现答复如下：\n{{办理结果}}\n{{答复说明}}\n"
        "如对本答复不服，可以依法申请行政复议或者提起行政诉讼。\n{{受理机关}}\n{{制作日期}}",
    ),
}


def render(text, facts):
    """``text`` with each ``{{名称}}`` replaced by ``facts[名称]`` (missing facts become empty)."""
    return PLACEHOLDER.sub(lambda match: str(facts.get(match.group(1), "")), text)


def template_for(kind):
    """(title, body) of the kind's template: the edited one if any, else the default wording."""
    template = NoticeTemplate.objects.filter(kind=kind).first()
    if template is not None:
        return template.title, template.body
    return DEFAULT_TEMPLATES[kind]


def status_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("disclosure_applications:status")


def _date(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def common_facts(application, issued_on):
    return {
        "申请人": application.name,
        "申请编号": application.tracking_number,
        "受理机关": application.organisation.name,
        "所需信息": application.information_name,
        "收到申请日期": _date(application.received_on),
        "制作日期": _date(issued_on),
        "查询网址": status_url(),
    }


def issue_notice(application, kind, facts, user=None, issued_on=None, addressee=None):
    """Create the notice of ``kind`` for ``application`` with ``facts`` (kind-specific, dates as ``date``).

    Notices to the applicant are put on the status page and, with an e-mail address, mailed; a
    consultation letter (to the third party or organ named ``addressee``) is only recorded — staff
    record how it was sent. Returns the ``Notice``. Call inside the step's transaction.
    """
    issued_on = issued_on or timezone.localdate()
    to_applicant = kind != NoticeKind.CONSULTATION
    values = common_facts(application, issued_on)
    values.update({key: (_date(value) if hasattr(value, "isoformat") else value) for key, value in facts.items()})
    title_template, body_template = template_for(kind)
    notice = Notice.objects.create(
        application=application, kind=kind, addressee=addressee or application.name, to_applicant=to_applicant,
        title=render(title_template, values), body=render(body_template, values), issued_on=issued_on,
        issued_by=user,
    )
    ApplicationEvent.objects.create(application=application, kind=ApplicationEvent.Kind.NOTICE_ISSUED, user=user,
                                    note=notice.title)
    if to_applicant:
        NoticeDelivery.objects.create(notice=notice, method=DeliveryMethod.ONLINE, delivered_on=issued_on,
                                      note=_("申请人凭申请编号在查询页面查看、下载"), recorded_by=user)
        if application.email:
            email = ApplicationNotification.objects.create(
                application=application, recipient=application.email,
                subject=_("%(title)s（申请编号 %(number)s）") % {"title": notice.title,
                                                              "number": application.tracking_number},
                body=notice.body + "\n\n" + _("请凭申请编号和证件号码后4位在 %(url)s 查看和下载本告知书。")
                % {"url": status_url()},
            )
            NoticeDelivery.objects.create(notice=notice, method=DeliveryMethod.EMAIL, email=email, recorded_by=user)
            transaction.on_commit(lambda: enqueue_delivery(application.pk))
    return notice


def record_delivery(notice, user, method, delivered_on, tracking_number="", signed_by="", evidence=None, note=""):
    """Record how ``notice`` was delivered by post, in person or fax (the others are automatic).

    Raises ``ValidationError`` with a message for staff: post needs the tracking number, in person
    the name of who signed; the date is neither before the notice nor in the future.
    """
    if method not in (DeliveryMethod.POST, DeliveryMethod.IN_PERSON, DeliveryMethod.FAX):
        raise ValidationError(_("网上查询页面和电子邮件的送达由系统自动记录。"))
    if method == DeliveryMethod.POST and not tracking_number.strip():
        raise ValidationError(_("邮寄送达请填写邮件单号。"))
    if method == DeliveryMethod.IN_PERSON and not signed_by.strip():
        raise ValidationError(_("当面送达请填写签收人。"))
    if delivered_on is None:
        raise ValidationError(_("请填写送达日期（邮寄的填签收日期）。"))
    if delivered_on < notice.issued_on:
        raise ValidationError(_("送达日期不能早于告知书制作日期（%(date)s）。") % {"date": notice.issued_on.isoformat()})
    if delivered_on > timezone.localdate():
        raise ValidationError(_("送达日期不能晚于今天。"))
    delivery = NoticeDelivery.objects.create(
        notice=notice, method=method, delivered_on=delivered_on, tracking_number=tracking_number.strip(),
        signed_by=signed_by.strip(), evidence=evidence or "", note=note.strip(), recorded_by=user,
    )
    ApplicationEvent.objects.create(
        application=notice.application, kind=ApplicationEvent.Kind.NOTICE_DELIVERED, user=user,
        note=f"{notice.title}：{delivery.get_method_display()} {tracking_number or signed_by}".strip(),
    )
    return delivery
