"""Replace Wagtail's welcome page with the county portal home and make it the default site's root."""

from django.db import migrations


def create_portal_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    PortalHomePage = apps.get_model("portal", "PortalHomePage")

    if PortalHomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    step = int(last[-4:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    segment = ""
    for _position in range(4):
        step, remainder = divmod(step, 36)
        segment = digits[remainder] + segment
    content_type, _ = ContentType.objects.get_or_create(model="portalhomepage", app_label="portal")
    locale = Locale.objects.first()
    home = PortalHomePage.objects.create(
        title="示例县人民政府",
        draft_title="示例县人民政府",
        slug="home",
        content_type=content_type,
        path=root.path + segment,
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=locale,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "示例县人民政府"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_portal_home, migrations.RunPython.noop)]
