"""政策文件 and 政策解读: formal documents with 文号 and validity, and the interpretations that explain them."""

import re
from datetime import timedelta

from portal.taxonomy import Genre, Validity

from .drafts import Attachment, Draft, bullet_list, csv_text, heading, keywords, local, para, ymd

DOCUMENT_TYPES = ("实施细则", "管理办法", "实施办法", "实施方案", "工作方案", "行动计划", "实施意见", "应急预案", "工作规范",
                  "政策措施", "考核办法", "规定", "办法", "方案", "意见", "计划", "预案", "规范", "清单", "政策", "行动")
TASKS = ("健全{s}工作机制", "加强{s}队伍建设", "推进{s}数字化改革", "完善{s}监督考核", "加大{s}资金保障力度", "强化{s}风险防控",
         "优化{s}服务流程")
HIGHLIGHTS = ("首次明确了各责任主体的职责分工", "将办理时限压缩一半以上", "建立了跨部门协同和信息共享机制",
              "加大了对基层和困难群众的支持力度", "细化了可操作的考核指标", "推行“一件事”集成办理")


def document_type(name):
    bare = re.sub(r"（[^）]*）$", "", name)
    for candidate in DOCUMENT_TYPES:
        if bare.endswith(candidate):
            return candidate[-2:] if len(candidate) > 2 else candidate
    return "方案"


def document_number(writer, year):
    """文号: per organisation, per year, rising in order of issue (示教发〔2025〕3号)."""
    return f"{writer.profile.doc_prefix}〔{year}〕{writer.counter(f'document-{year}', 1, step=(1, 4))}号"


def related_subjects(writer, name, count=3):
    """The organisation's subjects that the document's name speaks of first, then others."""
    bigrams = {name[i:i + 2] for i in range(len(name) - 1)}
    subjects = list(writer.profile.subjects)
    writer.rng.shuffle(subjects)
    subjects.sort(key=lambda subject: -len(bigrams & {subject[i:i + 2] for i in range(len(subject) - 1)}))
    return subjects[:count]


def policy_item(writer, when, age_days):
    rng = writer.rng
    issued = local(when)
    written = (issued - timedelta(days=rng.randint(1, 8))).date()
    year = written.year
    name = writer.next_in_turn("policy", writer.profile.policies).format(y=year, y2=year + 2)
    kind = document_type(name)
    title = f"关于印发《{name}》的通知"
    if title in writer.used_titles:
        title = f"关于修订印发《{name}》的通知"
    writer.used_titles.add(title)
    validity, years = Validity.VALID, rng.choice((3, 5))
    if age_days > 400 and rng.random() < 0.45:
        validity = Validity.EXPIRED if rng.random() < 0.7 else Validity.REPEALED
        years = 1
    subjects = related_subjects(writer, name)
    tasks = [writer.pick(TASKS).format(s=subject) for subject in subjects]
    laws = "、".join(writer.profile.laws)
    body = [
        para(f"{writer.profile.addressees}："),
        para(f"现将《{name}》印发给你们，请结合实际，认真贯彻执行。"),
        *writer.signature(written),
        heading(name),
        para(f"为进一步做好{'、'.join(subjects[:2])}工作，根据{laws}等有关规定，结合我县实际，制定本{kind}。"),
        heading("一、总体要求"),
        para(f"坚持以人民为中心的发展思想，坚持问题导向和目标导向，到{year + years}年，{subjects[0]}工作体系更加健全，群众获得感、满意度明显提升。"),
        heading("二、主要任务"),
        bullet_list(tasks),
        heading("三、保障措施"),
        para("各有关单位要加强组织领导，明确责任分工，强化经费保障和督查考核，确保各项任务落到实处。"),
        heading("四、附则"),
        para(f"本{kind}由{writer.short}负责解释，自{ymd(written)}起施行，有效期{years}年。"),
    ]
    if validity == Validity.REPEALED:
        body.append(para("（本文件已被新修订的同名文件废止。）"))
    attachments = []
    if rng.random() < 0.35:
        rows = [["序号", "重点任务", "牵头单位", "完成时限"]]
        rows += [[str(i), task, writer.short, f"{year}年{rng.choice((6, 9, 12))}月底"] for i, task in enumerate(tasks, start=1)]
        attachments.append(Attachment(f"《{name}》重点任务分解表", "renwu-fenjie.csv", csv_text(rows)))
    genre = Genre.OPINION if kind == "意见" else Genre.NOTICE
    return Draft(
        "policy", title, body, keywords=keywords(*subjects[:2], kind), genre=genre, attachments=attachments,
        summary=f"《{name}》从总体要求、主要任务、保障措施等方面作出规定。",
        fields={"document_number": document_number(writer, year), "written_date": written, "validity": validity,
                # An expired or repealed document says when (its one-year term ended, or the new one replaced it).
                "repealed_on": written + timedelta(days=365) if validity != Validity.VALID else None,
                "issuing_body": writer.org, "_name": name, "_tasks": tasks, "_subjects": subjects},
    )


def interpretation_item(writer, when, policy_draft):
    name = policy_draft.fields["_name"]
    tasks = policy_draft.fields["_tasks"]
    subjects = policy_draft.fields["_subjects"]
    graphic = writer.rng.random() < 0.3
    title = (writer.pick((f"《{name}》政策解读", f"关于《{name}》的解读", f"一图读懂《{name}》" if graphic else f"《{name}》解读")))
    deputy_title, deputy = writer.deputy()
    body = [
        heading("一、起草背景"),
        para(f"为贯彻落实{'、'.join(writer.profile.laws)}和上级有关部署，进一步做好{subjects[0]}工作，{writer.org}在深入调研、广泛征求意见的基础上，"
             f"起草了《{name}》（{policy_draft.fields['document_number']}）。"),
        heading("二、主要内容"),
        para(f"《{name}》共分四个部分，明确了以下重点任务："),
        bullet_list(tasks),
        heading("三、政策亮点"),
        para("与以往相比，文件" + "，".join(writer.pick(HIGHLIGHTS, 2)) + "。"),
        heading("四、解读机关及联系方式"),
        para(f"解读机关：{writer.org}；解读人：{deputy_title}{deputy}；咨询电话：{writer.profile.phone}。"),
    ]
    if graphic:
        body.insert(0, ("image", f"图解《{name}》"))
    return Draft("interpretation", title, body, keywords=keywords("政策解读", *subjects[:2]), genre=Genre.INTERPRETATION,
                 source=writer.org, summary=f"对《{name}》的起草背景、主要内容和政策亮点进行解读。", policy_ref=policy_draft)
