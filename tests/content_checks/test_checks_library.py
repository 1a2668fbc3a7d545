"""The library of checks: each kind of problem is found in page text, StreamField blocks and attachments."""

import pytest

from content_checks.models import FindingKind, Severity
from content_checks.runner import check_page, check_text
from disclosure.id_numbers import make_id_number
from portal.models import ArticlePage, PolicyDocumentPage
from tests import factories
from tests.content_checks import builders

pytestmark = pytest.mark.django_db

ID_NUMBER = make_id_number("33010619850312123")


def kinds(results):
    return sorted((result.kind, result.severity) for result in results)


def article(body_html, **fields):
    return ArticlePage(title=fields.pop("title", "资助名单公示"), body=[("paragraph", body_html)], **fields)


def test_a_valid_id_number_in_the_body_blocks_and_is_masked_in_the_finding():
    results = check_page(article(f"<p>王小明，身份证号 {ID_NUMBER}，资助 2000 元。</p>"), attachments=False)
    assert kinds(results) == [(FindingKind.PERSONAL_DATA, Severity.BLOCK)]
    finding = results[0]
    assert ID_NUMBER not in finding.excerpt and ID_NUMBER not in finding.message and ID_NUMBER not in finding.key
    assert f"{ID_NUMBER[:4]}**********{ID_NUMBER[-4:]}" in finding.excerpt
    assert finding.field_name == "body" and "正文" in finding.location


def test_a_masked_id_number_and_an_invalid_one_are_fine():
    wrong = ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1")
    assert check_text(f"身份证号 3301**********1239，编号 {wrong}") == []


def test_one_contact_mobile_warns_but_a_list_of_mobiles_blocks():
    one = check_page(article("<p>联系人：李老师，13812345678。</p>"), attachments=False)
    assert kinds(one) == [(FindingKind.PERSONAL_DATA, Severity.WARN)]
    many = check_page(article("<p>张三 13812345678</p><p>李四 13912345678</p><p>王五 13712345678</p>"), attachments=False)
    assert kinds(many) == [(FindingKind.PERSONAL_DATA, Severity.BLOCK)] * 3


def test_bank_card_numbers_in_a_table_block_are_found():
    page = ArticlePage(title="补贴发放", body=[("table", {"data": [["姓名", "卡号"], ["王小明", "6222021234567890128"]]})])
    results = check_page(page, attachments=False)
    assert kinds(results) == [(FindingKind.PERSONAL_DATA, Severity.BLOCK)]
    assert results[0].rule == "银行卡号"


def test_a_sensitive_word_is_found_through_spaces_punctuation_and_full_width_forms():
    builders.word("示例禁词", category="banned", suggestion="规范说法")
    builders.word("ＶＩＰ通道", severity="warn", category="advertising")
    for text in ("这是示例禁词。", "这是示 例·禁　词。", "这是示例禁\u200b词"):
        results = check_text(text)
        assert [(r.kind, r.rule) for r in results] == [(FindingKind.SENSITIVE_WORD, "示例禁词")], text
        assert "规范说法" in results[0].message
    results = check_text("开设vip 通道")
    assert [(r.kind, r.severity) for r in results] == [(FindingKind.SENSITIVE_WORD, Severity.WARN)]
    assert results[0].position == 2


def test_a_word_added_today_is_found_by_the_next_check():
    assert check_text("出现了新的问题词") == []
    builders.word("问题词")
    assert [r.rule for r in check_text("出现了新的问题词")] == ["问题词"]


def test_a_wrong_form_of_a_fixed_formulation_is_a_typo():
    builders.typo("两个维护", "两个维护")  # a pair whose forms fold alike is ignored, not matched everywhere
    builders.typo("中华人民共和国政府信息公开条理", "中华人民共和国政府信息公开条例")
    results = check_text("依据《中华人民共和国政府信息公开条理》第二十条")
    assert [(r.kind, r.severity, r.rule) for r in results] == [
        (FindingKind.TYPO, Severity.BLOCK, "中华人民共和国政府信息公开条例")]
    assert check_text("依据《中华人民共和国政府信息公开条例》") == []


