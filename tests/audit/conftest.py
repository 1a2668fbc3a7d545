import datetime
import zoneinfo

import pytest

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(year, month, day, hour=10, minute=0):
    """A moment in Beijing time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def no_letters_feed():
    """The interaction feed as if its module did not exist (rule not evaluated)."""
    return lambda: None


OPENED = datetime.datetime(2025, 1, 2, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture
def opened_department(db):
    """A department whose site and columns opened on 2 January 2025 (Beijing time)."""
    import time_machine

    from tests.factories import county, make_organisation

    with time_machine.travel(OPENED, tick=False):
        county()
        return make_organisation("示例县教育局", "jyj", short_name="教育局")


@pytest.fixture
def opened_township(opened_department):
    import time_machine

    from departments.models import Organisation
    from tests.factories import make_organisation

    with time_machine.travel(OPENED, tick=False):
        return make_organisation("城关镇人民政府", "cgz", Organisation.Kind.TOWNSHIP, short_name="城关镇")
