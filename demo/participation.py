"""政民互动 beyond the mailboxes in the demo county, through the real services.

Two consultations of the county government (one open with comments, one closed with its feedback report,
both published as pages and so catalogued) and one closed survey with published results. Comments are stored
by ``interaction.consultations.submission.submit_comment`` and survey answers by
``interaction.surveys.submission.submit_response`` at the historical moment they were written (``now=``);
moderation is the field staff set in the admin. Each comment carries a fixed one-time token and each survey
respondent a fixed token, so running the seed again finds what is stored and adds nothing.

``seed_demo`` publishes the consultations, the feedback report and the interviews as plans of the county
(``participation_plans``), in time order among its other items, because index serials must rise with the
recorded publication time (tests/demo); the survey, which is no catalogued page, is seeded after the build.
``seed_participation`` does all of it at once, for a county built otherwise (tests).
"""

import datetime
import functools
import random
from dataclasses import dataclass

from django.utils import timezone

from interaction.consultations.submission import submit_comment
from interaction.models import (
    ConsultationComment,
    ConsultationFeedbackPage,
    ConsultationPage,
    Survey,
    SurveyQuestion,
)
from interaction.surveys.submission import AlreadyAnswered, submit_response
from portal.column_kinds import ColumnKind
from portal.models import ColumnPage

from .builder import publish_at
from .interviews import (
    ANNOUNCED_DAYS_AGO,
    ARCHIVED_DAYS_AGO,
    publish_announced_interview,
    publish_archived_interview,
    seed_interviews,
)
from .schedule import ItemPlan

COMMENT_TOKEN = "demo-comment-"
RESPONDENT_TOKEN = "demo-respondent-"
OPEN_SLUG = "yqzj-yangquan"
CLOSED_SLUG = "yqzj-jiezhi"
SURVEY_TITLE = "城区公交线路优化网上调查"

OPEN_COMMENTS = [
    ("李明", "13912345678", "第五条养犬登记的办理时限太长，建议缩短为五个工作日，并可在网上办理。", True),
    ("", "", "建议明确禁止在城区饲养的犬只名录，并在社区公示。", True),
    ("王芳", "", "遛狗必须牵绳的规定很好，建议同时规定绳长不超过1.5米。", True),
    ("", "", "我的手机号13800001111，希望工作人员联系我说明登记流程。", False),
]
CLOSED_COMMENTS = [
    ("张伟", "", "建议对老年人办理居家养老服务补贴取消收入证明。", True),
    ("", "", "希望服务中心增加周末开放时间。", True),
    ("赵丽", "", "建议补贴标准每年随物价调整。", True),
]


@dataclass
class ParticipationReport:
    consultations: int = 0
    comments: int = 0
    feedback_reports: int = 0
    surveys: int = 0
    responses: int = 0
    interviews: int = 0
    interview_questions: int = 0
    record_entries: int = 0


def notices_column(organisation):
    return ColumnPage.objects.child_of(organisation.home_page).filter(kind=ColumnKind.NOTICES).first()


def ensure_consultation(column, slug, when, **fields):
    existing = ConsultationPage.objects.child_of(column).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    return publish_at(column, ConsultationPage(slug=slug, display_date=when, **fields), when), True


def add_comments(page, comments, key, report):
    for number, (name, phone, body, publish) in enumerate(comments):
        written = page.opens_at + datetime.timedelta(days=number + 1, hours=number)
        comment, duplicate = submit_comment(page, {"name": name, "phone": phone, "email": "", "body": body},
                                            submission_token=f"{COMMENT_TOKEN}{key}-{number}", now=written)
        if duplicate:
            continue
        report.comments += 1
        if publish:
            comment.status = ConsultationComment.Status.PUBLISHED
        else:
            comment.status = ConsultationComment.Status.WITHHELD
            comment.moderation_note = "内容为咨询个人事项，已转相关科室电话联系，不予公开。"
        comment.moderated_at = written + datetime.timedelta(days=1)
        comment.save()


CLOSED_DAYS_AGO, FEEDBACK_DAYS_AGO, OPEN_DAYS_AGO = 75, 30, 6


def publish_closed_consultation(county, now, report):
    """The closed consultation (opened 75 days ago, closed 45 days ago) and its comments."""
    column = notices_column(county)
    if column is None:
        return None
    closed_page, created = ensure_consultation(
        column, CLOSED_SLUG, now - datetime.timedelta(days=CLOSED_DAYS_AGO),
        title="关于公开征求《示例县居家养老服务补贴办法（征求意见稿）》意见的通知",
        summary="为完善居家养老服务补贴制度，现公开征求意见。",
        explanation="<p>本办法明确补贴对象、标准和申请程序，拟将80周岁以上老年人全部纳入补贴范围。</p>",
        legal_basis="《中华人民共和国老年人权益保障法》第三十七条",
        opens_at=now - datetime.timedelta(days=CLOSED_DAYS_AGO), closes_at=now - datetime.timedelta(days=45),
    )
    report.consultations += created
    add_comments(closed_page, CLOSED_COMMENTS, "closed", report)
    return closed_page


