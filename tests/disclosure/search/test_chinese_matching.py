"""Chinese words inside sentences are found; Latin words, numbers and document numbers too; ranking is sane."""

import datetime

from django.utils import timezone

from disclosure.search.segmenter import index_terms, word_terms
from portal.column_kinds import ColumnKind
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_a_word_inside_a_chinese_sentence_finds_its_item(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="全县召开安全生产工作会议",
                          body="会议强调，要压实企业主体责任，深入开展隐患排查整治。")
    assert titles(find("隐患排查")) == ["全县召开安全生产工作会议"]
    assert titles(find("安全生产")) == ["全县召开安全生产工作会议"]
    assert titles(find("主体责任")) == ["全县召开安全生产工作会议"]
    assert titles(find("林业")) == []


def test_any_word_in_the_text_has_its_terms_whatever_the_sentence_segmentation():
    """研究生命科学 segments as 研究生/命/科学 in jieba's default mode, which would hide 生命."""
    tokens = set(index_terms("他在研究生命科学"))
    for word in ("生命", "研究", "科学", "研究生", "生命科学", "究生命"):
        assert set(word_terms(word)[0]) <= tokens


def test_latin_words_and_numbers_match_case_insensitively(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="县政务服务中心开通5G网络和WiFi",
                          body="全县2025年新建5G基站120座。")
    assert titles(find("wifi")) == ["县政务服务中心开通5G网络和WiFi"]
    assert titles(find("5G")) == ["县政务服务中心开通5G网络和WiFi"]
    assert titles(find("120")) == ["县政务服务中心开通5G网络和WiFi"]


def test_document_and_index_numbers_are_found_exactly(department, search_index, indexed):
    with indexed():
        first = factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于印发农村人居环境整治方案的通知",
                                 number="示政发〔2025〕12号")
        factories.policy(factories.column(department, ColumnKind.POLICIES), title="关于印发森林防火工作方案的通知",
                         number="示政发〔2025〕13号")
    assert titles(find("示政发〔2025〕12号"))[0] == "关于印发农村人居环境整治方案的通知"
    assert titles(find("示政发[2025]12号"))[0] == "关于印发农村人居环境整治方案的通知"
    index_number = first.catalogue_entry.index_number
    assert titles(find(index_number)) == ["关于印发农村人居环境整治方案的通知"]


def test_all_words_must_match(department, search_index, indexed):
    with indexed():
        factories.article(factories.column(department), title="森林防火工作会议", body="部署冬春森林防火。")
        factories.article(factories.column(department), title="安全生产工作会议", body="部署安全生产。")
    assert titles(find("会议 森林防火")) == ["森林防火工作会议"]
    assert sorted(titles(find("工作会议"))) == ["安全生产工作会议", "森林防火工作会议"]


def test_title_matches_rank_above_body_matches_and_newer_breaks_ties(department, search_index, indexed):
    column = factories.column(department)
    old = timezone.now() - datetime.timedelta(days=30)
    with indexed():
        factories.article(column, title="全县秋季工作部署", body="会议要求做好秸秆禁烧工作。")
        factories.article(column, title="秸秆禁烧工作通知（旧）", body="请各乡镇落实。", display_date=old)
        factories.article(column, title="秸秆禁烧工作通知（新）", body="请各乡镇落实。")
    assert titles(find("秸秆禁烧")) == ["秸秆禁烧工作通知（新）", "秸秆禁烧工作通知（旧）", "全县秋季工作部署"]
    by_date = titles(find("秸秆禁烧", sort="date"))
    assert by_date[-1] == "秸秆禁烧工作通知（旧）"


def test_every_relevance_tier_outranks_the_next_whatever_the_dates(department, search_index, indexed):
    """Whole query in the title > every word in the title > some words in the title > body only (newest is last)."""
    column = factories.column(department)
    now = timezone.now()
    with indexed():
        factories.article(column, title="全县秋季工作部署", body="各乡镇秸秆禁烧工作通知已下发。", display_date=now)
        factories.article(column, title="秸秆禁烧工作部署会召开", body="会上宣读了有关通知。",
                          display_date=now - datetime.timedelta(days=1))
        factories.article(column, title="关于秸秆禁烧工作的通知", body="请各乡镇落实。",
                          display_date=now - datetime.timedelta(days=2))
        factories.article(column, title="秸秆禁烧通知", body="请各乡镇落实。", display_date=now - datetime.timedelta(days=3))
    assert titles(find("秸秆禁烧 通知")) == ["秸秆禁烧通知", "关于秸秆禁烧工作的通知", "秸秆禁烧工作部署会召开", "全县秋季工作部署"]
    assert titles(find("秸秆禁烧 通知", sort="date")) == [
        "全县秋季工作部署", "秸秆禁烧工作部署会召开", "关于秸秆禁烧工作的通知", "秸秆禁烧通知"]
