"""People type pinyin, typos and questions; the search still finds what they mean (搜得到)."""

from disclosure.models import SearchQueryLog, SynonymGroup
from disclosure.search.query import parse
from tests import factories
from tests.disclosure.search.helpers import find, titles


def test_full_pinyin_finds_what_the_chinese_word_finds(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="社保卡申领流程", body="携带身份证办理。")
        factories.article(column, title="教师资格认定公告", body="2026年上半年教师资格认定。")
        factories.article(column, title="春季植树活动", body="全县植树。")
        factories.article(column, title="县农业银行网点调整公告", body="营业时间不变。")
        factories.article(column, title="重庆市来我县考察", body="考察组一行。")
    assert titles(find("shebao")) == titles(find("社保")) == ["社保卡申领流程"]
    assert titles(find("she bao")) == ["社保卡申领流程"]
    assert titles(find("jiaoshi zige")) == ["教师资格认定公告"]
    assert titles(find("SheBao")) == ["社保卡申领流程"]
    # A polyphonic character by either of its readings: 行 xing/hang, 重 zhong/chong.
    assert titles(find("yinhang")) == ["县农业银行网点调整公告"]
    assert titles(find("chongqing")) == ["重庆市来我县考察"]


def test_initials_of_a_common_term_find_it(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="社保缴费基数调整", body="按新基数缴费。")
        factories.article(column, title="社保待遇资格认证", body="每年认证一次。")
    assert sorted(titles(find("sb"))) == ["社保待遇资格认证", "社保缴费基数调整"]


