"""What every benchmark shares: Django set up on a scratch database, and a percentile.

A benchmark never touches the project's own database, index or cache: it points
``DATABASE_URL`` and ``VAR_DIR`` at a scratch directory before Django starts.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(scratch, keep_postgres=False, before_setup=None, migrate=True):
    """Start Django on ``scratch/bench.sqlite3`` (or on a PostgreSQL ``DATABASE_URL`` if ``keep_postgres``).

    ``before_setup(settings)`` may adjust settings before the apps load; the database is migrated.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    if not (keep_postgres and os.environ.get("DATABASE_URL", "").startswith("postgres")):
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
    os.environ["VAR_DIR"] = str(scratch)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    if before_setup:
        before_setup(settings)
    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def percentile(samples, share):
    """The ``share`` (0–1) percentile by nearest rank, e.g. ``percentile(times, 0.95)``."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def provision_organisations(first, count):
    """Provision ``count`` departments and townships (numbers ``first``…), the county first if missing."""
    import logging

    from departments.credit_codes import make_credit_code
    from departments.models import Organisation
    from portal.provisioning import provision

    logging.disable(logging.INFO)
    organisations = []
    if not Organisation.objects.filter(kind=Organisation.Kind.COUNTY).exists():
        county = Organisation(name="示例县人民政府", short_name="县政府", slug="county", kind=Organisation.Kind.COUNTY,
                              credit_code=make_credit_code("11330100000000000"))
        organisations.append(provision(county))
        count -= 1
    for number in range(first, first + count):
        kind = Organisation.Kind.TOWNSHIP if number % 3 == 0 else Organisation.Kind.DEPARTMENT
        label = "镇人民政府" if kind == Organisation.Kind.TOWNSHIP else "局"
        organisation = Organisation(
            name=f"示例县第{number}{label}", short_name=f"第{number}{label}"[-6:], slug=f"org{number}", kind=kind,
            credit_code=make_credit_code(f"113301{number:011d}"),
        )
        organisations.append(provision(organisation))
    return organisations
