"""A small but complete county for the browser tests: every public page type, real publishing."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from departments.models import Leader, Organisation
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage, PolicyDocumentPage, PolicyInterpretationPage, ServiceGuidePage
from tests import factories

PARAGRAPH = (
    "<p>为深入贯彻落实党中央、国务院决策部署，进一步做好当前工作，会议听取了各乡镇、各部门工作情况汇报，"
    "研究部署下一阶段重点任务。会议强调，要坚持以人民为中心的发展思想，压紧压实工作责任，确保各项任务落地见效。</p>"
    "<p>会议要求，各单位要加强统筹协调，细化工作措施，建立工作台账，按时报送工作进展情况。"
    "对工作推进不力的单位，将予以通报。</p>"
)


def _document(title, filename, content):
    return Document.objects.create(title=title, file=ContentFile(content.encode("utf-8"), name=filename))


def build_county():
    """Returns a dict of the pages a test visits."""
    county = factories.county()
    education = factories.make_organisation(
        "示例县教育局", "jyj", short_name="教育局",
        address="示例县人民路88号", phone="0571-12345678", office_hours="工作日 8:30-12:00，14:30-17:30",
        responsibilities="<p>贯彻执行国家教育工作方针、政策和法律法规，统筹全县各级各类教育发展。</p>",
    )
    Leader.objects.create(organisation=education, name="李明", position="局长", duties="主持局全面工作。")
    agriculture = factories.make_organisation("示例县农业农村局", "nyncj", short_name="农业农村局")
    township = factories.make_organisation(
        "城关镇人民政府", "cgz", Organisation.Kind.TOWNSHIP, short_name="城关镇"
    )
    now = timezone.now()

    headlines = factories.column(county, ColumnKind.HEADLINES)
    for number in range(6):
        factories.publish(headlines, ArticlePage(
            title=f"县政府召开第{number + 12}次常务会议研究部署重点工作",
            summary="会议研究了安全生产、秋冬季农业生产和民生实事项目推进等工作。",
            body=[("paragraph", PARAGRAPH)], display_date=now - timedelta(days=number),
        ))
    notices = factories.column(county, ColumnKind.NOTICES)
    factories.publish(notices, ArticlePage(
        title="关于2025年度县级机关公开遴选公务员的公告", body=[("paragraph", PARAGRAPH)], display_date=now - timedelta(days=2),
    ))

    news = factories.column(education, ColumnKind.NEWS)
    article = factories.publish(news, ArticlePage(
        title="县教育局开展秋季学期校园安全大检查",
        summary="检查覆盖全县38所中小学和幼儿园，重点排查消防、食品和校车安全。",
        source="县教育局办公室", author="王芳",
        body=[
            ("paragraph", PARAGRAPH),
            ("table", {"data": [["学段", "学校数", "检查人次"], ["小学", "21", "86"], ["初中", "9", "40"], ["幼儿园", "8", "24"]],
                       "first_row_is_table_header": True, "first_col_is_header": False}),
            ("quote", {"text": "安全无小事，责任重于泰山。", "source": "县教育局局长 李明"}),
        ],
        display_date=now - timedelta(hours=3),
    ))
    for number in range(3):
        factories.publish(news, ArticlePage(
            title=f"全县中小学教师培训第{number + 1}期开班", body=[("paragraph", PARAGRAPH)],
            display_date=now - timedelta(days=3 + number),
        ))
    factories.publish(factories.column(agriculture, ColumnKind.NEWS), ArticlePage(
        title="县农业农村局部署秋冬种生产工作", body=[("paragraph", PARAGRAPH)], display_date=now - timedelta(days=1),
    ))
    factories.publish(factories.column(township, ColumnKind.NEWS), ArticlePage(
        title="城关镇开展人居环境整治百日攻坚行动", body=[("paragraph", PARAGRAPH)], display_date=now - timedelta(days=1),
    ))

    attachment = _document("示例县义务教育学校招生工作实施细则", "zsxz.pdf", "%PDF-1.4 示例附件内容" * 200)
    policy = factories.publish(factories.column(education, ColumnKind.POLICIES), PolicyDocumentPage(
        title="关于印发《示例县2025年义务教育招生入学工作方案》的通知", document_number="示教发〔2025〕7号",
        written_date=date.today() - timedelta(days=20), issuing_body="示例县教育局",
        body=[("paragraph", "<p>各乡镇中心学校、县直各学校：</p>" + PARAGRAPH)],
        attachments=[("attachment", {"document": attachment, "title": "示例县2025年义务教育招生入学工作方案"})],
        display_date=now - timedelta(days=19),
    ))
    interpretation = factories.publish(factories.column(education, ColumnKind.INTERPRETATIONS), PolicyInterpretationPage(
        title="一图读懂《示例县2025年义务教育招生入学工作方案》", policy=policy, source="县教育局",
        body=[("paragraph", PARAGRAPH)], display_date=now - timedelta(days=18),
    ))
    form = _document("入学申请表", "rxsqb.docx", "入学申请表" * 300)
    guide = factories.publish(factories.column(education, ColumnKind.GUIDES), ServiceGuidePage(
        title="义务教育阶段学生转学办理", service_name="义务教育阶段学生转学",
        applicants="在本县义务教育阶段学校就读、因户籍迁移或家庭住址变动需要转学的学生",
        conditions=[("paragraph", "<p>学生具有本县义务教育阶段学籍，转入学校有空余学位。</p>")],
        materials=[("material", {"name": "转学申请表", "form": "原件1份", "notes": "由监护人签字"}),
                   ("material", {"name": "户口簿或居住证", "form": "复印件1份", "notes": ""})],
        process=[("paragraph", "<ol><li>监护人向转入学校提出申请；</li><li>转入学校审核；</li><li>县教育局备案。</li></ol>")],
        legal_time_limit="20个工作日", promised_time_limit="5个工作日", fees="不收费",
        location="示例县政务服务中心二楼教育窗口", office_hours="工作日 9:00-17:00", phone="0571-12345678",
        forms=[("attachment", {"document": form, "title": "入学申请表"})],
        display_date=now - timedelta(days=30),
    ))
    return {
        "county": county, "education": education, "agriculture": agriculture, "township": township,
        "article": article, "policy": policy, "interpretation": interpretation, "guide": guide,
        "news_column": news, "headlines": headlines,
    }


def keys_of(pages):
    """``build_county()``'s result as ``{name: (model, primary key)}``, to keep beyond the objects' transaction."""
    return {name: (type(page), page.pk) for name, page in pages.items()}


def pages_from(keys):
    """The objects of :func:`keys_of`'s result, read afresh from the database."""
    return {name: model.objects.get(pk=pk) for name, (model, pk) in keys.items()}
