"""The shared block library; each page type offers a deliberately small subset."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("正文")
        description = _("带标题、列表和链接的正文段落。")
        template = "components/streamfield/paragraph.html"

    def clean(self, value):
        """An empty paragraph is refused (a new article opens with one; submitting it untouched is an error)."""
        value = super().clean(value)
        if not strip_tags(value.source).strip() and "<hr" not in value.source:
            raise ValidationError(_("这个段落没有内容：请填写正文，或删除这个段落。"))
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("图片"))
    alt_text = blocks.CharBlock(
        label=_("替代文字"), max_length=200, help_text=_("为视障读者描述图片内容，必填。")
    )
    caption = blocks.CharBlock(label=_("图片说明"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("图片")
        description = _("一张图片，必须填写替代文字。")
        template = "components/streamfield/image.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("附件"))
    title = blocks.CharBlock(label=_("显示名称"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("附件")
        description = _("可下载的文件，自动显示文件类型和大小。")
        template = "components/streamfield/attachment.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    source = blocks.CharBlock(label=_("出处"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("引文")
        description = _("引用的原文及出处。")
        template = "components/streamfield/quote.html"


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("表格")
        description = _("简单的数据表格，首行可作为表头。")
        template = "components/streamfield/table.html"


class BodyBlock(blocks.StreamBlock):
    """Article and policy bodies: text, images, tables, attachments, quotes. No embeds."""

    paragraph = ParagraphBlock(features=TEXT_FEATURES)
    image = ImageBlock()
    table = DataTableBlock()
    attachment = AttachmentBlock()
    quote = QuoteBlock()


class GuideTextBlock(blocks.StreamBlock):
    """Service guide sections: text, tables and attachments only."""

    paragraph = ParagraphBlock(features=TEXT_FEATURES)
    table = DataTableBlock()
    attachment = AttachmentBlock()


class AttachmentListBlock(blocks.StreamBlock):
    attachment = AttachmentBlock()
