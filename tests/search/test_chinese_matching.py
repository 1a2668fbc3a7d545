"""Chinese words inside sentences are found; Latin words, numbers and document numbers too."""

from tests import factories
from tests.search.helpers import find, titles


def test_a_word_inside_a_chinese_sentence_finds_its_item(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="全县召开安全生产工作会议",
                          body="会议强调，要压实企业主体责任，深入开展隐患排查整治。")
    assert titles(find("隐患排查")) == ["全县召开安全生产工作会议"]
    assert titles(find("安全生产")) == ["全县召开安全生产工作会议"]
    assert titles(find("主体责任")) == ["全县召开安全生产工作会议"]
    assert titles(find("林业")) == []
