"""在线访谈 in the demo county, through the real services: one archived interview with its record and one announced.

Pages are published with ``builder.publish_at`` at their historical moment; citizens' questions go through
``interaction.interviews.submission.submit_question`` with fixed one-time tokens, the live record through
``interaction.interviews.record.append_entry`` at the moments it was posted, and archiving is the page field
an editor ticks before publishing again. Running the seed again finds the pages by address and the questions
by token, and adds nothing.
"""

import datetime
import hashlib
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from disclosure.catalogue.registration import importing_history
from interaction.interviews.record import append_entry
from interaction.interviews.submission import submit_question
from interaction.models import InterviewGuest, InterviewPage, InterviewQuestion, InterviewRecordEntry
from portal.column_kinds import ColumnKind
from portal.models import ColumnPage

from .builder import publish_at

QUESTION_TOKEN = "demo-interview-question-"
ARCHIVED_SLUG = "zxft-yingshang"
ANNOUNCED_SLUG = "zxft-yanglao"

ARCHIVED_GUESTS = [("陈志强", "县发展和改革局局长"), ("刘敏", "县行政审批服务中心主任")]
ANNOUNCED_GUESTS = [("周华", "县民政局局长")]
ARCHIVED_QUESTIONS = [
    ("李明", "新办一家餐饮店，从申请到拿到营业执照需要几天？", True),
    ("", "项目审批还要跑几个窗口？能不能一次办好？", True),
    ("", "我的手机号13800001111，请工作人员联系我说一下我家的补贴。", False),
]
# (kind, guest index or None, question index or None, text)
ARCHIVED_RECORD = [
    ("host", None, None, "各位网友，大家好！欢迎收看本期在线访谈。今天我们邀请到县发展和改革局陈志强局长、县行政审批服务中心刘敏主任，"
                         "和大家交流优化营商环境的有关情况。"),
    ("question", None, None, "陈局长，请您先介绍一下今年我县优化营商环境的主要举措。"),
    ("answer", 0, None, "今年我们重点做了三件事：一是企业开办全流程一个工作日办结；二是工程建设项目审批压缩到四十个工作日以内；"
                        "三是设立企业服务专线，企业反映的问题三个工作日内答复。"),
    ("question", None, 0, ""),
    ("answer", 1, None, "餐饮店属于需要食品经营许可的行业。营业执照当天可以拿到，食品经营许可在材料齐全的情况下五个工作日内办结，"
                        "可以在中心“一件事”窗口一次提交。"),
    ("question", None, 1, ""),
    ("answer", 1, None, "中心已经实行“前台综合受理、后台分类审批、统一窗口出件”，大部分项目只需要跑一个窗口。"),
    ("host", None, None, "由于时间关系，本期访谈到此结束。感谢两位嘉宾，感谢各位网友的关注！"),
]


def interpretations_column(organisation):
    return ColumnPage.objects.child_of(organisation.home_page).filter(kind=ColumnKind.INTERPRETATIONS).first()


def portrait(name, collection):
    """A neutral silhouette (no real face) standing in for a guest's photo; one image per guest name."""
    Image = get_image_model()
    title = f"访谈嘉宾照片（示意）：{name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (320, 400), (226, 221, 211))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((100, 60, 220, 180), fill=(150, 140, 128))
    draw.rounded_rectangle((50, 200, 270, 420), radius=90, fill=(150, 140, 128))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85)
    return Image.objects.create(title=title, collection=collection, description=f"示意照片：访谈嘉宾{name}的剪影",
                                file_size=len(data.getvalue()),
                                file=ImageFile(io.BytesIO(data.getvalue()), name=f"guest-{hashlib.md5(name.encode()).hexdigest()[:8]}.jpg"))


def ensure_interview(column, slug, when, guests, collection, **fields):
    existing = InterviewPage.objects.child_of(column).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = InterviewPage(slug=slug, display_date=when, guests=[
        InterviewGuest(name=name, title=title, sort_order=number, photo=portrait(name, collection))
        for number, (name, title) in enumerate(guests)], **fields)
    return publish_at(column, page, when), True


ARCHIVED_DAYS_AGO, ANNOUNCED_DAYS_AGO = 20, 2