def test_a_leader_named_with_someone_elses_title_or_a_wrong_character_blocks(county, department):
    builders.leader(county, "赵建国", "县委副书记、县长")
    builders.leader(county, "钱卫东", "副县长")
    builders.leader(department, "孙明远", "党组书记、局长")
    assert check_text("县长赵建国主持会议，副县长钱卫东出席。局长孙明远汇报。") == []
    wrong_title = check_text("副县长赵建国主持会议。")
    assert [(r.kind, r.severity) for r in wrong_title] == [(FindingKind.WORDING, Severity.BLOCK)]
    assert "县委副书记、县长" in wrong_title[0].message or "县长、县委副书记" in wrong_title[0].message
    wrong_name = check_text("县长赵健国主持会议。")
    assert [(r.kind, r.message) for r in wrong_name] == [(FindingKind.WORDING, "领导姓名疑似写错：“县长赵健国”应为“县长赵建国”")]
    # Someone else's name after a title is not a misspelling of a leader's name.
    assert check_text("县长助理王芳") == []


def test_a_registered_organisation_name_with_a_wrong_character_is_a_typo(county, department):
    assert department.name == "示例县教育局"
    results = check_text("示例县教肓局发布通知")
    assert [(r.kind, r.rule) for r in results] == [(FindingKind.TYPO, "示例县教育局")]
    assert check_text("示例县教育局发布通知，示例县财政局配合") == []


def test_links_to_unpublished_or_missing_pages_and_deleted_documents_warn(department):
    column = factories.column(department)
    live = factories.article(column, title="已发布")
    draft = ArticlePage(title="草稿页面", body=[("paragraph", "<p>草稿</p>")], live=False)
    column.add_child(instance=draft)
    page = article(
        f'<p><a linktype="page" id="{live.pk}">好</a> <a linktype="page" id="{draft.pk}">草稿</a>'
        f' <a linktype="page" id="999999">没了</a> <a linktype="document" id="888888">附件</a></p>'
    )
    results = check_page(page, attachments=False)
    assert kinds(results) == [(FindingKind.BROKEN_LINK, Severity.WARN)] * 3
    assert any("《草稿页面》未发布" in r.message for r in results)


def test_personal_data_and_words_inside_attached_pdf_docx_xlsx_and_text_files():
    builders.word("示例禁词")
    documents = [
        builders.document("list.pdf", builders.pdf_bytes(f"Wang {ID_NUMBER}")),
        builders.document("list.docx", builders.docx_bytes("资助名单", table=[["王小明", ID_NUMBER]])),
        builders.document("list.xlsx", builders.xlsx_bytes([["姓名", "身份证号"], ["王小明", ID_NUMBER]])),
        builders.document("note.txt", "说明：示例禁词".encode("gb18030")),
    ]
    page = PolicyDocumentPage(
        title="资助名单", body=[("paragraph", "<p>见附件。</p>")],
        attachments=[("attachment", {"document": doc, "title": ""}) for doc in documents],
    )
    results = check_page(page)
    found = sorted((r.document_id, r.kind) for r in results)
    assert found == sorted([(documents[0].pk, FindingKind.PERSONAL_DATA), (documents[1].pk, FindingKind.PERSONAL_DATA),
                            (documents[2].pk, FindingKind.PERSONAL_DATA), (documents[3].pk, FindingKind.SENSITIVE_WORD)])
    assert all(ID_NUMBER not in r.excerpt for r in results)
    assert results[0].location.startswith("附件《")


def test_a_shorter_name_followed_by_the_next_word_is_not_a_misspelt_leader(county, department):
    """The demo county's scheduled news were refused: "副局长张伟主持" read as a misspelt 张伟平."""
    builders.leader(department, "张伟平", "副局长")
    builders.leader(county, "赵建国", "县长")
    for text in ("副局长张伟主持会议。", "副局长张伟出席并讲话。", "县长赵建在会上讲话。", "县长赵建等一行到城关镇调研。",
                 "副局长张伟同志带队检查。"):
        assert check_text(text) == [], text
    # A wrong character inside the name, or a wrong last character that starts no word, still blocks.
    for text, wrong in (("副局长张为平主持会议。", "副局长张为平"), ("副局长张伟萍主持会议。", "副局长张伟萍"),
                        ("县长赵健国出席。", "县长赵健国")):
        results = check_text(text)
        assert [(r.kind, r.severity) for r in results] == [(FindingKind.WORDING, Severity.BLOCK)], text
        assert f"“{wrong}”" in results[0].message
