"""Fictional people for the demo county: leaders, appointees, applicants on published lists."""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤"
)
GIVEN_FIRST = "建国志明海文华晓俊伟丽红宏振德立新永春秋金玉云国家兴光学世天子雪思嘉佳卫东"
GIVEN_SECOND = "军强平勇杰峰磊涛斌明辉林芳敏静燕霞娟婷琳丹玲伟刚亮超鹏宇浩瑞宁凯欣怡"


def person_name(rng):
    """A plausible two- or three-character name."""
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.25:
        return surname + rng.choice(GIVEN_SECOND)
    return surname + rng.choice(GIVEN_FIRST) + rng.choice(GIVEN_SECOND)


def distinct_names(rng, count):
    names = []
    while len(names) < count:
        name = person_name(rng)
        if name not in names:
            names.append(name)
    return names


def masked(name):
    """Names on public lists of individuals are partly masked (张*明), as county sites do."""
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" + name[-1]
