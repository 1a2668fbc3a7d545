"""The information processing fee (信息处理费, 条例第四十二条; 国办函〔2020〕109号).

Per item (按件计收): the applications one applicant makes to one organ in one calendar month are
numbered in order of receipt; the first ``free_items_per_month`` are free, the rest cost the
price of their band. Per volume (按量计收): the pages of one answer, progressively by band.
The amounts are ``ProcessingFeeSettings`` (editable, defaults as in the measures).
"""

from decimal import Decimal

from django.db.models import Q

from disclosure.applications.models import Application
from disclosure.models.fees import ProcessingFeeSettings

from .choices import ApplicantType, FeeBasis


def fee_settings():
    """The current fee settings (one row, created with the defaults on first use)."""
    return ProcessingFeeSettings.load()


def item_fee(ordinal, rates=None):
    """The fee in 元 for the applicant's ``ordinal``-th application of the month (1-based), as ``Decimal``.

    Defaults: 1–10 free; 11–30: 100; 31–40: 200; 41–50: 300; … (a band of 10 adds 100 元 a item).
    """
    rates = rates or fee_settings()
    if ordinal <= rates.free_items_per_month:
        return Decimal("0.00")
    if ordinal <= rates.item_band_upper:
        return Decimal(rates.item_band_price)
    bands_above = -(-(ordinal - rates.item_band_upper) // max(rates.item_step_size, 1))
    return Decimal(rates.item_band_price) + bands_above * Decimal(rates.item_step_increase)


def volume_fee(pages, rates=None):
    """The fee in 元 for an answer of ``pages`` pages, progressive by band (default 30 free, 10/20/40 元)."""
    rates = rates or fee_settings()
    bands = [
        (rates.free_pages, Decimal("0")),
        (rates.page_band1_upper, Decimal(rates.page_band1_price)),
        (rates.page_band2_upper, Decimal(rates.page_band2_price)),
        (None, Decimal(rates.page_band3_price)),
    ]
    total, lower = Decimal("0"), 0
    for upper, price in bands:
        top = pages if upper is None else min(pages, upper)
        if top > lower:
            total += (top - lower) * price
        if upper is not None:
            lower = max(lower, upper)
    return total.quantize(Decimal("0.01"))


def same_applicant(application):
    """Q for the applications of the same applicant (same ID number or credit code) to the same organ."""
    if application.applicant_type == ApplicantType.CITIZEN:
        who = Q(applicant_type=ApplicantType.CITIZEN, id_number=application.id_number)
    else:
        who = Q(applicant_type=ApplicantType.ORGANISATION, credit_code=application.credit_code)
    return who & Q(organisation_id=application.organisation_id)


def monthly_ordinal(application):
    """Which of its applicant's applications of its calendar month (by receipt date, then number) this one is."""
    month_start = application.received_on.replace(day=1)
    earlier = (
        Application.objects.filter(same_applicant(application), received_on__gte=month_start)
        .filter(Q(received_on__lt=application.received_on) | Q(received_on=application.received_on,
                                                               pk__lt=application.pk))
    )
    return earlier.count() + 1


def compute_fee(application, basis, pages=None):
    """``(quantity, amount)`` for ``application`` under ``basis`` (``FeeBasis``); ``pages`` for per volume.

    Raises ``ValueError`` for an unknown basis or a per-volume fee without a page count.
    """
    if basis == FeeBasis.PER_ITEM:
        ordinal = monthly_ordinal(application)
        return ordinal, item_fee(ordinal)
    if basis == FeeBasis.PER_VOLUME:
        if not pages or pages < 1:
            raise ValueError("pages required")
        return pages, volume_fee(pages)
    raise ValueError(f"unknown basis {basis!r}")
