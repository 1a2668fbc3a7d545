"""The text of a Wagtail document for the checks, read once per file content and kept (``AttachmentText``)."""

import shutil
import tempfile

from .attachments import CouldNotCheck, extract_text
from .models import AttachmentText


def _extract(document):
    try:
        path = document.file.path
    except NotImplementedError:  # remote storage: read a local copy
        with tempfile.NamedTemporaryFile(suffix="." + document.file_extension) as copy, document.file.open("rb") as source:
            shutil.copyfileobj(source, copy)
            copy.flush()
            return extract_text(copy.name, document.file_extension)
    return extract_text(path, document.file_extension)


def document_text(document) -> str:
    """Text of ``document`` (a Wagtail Document). Raises ``CouldNotCheck`` (also when remembered as unreadable).

    Results are kept by file hash; a failure that may pass on another try (time limit) is not kept.
    """
    try:
        file_hash = document.get_file_hash()
    except OSError as error:
        raise CouldNotCheck("附件文件不存在") from error
    kept = AttachmentText.objects.filter(file_hash=file_hash).first()
    if kept is None:
        try:
            text = _extract(document)
        except CouldNotCheck as error:
            if not error.permanent:
                raise
            kept = AttachmentText(file_hash=file_hash, readable=False, reason=str(error)[:200])
        else:
            kept = AttachmentText(file_hash=file_hash, text=text.replace("\x00", ""))
        AttachmentText.objects.update_or_create(
            file_hash=file_hash, defaults={"readable": kept.readable, "text": kept.text, "reason": kept.reason}
        )
    if not kept.readable:
        raise CouldNotCheck(kept.reason)
    return kept.text
