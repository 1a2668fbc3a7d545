"""Clicks, typed fields and screens a department editor needs from 添加 to 提交审核 (issue: fewer clicks).

    .venv/bin/python benchmarks/editor_clicks.py                 # scratch database, the small demo county
    .venv/bin/python benchmarks/editor_clicks.py --keep-server   # leave the server running afterwards (Ctrl-C)

Builds a scratch database (``migrate`` + ``seed_demo --small``: 教育局 and its editor ``jyj_editor``), serves it
with ``manage.py runserver`` on 127.0.0.1, and drives the Wagtail admin in headless Chromium (Playwright): from
the 教育局's 工作动态 column listing, 添加子页面, the article type, title and a paragraph, an image uploaded in the
image chooser into an image block with its 替代文字, a PDF uploaded in the document chooser into an attachment
block, and 提交审核. Prints each step and the totals, then checks the page is in moderation.

What is counted (``Tally``): a *click* is a pointer press on a control (link, button, tab, menu entry); a
*typed field* is a field the editor types into (clicking into it first is not counted again); a *file pick*
is choosing a file in the browser's file dialog; a *screen* is a full page load or a chooser dialog opening.
Logging in is not counted; the walk starts on the column's listing, where an editor adds an article.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
# A one-page PDF, the smallest file the document chooser accepts (the picture is drawn by Pillow).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@dataclass
class Tally:
    """What the walk cost the editor; ``steps`` lists ``(kind, what)`` in order."""

    clicks: int = 0
    typed_fields: int = 0
    file_picks: int = 0
    page_loads: int = 0
    dialogs: int = 0
    steps: list = field(default_factory=list)

    @property
    def screens(self):
        return self.page_loads + self.dialogs

    def summary(self):
        return (f"clicks {self.clicks}, typed fields {self.typed_fields}, file picks {self.file_picks}; "
                f"screens {self.screens} ({self.page_loads} page loads, {self.dialogs} chooser dialogs)")


class Editor:
    """A Playwright page that counts what the editor does on it (``Tally``)."""

    def __init__(self, page, tally):
        self.page = page
        self.tally = tally
        page.on("load", self._loaded)  # full loads only: the admin's autosave rewrites the address in place

    def _loaded(self, page):
        self.tally.page_loads += 1
        self.tally.steps.append(("screen", page.url))

    def click(self, locator, what):
        locator.click()
        self.tally.clicks += 1
        self.tally.steps.append(("click", what))

    def type_into(self, locator, text, what):
        locator.fill(text)
        self.tally.typed_fields += 1
        self.tally.steps.append(("type", what))

    def pick_file(self, locator, path, what):
        locator.set_input_files(str(path))
        self.tally.file_picks += 1
        self.tally.steps.append(("file", what))

    def dialog_opened(self, what):
        self.page.locator(".modal-dialog:visible").first.wait_for(state="visible")
        self.tally.dialogs += 1
        self.tally.steps.append(("screen", what))


def write_files(folder):
    """A picture and an attachment to upload: (png_path, pdf_path) in ``folder``."""
    folder = Path(folder)
    image, document = folder / "xiaoyuan-anquan.png", folder / "jiancha-fangan.pdf"
    from PIL import Image

    shade = random.randrange(256 ** 3)  # a new picture each run: the chooser would stop on a duplicate
    Image.new("RGB", (640, 360), (shade >> 16, (shade >> 8) & 255, shade & 255)).save(image)
    document.write_bytes(PDF + f"% {random.randrange(10 ** 9)}\n".encode())
    return image, document


def add_article(editor, base_url, column_id, image_path, document_path, title):
    """Walk from the column listing to 提交审核; returns the admin URL the editor lands on.

    ``editor`` must be logged in as someone who may add pages in the column but not publish them.
    """
    page = editor.page
    page.goto(f"{base_url}/admin/pages/{column_id}/")
    editor.tally.page_loads -= 1  # the starting screen is where the editor already is
    editor.tally.steps.pop()
    editor.click(page.locator(f'header a[href$="/admin/pages/{column_id}/add_subpage/"]').first, "添加子页面")
    page.wait_for_load_state()
    if "/add_subpage/" in page.url:
        editor.click(page.locator('a[href*="/pages/add/portal/articlepage/"]').first, "页面类型：文章")
        page.wait_for_load_state()
    page.locator("#id_title").wait_for()
    editor.type_into(page.locator("#id_title"), title, "标题")

    body = page.locator("#panel-child-content-body-content, [data-contentpath=body]").first
    if not body.locator("[contenteditable=true]").count():  # a new article may open with a paragraph ready
        editor.click(body.locator("button.c-sf-add-button").last, "正文：插入块")
        editor.click(block_option(page, "正文"), "正文：正文段落")
    paragraph = body.locator("[contenteditable=true]").last
    paragraph.click()
    paragraph.type("为切实保障师生安全，县教育局定于本月开展校园安全大检查，检查方案见附件。")
    editor.tally.typed_fields += 1
    editor.tally.steps.append(("type", "正文：段落文字"))

    editor.click(body.locator("button.c-sf-add-button").last, "正文：插入块")
    editor.click(block_option(page, "图片"), "正文：图片")
    editor.click(chooser_button(body, "image"), "选择图片")
    editor.dialog_opened("图片选择器")
    upload_in_chooser(editor, image_path, "图片")
    body.locator("[data-contentpath=image] .chooser__title, .chooser__title").last.wait_for()
    editor.type_into(body.locator('input[name$="-value-alt_text"]').last, "检查组在实验小学检查消防设施", "替代文字")

    editor.click(body.locator("button.c-sf-add-button").last, "正文：插入块")
    editor.click(block_option(page, "附件"), "正文：附件")
    editor.click(chooser_button(body, "document"), "选择文档")
    editor.dialog_opened("文档选择器")
    upload_in_chooser(editor, document_path, "文档")

    # The admin autosaves the draft as the editor works; a person pauses before the last click, so the walk
    # lets a save in flight finish (else 提交审核 would post the add form a second time and make a copy).
    page.wait_for_load_state("networkidle")
    submit = page.locator('button[name="action-submit"]')
    if not submit.is_visible():
        editor.click(page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last, "保存菜单")
    editor.click(submit, "提交审核")
    page.wait_for_load_state()
    return page.url


def chooser_button(body, field_name):
    """The 选择 button of the empty chooser named ``field_name`` (``image``, ``document``) in the body.

    Found by the block's field, not by position: a filled chooser keeps its hidden 选择 button in the page, so
    "the last chooser button" is the wrong one whenever the new block has not been drawn yet.
    """
    return body.locator(f'[data-contentpath="{field_name}"] .chooser.blank button.chooser__choose-button').last


def block_option(page, label):
    """The entry ``label`` of the open 插入块 menu."""
    return page.locator(".w-combobox__option:visible").filter(
        has=page.locator(".w-combobox__option-text", has_text=label)).first


def upload_in_chooser(editor, path, kind):
    """In an open image or document chooser: the 上传 tab if the chooser opens elsewhere, the file, 上传."""
    page = editor.page
    dialog = page.locator(".modal-dialog:visible").first
    file_input = dialog.locator('input[type="file"]')
    if not file_input.is_visible():
        editor.click(dialog.get_by_role("tab", name="上传").or_(dialog.locator('a[href="#upload"]')).first, f"{kind}：上传标签")
    editor.pick_file(file_input, path, f"{kind}：选择文件")
    title = dialog.locator('input[name$="title"]').first
    if title.count():  # the chooser fills the title in from the file name; an editor sees it before pressing 上传
        page.wait_for_function("element => element.value !== ''", arg=title.element_handle())
    editor.click(dialog.locator('form button[type="submit"], form input[type="submit"]').last, f"{kind}：上传")
    dialog.wait_for(state="hidden")


def walk(base_url, username, password, column_id, title="县教育局部署开展校园安全大检查", browser=None):
    """Log in (not counted), add the article with an image and an attachment, submit; returns (Tally, final URL).

    ``browser`` is a Playwright Chromium to open the page in; without one, a headless one is started.
    """
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        image, document = write_files(folder)
        if browser is not None:
            return tally, _walk_in(browser, base_url, username, password, column_id, title, image, document, tally)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or shutil.which("chromium-browser"), args=CHROMIUM_ARGS)
            try:
                return tally, _walk_in(own, base_url, username, password, column_id, title, image, document, tally)
            finally:
                own.close()


def _walk_in(browser, base_url, username, password, column_id, title, image, document, tally):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(f"{base_url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        final_url = add_article(Editor(page, tally), base_url, column_id, image, document, title)
        page.wait_for_load_state("networkidle")
        return final_url
    finally:
        context.close()


def serve(scratch, port):
    """Migrate, seed the small demo county and start ``runserver`` on ``port``; returns the process."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "VAR_DIR": str(scratch),
           "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}", "MEDIA_ROOT": str(Path(scratch) / "media")}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "seed_demo", "--small"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=5)
            return server, env
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("the server did not start")


