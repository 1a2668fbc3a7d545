from disclosure.models import CatalogueEntry
from tests import factories


def test_publishing_a_page_registers_one_entry_with_an_index_number(department):
    page = factories.article(factories.column(department))
    entry = CatalogueEntry.objects.get(page=page)
    assert entry.index_number.startswith(department.credit_code + "/")
    assert entry.index_number.endswith("-00001")
    assert entry.organisation == department
    assert entry.column_kind == "news"


def test_unpublishing_withdraws_but_keeps_the_entry(department):
    page = factories.article(factories.column(department))
    page.unpublish()
    entry = CatalogueEntry.objects.get(page_key=page.pk)
    assert entry.status == CatalogueEntry.Status.WITHDRAWN
    assert entry.withdrawal_reason
