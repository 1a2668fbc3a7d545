"""Index numbers (索引号): assigned once at first publication, never changed or reused.

See docs/index-numbers.md. The serial is per organisation per year and is taken from a
row-locked counter inside the publishing transaction, so a rolled-back publish leaves no gap
and two concurrent publishers never get the same number.
"""

from django.conf import settings
from django.db import IntegrityError, transaction

from ..models import IndexSerial


def next_serial(organisation, year):
    """Take the next serial for ``organisation`` in ``year``; call inside the publish transaction."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                IndexSerial.objects.get_or_create(organisation=organisation, year=year)
        except IntegrityError:
            pass  # another publisher created the counter first; lock it below
        counter = IndexSerial.objects.select_for_update().get(organisation=organisation, year=year)
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        return counter.last_serial


def format_index_number(organisation, year, serial):
    """Fields: credit_code, org_code (its 9-character organisation code, gov.cn's style), org (slug), year, serial."""
    return settings.DISCLOSURE_INDEX_NUMBER_FORMAT.format(
        credit_code=organisation.credit_code,
        org_code=organisation.credit_code[8:17],
        year=year,
        serial=serial,
        org=organisation.slug,
    )
