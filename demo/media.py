"""Images and documents for the demo, generated on the spot and stored in the organisation's collection.

Pictures are simple illustrations (townscape, hills and fields, river and bridge, a campus)
in the organisation's illustration colour (``OrganisationProfile.colour``; the web pages of
every channel share the county's palette). If a CJK font is installed (``fc-list :lang=zh``) the
organisation's name is written on a caption band; otherwise the picture stays text-free.
"""

import functools
import io
import shutil
import subprocess

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

WIDTH, HEIGHT = 960, 540
SCENES = {
    "town": "示意插图：蓝天下的城镇楼宇天际线",
    "fields": "示意插图：层叠的山峦和田野",
    "river": "示意插图：河流上的拱桥和远山",
    "campus": "示意插图：旗杆、主楼和两侧树木",
}


@functools.lru_cache(maxsize=1)
def cjk_font_path():
    """Path of an installed font that covers Chinese, or None."""
    if not shutil.which("fc-list"):
        return None
    try:
        output = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = [line.split(":")[0].strip() for line in output.splitlines() if line.strip()]
    return sorted(paths)[0] if paths else None


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def _mix(colour, other, amount):
    return tuple(int(c + (o - c) * amount) for c, o in zip(colour, other))


def draw_scene(scene, colour_hex, rng, caption=""):
    """JPEG bytes of one illustration."""
    base = _rgb(colour_hex)
    sky_top, sky_bottom = _mix(base, (255, 255, 255), 0.55), _mix(base, (255, 255, 255), 0.9)
    picture = PILImage.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(picture)
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(sky_top, sky_bottom, y / HEIGHT))
    sun_x = rng.randint(120, WIDTH - 120)
    draw.ellipse([sun_x - 40, 60, sun_x + 40, 140], fill=(255, 214, 102))
    horizon = int(HEIGHT * 0.68)
    ground = _mix(base, (40, 40, 40), 0.35)
    if scene == "town":
        x = 0
        while x < WIDTH:
            width, height = rng.randint(50, 110), rng.randint(90, 300)
            shade = _mix(base, (30, 30, 40), rng.uniform(0.2, 0.6))
            draw.rectangle([x, horizon - height, x + width - 6, horizon], fill=shade)
            for wy in range(horizon - height + 14, horizon - 14, 22):
                for wx in range(x + 8, x + width - 18, 16):
                    if rng.random() < 0.7:
                        draw.rectangle([wx, wy, wx + 7, wy + 10], fill=(255, 236, 179))
            x += width
        draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=ground)
    elif scene == "fields":
        for layer in range(3):
            shade = _mix(base, (20, 80, 40), 0.3 + 0.2 * layer)
            top = horizon - 160 + layer * 60
            points = [(0, HEIGHT)] + [(x, top + rng.randint(-50, 50)) for x in range(0, WIDTH + 120, 120)] + [(WIDTH, HEIGHT)]
            draw.polygon(points, fill=shade)
        for index, y in enumerate(range(horizon + 20, HEIGHT, 24)):
            draw.rectangle([0, y, WIDTH, y + 10], fill=(120, 170, 80) if index % 2 else (176, 196, 96))
    elif scene == "river":
        draw.polygon([(0, horizon), (220, horizon - 140), (480, horizon), (700, horizon - 180), (WIDTH, horizon)],
                     fill=_mix(base, (60, 90, 60), 0.5))
        draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=(92, 148, 196))
        for y in range(horizon + 15, HEIGHT, 28):
            for x in range(rng.randint(0, 40), WIDTH, 90):
                draw.arc([x, y, x + 50, y + 12], 180, 360, fill=(210, 230, 245), width=3)
        draw.arc([200, horizon - 120, 760, horizon + 160], 180, 360, fill=(120, 110, 100), width=26)
        draw.rectangle([180, horizon - 6, 780, horizon + 10], fill=(120, 110, 100))
    else:  # campus
        draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=(150, 150, 150))
        draw.rectangle([300, horizon - 210, 660, horizon], fill=_mix(base, (255, 255, 255), 0.2))
        for wy in range(horizon - 190, horizon - 30, 40):
            for wx in range(320, 640, 46):
                draw.rectangle([wx, wy, wx + 26, wy + 24], fill=(225, 240, 250))
        draw.rectangle([450, horizon - 50, 510, horizon], fill=(90, 70, 60))
        draw.line([(180, horizon), (180, horizon - 260)], fill=(90, 90, 90), width=6)
        draw.rectangle([183, horizon - 260, 263, horizon - 210], fill=(222, 41, 16))
        for tx in (90, 760, 860):
            draw.rectangle([tx - 8, horizon - 60, tx + 8, horizon], fill=(110, 80, 50))
            draw.ellipse([tx - 55, horizon - 170, tx + 55, horizon - 50], fill=(56, 142, 60))
    font_path = cjk_font_path()
    if caption and font_path:
        draw.rectangle([0, HEIGHT - 64, WIDTH, HEIGHT], fill=_mix(base, (0, 0, 0), 0.3))
        draw.text((28, HEIGHT - 52), caption, font=ImageFont.truetype(font_path, 36), fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


class MediaMaker:
    """Makes one organisation's pictures (a small pool, reused across items) and documents."""

    def __init__(self, organisation, profile, rng, pool_size=4):
        self.organisation = organisation
        self.profile = profile
        self.rng = rng
        self.pool_size = pool_size
        self.images = []
        self.documents = 0

    def image(self):
        """A picture from the pool, making a new one until the pool is full. Returns (image, alt text)."""
        if len(self.images) < self.pool_size:
            scene = list(SCENES)[len(self.images) % len(SCENES)]
            data = draw_scene(scene, self.profile.colour, self.rng, caption=self.profile.short_name)
            number = len(self.images) + 1
            image = get_image_model()(
                title=f"{self.profile.short_name}配图{number}",
                description=SCENES[scene],
                collection=self.organisation.collection,
                file=ImageFile(io.BytesIO(data), name=f"{self.profile.slug}-{scene}-{number}.jpg"),
            )
            image._set_image_file_metadata()
            image.save()
            self.images.append(image)
            return image
        return self.rng.choice(self.images)

    def document(self, attachment):
        self.documents += 1
        encoding = "utf-8-sig" if attachment.filename.endswith(".csv") else "utf-8"  # Excel opens BOM'd CSV as UTF-8
        document = get_document_model()(
            title=attachment.title,
            collection=self.organisation.collection,
            file=ContentFile(attachment.content.encode(encoding), name=f"{self.profile.slug}-{self.documents:03d}-{attachment.filename}"),
        )
        document._set_document_file_metadata()
        document.save()
        return document