def afternoon_of(now):
    """Interviews are held in office hours: 15:00 Beijing time (13 days ago and 5 days from ``now``)."""
    return timezone.localtime(now).replace(hour=15, minute=0, second=0, microsecond=0)


def seed_interviews(county, now, report):
    """The archived interview (questions, record, archive) and the announced one; counts go into ``report``."""
    publish_archived_interview(county, now, report)
    publish_announced_interview(county, now, report)


def publish_archived_interview(county, now, report):
    """The interview held 13 days ago: announced 20 days ago, citizens' questions, the record, archived."""
    column = interpretations_column(county)
    if column is None:
        return
    afternoon = afternoon_of(now)
    archived, created = ensure_interview(
        column, ARCHIVED_SLUG, now - datetime.timedelta(days=ARCHIVED_DAYS_AGO), ARCHIVED_GUESTS, county.collection,
        title="“优化营商环境 服务企业发展”在线访谈",
        summary="县发展和改革局、县行政审批服务中心负责人在线解答企业开办、项目审批等问题。",
        intro="<p>围绕企业开办、工程建设项目审批和企业服务，与网友在线交流。欢迎网友提前提问。</p>",
        starts_at=afternoon - datetime.timedelta(days=13), ends_at=afternoon - datetime.timedelta(days=13) + datetime.timedelta(hours=1),
        venue="县政府新闻发布厅",
    )
    report.interviews += created
    questions = []
    for number, (name, body, publish) in enumerate(ARCHIVED_QUESTIONS):
        written = archived.starts_at - datetime.timedelta(days=5 - number)
        # The token is looked up first, so a second run finds the question even though the interview is archived.
        question, duplicate = submit_question(archived, {"name": name, "phone": "", "email": "", "body": body},
                                              submission_token=f"{QUESTION_TOKEN}{number}", now=written)
        questions.append(question)
        if duplicate:
            continue
        report.interview_questions += 1
        question.status = InterviewQuestion.Status.PUBLISHED if publish else InterviewQuestion.Status.WITHHELD
        if not publish:
            question.moderation_note = "内容为个人事项，已转县民政局电话联系，不予公开。"
        question.moderated_at = written + datetime.timedelta(hours=2)
        question.save()
    if not archived.record_entries.exists():
        guests = list(archived.guests.order_by("sort_order"))
        for number, (kind, guest, question, text) in enumerate(ARCHIVED_RECORD):
            append_entry(InterviewRecordEntry(
                interview=archived, kind=kind, text=text,
                guest=guests[guest] if guest is not None else None,
                question=questions[question] if question is not None else None,
            ), now=archived.starts_at + datetime.timedelta(minutes=3 * number + 1))
            report.record_entries += 1
    if not archived.archived:
        archived_at = archived.ends_at + datetime.timedelta(days=1)
        archived.archived = True
        with importing_history(archived_at):
            revision = archived.save_revision(clean=False)
            revision.publish()
        # Recorded at the historical moment everywhere, as publish_at does for a first publication.
        Page.objects.filter(pk=archived.pk).update(last_published_at=archived_at, latest_revision_created_at=archived_at)
        Revision.objects.filter(pk=revision.pk).update(created_at=archived_at)


def publish_announced_interview(county, now, report):
    """The interview announced 2 days ago, held 5 days from ``now``: questions are being collected."""
    column = interpretations_column(county)
    if column is None:
        return
    afternoon = afternoon_of(now)
    announced, created = ensure_interview(
        column, ANNOUNCED_SLUG, now - datetime.timedelta(days=ANNOUNCED_DAYS_AGO), ANNOUNCED_GUESTS, county.collection,
        title="“居家养老服务补贴政策解读”在线访谈预告",
        summary="县民政局负责人将在线解读居家养老服务补贴政策，现征集网友提问。",
        intro="<p>《示例县居家养老服务补贴办法》即将施行。访谈将介绍补贴对象、标准和申请程序，欢迎网友提前提问。</p>",
        starts_at=afternoon + datetime.timedelta(days=5),
        ends_at=afternoon + datetime.timedelta(days=5, hours=1, minutes=30),
        venue="县政府新闻发布厅",
    )
    report.interviews += created
