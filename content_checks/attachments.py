"""Text of attached documents (PDF, DOCX, XLSX, plain text), read within a size, memory and time limit.

Attachments come from many hands: huge scans, encrypted PDFs, files that are not what their name says,
and ZIP bombs disguised as DOCX. Each file is read in a child process with a time limit
(``CONTENT_CHECKS_ATTACHMENT_SECONDS``) and an address-space limit, after a size check
(``CONTENT_CHECKS_ATTACHMENT_MAX_BYTES``) and, for the ZIP-based formats, a check of the declared
uncompressed size and compression ratio. Anything that fails raises ``CouldNotCheck`` with a reason an
editor understands; the caller turns it into an "unchecked" finding. Nothing here can hang a worker.
Libraries: pypdf, python-docx, openpyxl (maintained, pure Python or wheels).
"""

import multiprocessing
import os
import resource
import zipfile

# Imported here, in the parent, so that each forked reader starts with them loaded.
import docx
import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

TEXT_EXTENSIONS = {"txt", "csv"}
READABLE_EXTENSIONS = {"pdf", "docx", "xlsx"} | TEXT_EXTENSIONS
ZIP_EXTENSIONS = {"docx", "xlsx"}


class CouldNotCheck(Exception):
    """The file could not be read; ``str(error)`` is the reason, in Chinese.

    ``permanent`` is False when another try may succeed (a time limit hit on a busy machine).
    """

    def __init__(self, reason, permanent=True):
        super().__init__(reason)
        self.permanent = permanent


def limits():
    return {
        "max_bytes": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_MAX_BYTES", 50 * 1024 * 1024),
        "max_unzipped": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_MAX_UNZIPPED_BYTES", 200 * 1024 * 1024),
        "max_ratio": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_MAX_RATIO", 100),
        "max_chars": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_MAX_CHARS", 2_000_000),
        "seconds": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_SECONDS", 20),
        "memory": getattr(settings, "CONTENT_CHECKS_ATTACHMENT_MEMORY_BYTES", 1024 * 1024 * 1024),
    }


def _check_zip(path, max_unzipped, max_ratio):
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise CouldNotCheck(_("文件已损坏或不是它的扩展名所示的格式")) from error
    unzipped = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unzipped > max_unzipped or unzipped / packed > max_ratio:
        raise CouldNotCheck(_("文件解压后异常庞大（疑似压缩炸弹），未检查"))


def _read_pdf(path, max_chars):
    reader = PdfReader(path)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise CouldNotCheck(_("PDF 已加密，无法读取内容"))
        except (FileNotDecryptedError, NotImplementedError, DependencyError) as error:
            raise CouldNotCheck(_("PDF 已加密，无法读取内容")) from error
    parts, total = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    return "\n".join(parts)


def _read_docx(path, max_chars):
    document = docx.Document(path)
    parts, total = [], 0
    for paragraph in document.paragraphs:
        parts.append(paragraph.text)
        total += len(paragraph.text)
        if total >= max_chars:
            return "\n".join(parts)
    for table in document.tables:
        for row in table.rows:
            line = "\t".join(cell.text for cell in row.cells)
            parts.append(line)
            total += len(line)
            if total >= max_chars:
                return "\n".join(parts)
    return "\n".join(parts)


def _read_xlsx(path, max_chars):
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    parts, total = [], 0
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                line = "\t".join("" if value is None else str(value) for value in row)
                if line.strip():
                    parts.append(line)
                    total += len(line)
                if total >= max_chars:
                    return "\n".join(parts)
    finally:
        workbook.close()
    return "\n".join(parts)


def _read_text(path, max_chars):
    with open(path, "rb") as handle:
        raw = handle.read(max_chars * 4)
    if b"\x00" in raw[:8192]:
        raise CouldNotCheck(_("文件不是文本文件"))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CouldNotCheck(_("文件不是可识别编码的文本"))


READERS = {"pdf": _read_pdf, "docx": _read_docx, "xlsx": _read_xlsx, "txt": _read_text, "csv": _read_text}


def _child(connection, path, extension, max_chars, memory):
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        text = READERS[extension](path, max_chars)
        connection.send(("ok", text[:max_chars]))
    except CouldNotCheck as error:
        connection.send(("failed", str(error)))
    except MemoryError:
        connection.send(("failed", _("文件内容过大，超出检查的内存上限")))
    except Exception:  # noqa: BLE001 - any parser failure on a hostile file is "could not check"
        connection.send(("failed", _("文件已损坏或不是它的扩展名所示的格式")))
    finally:
        connection.close()


def extract_text(path: str, extension: str) -> str:
    """The text of the file at ``path`` (``extension`` without the dot, lower case).

    Raises ``CouldNotCheck`` for unsupported formats, files over the size limit, ZIP bombs, encrypted
    or malformed files, and reading that takes longer than the time limit.
    """
    extension = extension.lower().lstrip(".")
    if extension not in READABLE_EXTENSIONS:
        raise CouldNotCheck(_("“.%(ext)s”格式暂不能自动检查，请人工核查") % {"ext": extension})
    settings_ = limits()
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise CouldNotCheck(_("附件文件不存在")) from error
    if size > settings_["max_bytes"]:
        raise CouldNotCheck(
            _("文件过大（%(mb).1f MB），超过检查上限 %(limit).0f MB") % {"mb": size / 1048576, "limit": settings_["max_bytes"] / 1048576}
        )
    if extension in ZIP_EXTENSIONS:
        _check_zip(path, settings_["max_unzipped"], settings_["max_ratio"])
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, path, extension, settings_["max_chars"], settings_["memory"]), daemon=True
    )
    process.start()
    sender.close()
    try:
        if not receiver.poll(settings_["seconds"]):
            raise CouldNotCheck(_("读取超时（超过 %(s)s 秒），未检查") % {"s": settings_["seconds"]}, permanent=False)
        try:
            status, payload = receiver.recv()
        except EOFError as error:
            raise CouldNotCheck(_("文件已损坏或不是它的扩展名所示的格式")) from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(1)
    if status != "ok":
        raise CouldNotCheck(payload)
    return payload