def column_and_state(env, title):
    """(教育局 工作动态 column id, the walked article's moderation state or None) read through manage.py shell."""
    code = (
        "from departments.models import Organisation; from portal.models import ColumnPage, ArticlePage\n"
        "o = Organisation.objects.get(slug='jyj'); c = ColumnPage.objects.child_of(o.home_page).get(kind='news')\n"
        f"a = ArticlePage.objects.child_of(c).filter(title={title!r}).first()\n"
        "s = a.current_workflow_state if a else None\n"
        "print(c.pk, s.status if s else None, a.live if a else None)\n"
    )
    output = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return int(output[-3]), output[-2], output[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--keep-server", action="store_true")
    args = parser.parse_args()
    title = "县教育局部署开展校园安全大检查"
    with tempfile.TemporaryDirectory(prefix="editor-clicks-") as scratch:
        started = time.monotonic()
        server, env = serve(scratch, args.port)
        try:
            column_id, _state, _live = column_and_state(env, title)
            print(f"scratch county ready in {time.monotonic() - started:.0f} s; 教育局 工作动态 is page {column_id}")
            tally, final_url = walk(f"http://127.0.0.1:{args.port}", "jyj_editor", os.environ.get("DEMO_PASSWORD", "Demo@2026"),
                                    column_id, title)
            for number, (kind, what) in enumerate(tally.steps, 1):
                print(f"{number:3d}  {kind:6s} {what}")
            _column, state, live = column_and_state(env, title)
            print(f"ended on {final_url}; workflow state: {state}, live: {live}")
            print(tally.summary())
            if args.keep_server:
                print(f"serving on http://127.0.0.1:{args.port}/admin/ (Ctrl-C to stop)")
                server.wait()
            return 0 if state == "in_progress" and live == "False" else 1
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
