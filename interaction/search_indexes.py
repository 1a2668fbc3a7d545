"""Public letters (公开来信) in the county search, as kind 互动交流 (``interaction``).

Haystack discovers this module by name. Only ``Letter.objects.public()`` is ever indexed (answered,
published with the writer's consent, not held back), and only in the masked form the public letter
page shows (``Letter.public_message``, ``Letter.public_reply``): never the writer's name, phone or
e-mail, and identity card, mobile and bank card numbers in the texts masked. A letter held back or
no longer public leaves the index through the same queue as a withdrawn catalogue entry: every save
of a letter is announced on ``catalogue_changed`` with ``sender=Letter`` (``signal_handlers.py``), and
the queue re-reads ``Letter.objects.public()`` after commit.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from haystack import indexes

from disclosure.personal_data import mask_personal_data
from disclosure.search.documents import CountySearchIndex
from disclosure.search.kinds import ResultKind

from .models import Letter


class LetterIndex(CountySearchIndex, indexes.Indexable):
    def get_model(self):
        return Letter

    def index_queryset(self, using=None):
        """Only public letters; the fields the public page shows and nothing else is read."""
        return (Letter.objects.public().select_related("mailbox", "organisation", "replying_organisation")
                .only("pk", "subject", "message", "reply", "replied_at", "mailbox__name", "mailbox__slug",
                      "organisation__slug", "organisation__name", "replying_organisation__slug",
                      "replying_organisation__name", "status", "may_publish", "withheld_from_public")
                .order_by("pk"))

    def read_queryset(self, using=None):
        return self.index_queryset(using)

    def prepare_text(self, letter):
        parts = [" ".join(letter.subject.split()), letter.public_message, letter.public_reply, letter.mailbox.name,
                 self._answering(letter).name]
        return mask_personal_data("\n".join(part for part in parts if part))

    def prepare_title(self, letter):
        return mask_personal_data(letter.subject)

    def prepare_kind(self, letter):
        return ResultKind.INTERACTION.value

    def prepare_organisation(self, letter):
        return self._answering(letter).slug

    def prepare_year(self, letter):
        return str(timezone.localtime(letter.replied_at).year) if letter.replied_at else ""

    def prepare_published_at(self, letter):
        return letter.replied_at

    @staticmethod
    def _answering(letter):
        """The organisation the public page names (答复机构), else the one handling the letter."""
        return letter.replying_organisation or letter.organisation

    def result_rows(self, pks):
        """Public letters among ``pks``, in the public page's masked form, linked to that page."""
        date_label = _("答复日期")
        rows = {}
        for letter in self.index_queryset().filter(pk__in=pks).order_by():  # by key, not a date-ordered scan
            rows[letter.pk] = {
                "pk": letter.pk, "title": mask_personal_data(letter.subject), "summary": letter.public_message,
                "body_text": letter.public_reply, "url": reverse("interaction:letter", args=[letter.mailbox.slug, letter.pk]),
                "site_id": None, "path": None, "index_number": "", "document_number": "", "genre": "", "topic_id": None,
                "display_date": letter.replied_at, "organisation_id": self._answering(letter).pk,
                "kind": ResultKind.INTERACTION.value, "date_label": date_label,
            }
        return rows
