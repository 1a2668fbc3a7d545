"""Hostile or broken attachments give an "unchecked" finding within a size and time limit, never a crash."""

import time

import pytest

from content_checks import attachments
from content_checks.attachments import CouldNotCheck, extract_text
from content_checks.models import AttachmentText, FindingKind, Severity
from content_checks.runner import check_page
from portal.models import PolicyDocumentPage
from tests.content_checks import builders


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def reason(path, extension):
    with pytest.raises(CouldNotCheck) as caught:
        extract_text(path, extension)
    return str(caught.value)


def test_an_encrypted_pdf_could_not_be_checked(tmp_path):
    assert "已加密" in reason(write(tmp_path, "a.pdf", builders.encrypted_pdf_bytes("secret text")), "pdf")


def test_a_malformed_pdf_or_a_binary_file_named_pdf_could_not_be_checked(tmp_path):
    assert "已损坏" in reason(write(tmp_path, "a.pdf", b"%PDF-1.4\n1 0 obj <<< garbage"), "pdf")
    assert "已损坏" in reason(write(tmp_path, "b.pdf", bytes(range(256)) * 64), "pdf")


def test_a_zip_bomb_disguised_as_docx_is_refused_before_unpacking(tmp_path, settings):
    settings.CONTENT_CHECKS_ATTACHMENT_MAX_UNZIPPED_BYTES = 10 * 1024 * 1024
    path = write(tmp_path, "bomb.docx", builders.zip_bomb_docx_bytes(20 * 1024 * 1024))
    started = time.monotonic()
    assert "压缩炸弹" in reason(path, "docx")
    assert time.monotonic() - started < 2


def test_a_docx_that_is_not_a_zip_and_a_binary_txt_could_not_be_checked(tmp_path):
    assert "已损坏" in reason(write(tmp_path, "a.docx", b"not a zip at all"), "docx")
    assert "不是文本" in reason(write(tmp_path, "a.txt", b"\x00\x01\x02binary"), "txt")


def test_a_file_over_the_size_limit_is_not_read(tmp_path, settings):
    settings.CONTENT_CHECKS_ATTACHMENT_MAX_BYTES = 1024
    assert "文件过大" in reason(write(tmp_path, "big.txt", b"a" * 4096), "txt")


def test_reading_that_takes_too_long_is_stopped(tmp_path, settings, monkeypatch):
    settings.CONTENT_CHECKS_ATTACHMENT_SECONDS = 0.5
    monkeypatch.setitem(attachments.READERS, "txt", lambda path, max_chars: time.sleep(30))
    started = time.monotonic()
    with pytest.raises(CouldNotCheck) as caught:
        extract_text(write(tmp_path, "slow.txt", b"hello"), "txt")
    assert "超时" in str(caught.value) and not caught.value.permanent
    assert time.monotonic() - started < 5


def test_an_unsupported_format_is_named_in_the_reason(tmp_path):
    assert ".wps" in reason(write(tmp_path, "a.wps", b"x"), "wps")


@pytest.mark.django_db
def test_a_page_with_an_unreadable_attachment_gets_an_unchecked_warning_and_the_result_is_kept():
    bad = builders.document("scan.pdf", builders.encrypted_pdf_bytes("x"), title="扫描件")
    page = PolicyDocumentPage(title="通知", body=[("paragraph", "<p>见附件</p>")],
                              attachments=[("attachment", {"document": bad, "title": ""})])
    results = check_page(page)
    assert [(r.kind, r.severity, r.document_id) for r in results] == [(FindingKind.UNCHECKED, Severity.WARN, bad.pk)]
    assert "附件《扫描件》未能检查" in results[0].message
    assert AttachmentText.objects.get(file_hash=bad.file_hash).readable is False
