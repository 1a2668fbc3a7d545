
from tests.disclosure.applications.conftest import known_captcha  # noqa: F401  (the fixture, shared)
