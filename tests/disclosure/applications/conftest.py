import pytest
from django.core.cache import cache

from interaction.antispam import captcha


class FixedRandom:
    """Every CAPTCHA asks 十二加七 (answer 19)."""

    def randint(self, low, high):
        return {2: 12, 1: 7}[low]

    def random(self):
        return 0.1


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha.new_challenge, "__defaults__", (FixedRandom(),))
    return "19"