def test_a_typo_with_no_results_shows_the_corrected_querys_results(client, department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for title in ("社保缴费基数调整", "社保待遇资格认证", "社保卡申领流程", "社保关系转移接续"):
            factories.article(column, title=title, body="详见附件。")
    outcome = find("社宝")
    assert outcome.corrected_from == "社宝" and outcome.did_you_mean == "社保"
    assert "已为您显示“社保”的结果" in outcome.notice
    assert len(titles(outcome)) == 4
    body = client.get("/api/search/", {"q": "社宝"}).json()
    assert (body["did_you_mean"], body["corrected_from"], body["count"]) == ("社保", "社宝", 4)
    page = client.get("/search/", {"q": "社宝"}).content.decode()
    assert "已为您显示“社保”的结果" in page


def test_a_query_with_few_results_offers_a_much_more_frequent_variant(client, department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for title in ("社保缴费基数调整", "社保待遇资格认证", "社保卡申领流程", "社保关系转移接续"):
            factories.article(column, title=title, body="详见附件。")
        factories.article(column, title="社宝乡村振兴示范点", body="社宝村位于县城东部。")
    outcome = find("社宝")
    assert titles(outcome) == ["社宝乡村振兴示范点"]
    assert outcome.did_you_mean == "社保" and outcome.corrected_from is None
    page = client.get("/search/", {"q": "社宝"}).content.decode()
    assert "您是不是要找" in page and "?q=%E7%A4%BE%E4%BF%9D" in page


def test_corrections_come_from_the_query_log_too(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for title in ("城乡居民医疗保险参保通知", "医疗保险报销比例公告", "医疗保险定点机构名单"):
            factories.article(column, title=f"关于{title}", body="详见附件。")
    for _ in range(3):
        SearchQueryLog.objects.create(query="医疗保险", result_count=3, took_ms=5)
    assert find("医疗保验").did_you_mean == "医疗保险"


def test_nothing_is_offered_when_the_query_finds_plenty(department, search_index, indexed):
    column = factories.column(department)
    with indexed():
        for number in range(4):
            factories.article(column, title=f"社保政策解读第{number + 1}期", body="详见附件。")
    assert find("社保").did_you_mean is None


def test_questions_find_the_service_guide(department, search_index, indexed):
    guides = factories.column(department, factories.ColumnKind.GUIDES)
    with indexed():
        factories.guide(guides, title="教师资格证办理指南", location="县政务服务中心教育窗口")
        factories.guide(guides, title="低保申请指南", location="户籍所在地乡镇人民政府", phone="0871-6123456")
        factories.article(factories.column(department), title="春季植树活动", body="怎么种树，如何浇水。")
    assert titles(find("怎么办理教师资格证")) == ["教师资格证办理指南"]
    assert titles(find("低保怎么申请")) == ["低保申请指南"]
    assert titles(find("如何申请低保？")) == ["低保申请指南"]
    assert parse("怎么办理教师资格证").dropped == ["怎么"]
    # a guide's own fields (办理地点, 咨询电话) are searchable too
    assert titles(find("教育窗口")) == ["教师资格证办理指南"]
    assert titles(find("0871-6123456")) == ["低保申请指南"]


def test_when_no_entry_has_every_word_the_best_partial_matches_are_shown_and_said(client, department, search_index,
                                                                                   indexed):
    column = factories.column(department)
    with indexed():
        factories.article(column, title="教师资格认定公告", body="网上报名。")
        factories.article(column, title="教师招聘考试公告", body="招聘教师。")
    outcome = find("招聘 教师资格 认定 补办")
    assert outcome.relaxed is True
    assert titles(outcome) == ["教师资格认定公告", "教师招聘考试公告"]
    assert "没有同时包含全部搜索词的结果" in outcome.notice
    body = client.get("/api/search/", {"q": "招聘 教师资格 认定 补办"}).json()
    assert body["relaxed"] is True and body["count"] == 2
    assert client.get("/api/search/", {"q": "教师资格 认定"}).json()["relaxed"] is False


def test_default_synonyms_are_data_the_office_can_edit(department, search_index, indexed):
    groups = [group.word_list() for group in SynonymGroup.objects.all()]
    pairs = sum(len(words) - 1 for words in groups)
    assert pairs >= 40
    for word in ("低保", "社保", "医保", "公积金", "一网通办", "放管服", "营商环境"):
        assert any(word in words for words in groups), word
    with indexed():
        factories.article(factories.column(department), title="城乡居民最低生活保障标准调整")
    assert titles(find("低保")) == ["城乡居民最低生活保障标准调整"]
    SynonymGroup.objects.filter(words__startswith="低保").update(active=False)
    from disclosure.search.memo import forget

    forget()
    assert titles(find("低保")) == []


def test_results_say_their_kind_and_can_be_narrowed_by_it(client, department, search_index, indexed):
    with indexed():
        factories.guide(factories.column(department, factories.ColumnKind.GUIDES), title="社保卡申领指南")
        factories.article(factories.column(department), title="社保卡发放工作推进会")
    body = client.get("/api/search/", {"q": "社保卡"}).json()
    kinds = {result["title"]: result["kind"] for result in body["results"]}
    assert kinds == {"社保卡申领指南": "service", "社保卡发放工作推进会": "document"}
    assert {item["value"]: item["count"] for item in body["facets"]["kind"]} == {"document": 1, "service": 1}
    only = client.get("/api/search/", {"q": "社保卡", "kind": "service"}).json()
    assert [result["title"] for result in only["results"]] == ["社保卡申领指南"]
    assert client.get("/api/search/", {"q": "社保卡", "kind": "nonsense"}).status_code == 400


def test_readings_combine_each_characters_readings_up_to_a_limit():
    from pypinyin import Style

    from disclosure.search.vocabulary import MAX_READINGS, readings

    assert readings("社保") == ("shebao",)
    assert {"yinhang", "yinxing"} <= set(readings("银行"))
    assert readings("银行")[0] == "yinxing"  # each character's most common reading first
    assert {"yh", "yx"} == set(readings("银行", Style.FIRST_LETTER))
    assert len(readings("长长长长长长长长")) == MAX_READINGS


def test_search_processes_do_not_load_pypinyins_phrase_dictionary():
    from pypinyin import constants

    from disclosure.search import vocabulary

    assert vocabulary.readings("银行")
    assert constants.PHRASES_DICT == {}


def test_a_polyphonic_characters_other_reading_makes_no_homophone():
    """长 reads chang or zhang: 县长 is not a typo of 现场 (xianchang), 社宝 is one of 社保."""
    from pypinyin import Style

    from disclosure.search.vocabulary import Vocabulary, readings

    counts = {"现场": 40, "社保": 30, "县长": 5, "银行": 9}
    known = Vocabulary({word: (count, readings(word), readings(word, Style.FIRST_LETTER))
                        for word, count in counts.items()})
    assert known.close_words("县长") == ([], [])
    assert known.close_words("社宝") == (["社保"], [])
    assert known.close_words("银航") == ([], ["银行"])  # one character off
    assert known.readings_of("xianchang") == ["现场", "县长"]  # typed pinyin finds either reading


def test_a_homophone_is_preferred_to_a_more_frequent_word_one_character_off(client, department, search_index, indexed):
    """社宝 reads like 社保 and is one character off both 社保 and 社会: the citizen meant 社保."""
    column = factories.column(department)
    with indexed():
        for title in ("社会治理专题培训", "社会救助政策解读", "社会组织年检公告", "社会信用体系建设", "社会保险费征缴",
                      "社会事业发展报告"):
            factories.article(column, title=title, body="详见附件。")
        for title in ("社保缴费基数调整", "社保待遇资格认证", "社保卡申领流程"):
            factories.article(column, title=title, body="详见附件。")
    outcome = find("社宝")
    assert (outcome.did_you_mean, outcome.corrected_from) == ("社保", "社宝")
    assert sorted(titles(outcome)) == ["社会保险费征缴", "社保卡申领流程", "社保待遇资格认证", "社保缴费基数调整"]  # 社保's synonym too
    assert "已为您显示“社保”的结果" in client.get("/search/", {"q": "社宝"}).content.decode()


def test_a_real_term_with_few_results_is_not_offered_a_word_one_character_off(department, search_index, indexed):
    """低保 (a dictionary word and a synonym of 最低生活保障) finding little is what the county has, not a typo."""
    column = factories.column(department)
    with indexed():
        factories.article(column, title="低保申请条件", body="详见附件。")
        for title in ("社保缴费基数调整", "社保待遇资格认证", "社保卡申领流程", "社保关系转移接续"):
            factories.article(column, title=title, body="详见附件。")
    outcome = find("低保")
    assert titles(outcome) == ["低保申请条件"]
    assert outcome.did_you_mean is None and outcome.corrected_from is None