def publish_feedback_report(county, now, report):
    """The closed consultation's 意见采纳情况, published 30 days ago."""
    column = notices_column(county)
    closed_page = column and ConsultationPage.objects.child_of(column).filter(slug=CLOSED_SLUG).first()
    if closed_page is None or ConsultationFeedbackPage.objects.child_of(closed_page).exists():
        return
    reported_at = now - datetime.timedelta(days=FEEDBACK_DAYS_AGO)
    publish_at(closed_page, ConsultationFeedbackPage(
        display_date=reported_at, title="《示例县居家养老服务补贴办法》公开征求意见采纳情况",
        introduction="<p>征集期间通过网站、信函共收到意见4条，经研究，采纳2条，未采纳2条。</p>",
        comments_received=closed_page.citizen_comments.count() + 1,
        items=[
            ("item", {"opinion": "取消老年人申请补贴时提交的收入证明。", "decision": "adopted", "reason": ""}),
            ("item", {"opinion": "服务中心增加周末开放时间。", "decision": "adopted", "reason": ""}),
            ("item", {"opinion": "补贴标准每年随物价调整。", "decision": "not_adopted",
                      "reason": "补贴标准由县财政预算确定，按规定每三年评估调整一次，已在第九条明确。"}),
            ("item", {"opinion": "将补贴范围扩大到70周岁以上老年人。", "decision": "not_adopted",
                      "reason": "超出本县财力，将在下一轮评估时研究。"}),
        ],
    ), reported_at)
    report.feedback_reports += 1


def publish_open_consultation(county, now, report):
    """The open consultation (opened 6 days ago, closes in 24 days) and its first comments."""
    column = notices_column(county)
    if column is None:
        return
    open_page, created = ensure_consultation(
        column, OPEN_SLUG, now - datetime.timedelta(days=OPEN_DAYS_AGO),
        title="关于公开征求《示例县城区养犬管理办法（征求意见稿）》意见的通知",
        summary="为规范城区养犬行为，保障公民人身安全和环境卫生，现公开征求社会各界意见。",
        explanation="<p>近年来城区养犬数量增加，犬只扰民、伤人和污染环境等问题时有发生。起草单位在调研基础上起草了本办法，"
                    "重点规定养犬登记、文明养犬和违规处理。请重点就登记时限、禁养犬只范围提出意见。</p>",
        legal_basis="《中华人民共和国动物防疫法》第三十条；《浙江省动物防疫条例》",
        opens_at=now - datetime.timedelta(days=OPEN_DAYS_AGO), closes_at=now + datetime.timedelta(days=24),
        contact="信函请寄示例县司法局（邮编 330199），电子邮件 sfj@example.gov.cn",
    )
    report.consultations += created
    add_comments(open_page, OPEN_COMMENTS, "open", report)


def seed_consultations(county, now, report):
    publish_closed_consultation(county, now, report)
    publish_feedback_report(county, now, report)
    publish_open_consultation(county, now, report)


def seed_survey(organisation, now, report):
    survey = Survey.objects.filter(organisation=organisation, title=SURVEY_TITLE).first()
    if survey is None:
        survey = Survey.objects.create(
            organisation=organisation, title=SURVEY_TITLE, live=True,
            intro="为优化城区公交线路和班次，请您花两分钟填写本调查。调查不记录姓名。",
            opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=10),
        )
        SurveyQuestion.objects.create(survey=survey, sort_order=0, text="您多久乘坐一次城区公交？", kind="single",
                                      choices_text="每天\n每周几次\n每月几次\n很少乘坐")
        SurveyQuestion.objects.create(survey=survey, sort_order=1, text="您希望增加哪些方向的线路？（可多选）",
                                      kind="multiple", choices_text="城东工业园\n城西新区\n高铁站\n县人民医院",
                                      required=False)
        SurveyQuestion.objects.create(survey=survey, sort_order=2, text="其他建议", kind="text", required=False)
        report.surveys += 1
    questions = list(survey.questions.order_by("sort_order"))
    rng = random.Random(18)
    for number in range(60):
        single = rng.choices(range(4), weights=[3, 4, 2, 1])[0]
        picked = sorted(rng.sample(range(4), rng.randint(0, 3)))
        answers = [(questions[0], single, ""), *[(questions[1], choice, "") for choice in picked]]
        if number % 7 == 0:
            answers.append((questions[2], None, "希望末班车延长到晚上九点。"))
        try:
            submit_response(survey, f"{RESPONDENT_TOKEN}{number}", answers,
                            now=survey.opens_at + datetime.timedelta(hours=number * 7))
        except AlreadyAnswered:
            continue
        report.responses += 1
    if not survey.publish_results:
        survey.publish_results = True
        survey.save()


def seed_participation(county, survey_organisation=None, now=None):
    """Consultations, comments, a feedback report, a survey with results and two online interviews (one archived,
    one announced); returns a ParticipationReport."""
    now = now or timezone.now()
    report = ParticipationReport()
    seed_consultations(county, now, report)
    seed_survey(survey_organisation or county, now, report)
    seed_interviews(county, now, report)
    return report


def participation_plans(organisation, now, report):
    """The county's 政民互动 pages as builder plans (``demo.builder.build_demo(more_plans=…)``), each published at
    its own moment among the county's other items, so index serials keep rising with publication time.
    Other organisations get none. The survey is no catalogued page: ``seed_survey`` runs after the build."""
    if organisation.kind != organisation.Kind.COUNTY:
        return []
    steps = [
        (CLOSED_DAYS_AGO, publish_closed_consultation),
        (FEEDBACK_DAYS_AGO, publish_feedback_report),
        (ARCHIVED_DAYS_AGO, publish_archived_interview),
        (OPEN_DAYS_AGO, publish_open_consultation),
        (ANNOUNCED_DAYS_AGO, publish_announced_interview),
    ]
    return [ItemPlan(kind=ColumnKind.NOTICES, when=now - datetime.timedelta(days=days), age=days,
                     publish=functools.partial(step, organisation, now, report)) for days, step in steps]


def summary_line(report):
    return (f"政民互动：新建意见征集 {report.consultations} 次、意见 {report.comments} 条、意见采纳情况 "
            f"{report.feedback_reports} 份，网上调查 {report.surveys} 次、答卷 {report.responses} 份，"
            f"在线访谈 {report.interviews} 期、网友提问 {report.interview_questions} 条、实录 {report.record_entries} 段。")
