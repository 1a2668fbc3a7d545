"""Small builders for tests: organisations provisioned for real, pages published for real."""

import itertools

from django.contrib.auth.models import User

from departments.credit_codes import make_credit_code
from departments.models import Organisation
from portal.column_kinds import ColumnKind
from portal.models import ArticlePage, ColumnPage, PolicyDocumentPage, ServiceGuidePage
from portal.provisioning import provision

_counter = itertools.count(1)


def credit_code(number=None):
    number = number or next(_counter)
    return make_credit_code(f"113301{number:011d}")


def make_organisation(name=None, slug=None, kind=Organisation.Kind.DEPARTMENT, **fields):
    number = next(_counter)
    organisation = Organisation(
        name=name or f"示例县测试局{number}",
        short_name=fields.pop("short_name", (name or f"测试局{number}")[-4:]),
        slug=slug or f"org{number}",
        kind=kind,
        credit_code=fields.pop("credit_code", credit_code(number)),
        **fields,
    )
    organisation.full_clean()
    return provision(organisation)


def county():
    existing = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).first()
    return existing or make_organisation("示例县人民政府", "county", Organisation.Kind.COUNTY, short_name="县政府")


def column(organisation, kind=ColumnKind.NEWS):
    return ColumnPage.objects.child_of(organisation.home_page).get(kind=kind)


def publish(parent, page, user=None):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def article(parent, title="全县召开安全生产工作会议", body="会议强调，要压实安全生产责任。", **fields):
    page = ArticlePage(title=title, body=[("paragraph", f"<p>{body}</p>")], **fields)
    return publish(parent, page)


def policy(parent, title="关于印发示例县农村人居环境整治方案的通知", number="示政发〔2025〕12号", **fields):
    page = PolicyDocumentPage(title=title, document_number=number, body=[("paragraph", "<p>各乡镇人民政府：现印发给你们，请认真贯彻执行。</p>")], **fields)
    return publish(parent, page)


def guide(parent, title="城乡居民基本养老保险参保登记", **fields):
    page = ServiceGuidePage(title=title, service_name=title, applicants="年满16周岁的城乡居民", **fields)
    return publish(parent, page)


def user_in(group, username=None, **fields):
    user = User.objects.create_user(username=username or f"user{next(_counter)}", password="pw", **fields)
    user.groups.add(group)
    return user


def portal_identity(**fields):
    """The county portal's identity settings (设置 → 网站标识 of the default Site) with ``fields`` set,
    validated and saved; the cache is cleared so pages read them at once."""
    from django.core.cache import cache
    from wagtail.models import Site

    from portal.models import SiteIdentity

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(identity, name, value)
    identity.full_clean()
    identity.save()
    cache.clear()
    return identity
