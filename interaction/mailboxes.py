"""Every organisation has a mailbox; the county government also has the county leader mailbox (县长信箱).

``ensure_mailboxes`` is idempotent: it is called when an organisation is saved (signal), by the
data migration for organisations that existed before, and by ``manage.py ensure_mailboxes``.
Names are set only on creation so the information office can rename a mailbox.
"""

from django.utils.translation import gettext as _

from departments.models import Organisation

from .models import Mailbox

LEADER_SLUG = "xianzhang"


def ensure_mailboxes(organisation, mailbox_model=None):
    """Create the organisation's mailbox (and, for the county, the leader mailbox) if missing."""
    mailbox_model = mailbox_model or Mailbox
    kinds = [("organisation", organisation.slug, _("%(name)s信箱") % {"name": organisation.short_name or organisation.name}, 100)]
    if organisation.kind == "county":
        kinds.insert(0, ("leader", LEADER_SLUG, _("县长信箱"), 0))
    mailboxes = []
    for kind, slug, name, order in kinds:
        mailbox = mailbox_model.objects.filter(organisation=organisation, kind=kind).first()
        if mailbox is None:
            mailbox = mailbox_model.objects.create(
                organisation=organisation, kind=kind, slug=_free_slug(mailbox_model, slug), name=name, sort_order=order
            )
        mailboxes.append(mailbox)
    return mailboxes


def _free_slug(mailbox_model, slug):
    candidate, number = slug, 2
    while mailbox_model.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def ensure_all_mailboxes(organisation_model=None, mailbox_model=None):
    organisation_model = organisation_model or Organisation
    return [box for org in organisation_model.objects.all() for box in ensure_mailboxes(org, mailbox_model)]
