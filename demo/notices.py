"""通知公告 and 人事信息: notices, public lists (公示), consultations and appointments."""

from datetime import timedelta

from portal.taxonomy import Genre

from .drafts import Attachment, Draft, bullet_list, csv_text, heading, keywords, local, numeral, para, ymd
from .people import distinct_names, masked

HOLIDAYS = {1: "春节", 2: "春节", 3: "清明节", 4: "劳动节", 5: "端午节", 6: "端午节", 9: "中秋节、国庆节", 12: "元旦"}
# Subjects whose public lists name people receiving money (masked names) rather than people being commended.
SUBSIDY_WORDS = ("补贴", "资助", "保障", "救助", "供养", "创业", "危房", "粮食", "养老", "就业", "医保")
NOTICE_SECTIONS = (
    ("提高思想认识", "各单位要充分认识做好{subject}工作的重要性和紧迫性，把此项工作摆上重要议事日程，主要负责同志亲自抓、负总责。"),
    ("明确工作任务", "对照年度目标任务，逐项细化工作措施，明确责任人和完成时限，建立工作台账，实行销号管理。"),
    ("强化工作保障", "统筹安排人员和经费，加强业务培训和技术支撑，确保各项工作顺利推进。"),
    ("加强督查考核", "{org}将采取明查暗访、随机抽查等方式开展督导，督导结果纳入年度考核。"),
    ("及时报送信息", "请各单位于每月25日前报送工作进展情况，重要情况随时报告。"),
)


def notice_item(writer, when):
    kinds = ["work", "work", "inspection", "list", "training", "consultation"]
    if local(when).month in HOLIDAYS:
        kinds.append("holiday")
    return writer.fresh(lambda: NOTICE_WRITERS[writer.pick(kinds)](writer, when))


def _contact(writer):
    return para(f"联系人：{distinct_names(writer.rng, 1)[0]}，联系电话：{writer.profile.phone}。")


def work_notice(writer, when):
    year = local(when).year
    subject = writer.pick(writer.profile.subjects)
    title = (writer.pick((
        f"关于做好{year}年{subject}工作的通知",
        f"关于进一步加强{subject}工作的通知",
        f"关于印发{year}年{subject}工作要点的通知",
    )))
    body = [para(f"{writer.profile.addressees}："),
            para(f"为深入贯彻落实上级关于{subject}工作的决策部署，扎实推进{year}年各项工作任务，现就有关事项通知如下：")]
    for index, (name, text) in enumerate(writer.pick(NOTICE_SECTIONS, 3)):
        body.append(para(f"{numeral(index)}、{name}。" + text.format(subject=subject, org=writer.short)))
    body += [_contact(writer), *writer.signature(when)]
    return Draft("article", title, body, keywords=keywords(subject, "通知"), genre=Genre.NOTICE)


def inspection_notice(writer, when):
    rng = writer.rng
    year = local(when).year
    subject = writer.pick(writer.profile.subjects)
    start = local(when) + timedelta(days=rng.randint(5, 12))
    end = start + timedelta(days=rng.randint(10, 30))
    title = (f"关于开展{year}年{subject}专项检查的通知")
    body = [
        para(f"{writer.profile.addressees}："),
        para(f"为全面掌握{subject}工作情况，及时发现和解决存在的问题，{writer.we}决定开展{year}年{subject}专项检查。现将有关事项通知如下："),
        heading("一、检查时间"),
        para(f"{ymd(start)}至{ymd(end)}。"),
        heading("二、检查内容"),
        bullet_list(["工作责任落实和制度建设情况", "工作台账和档案资料管理情况", "上年度检查发现问题的整改情况", f"群众反映的{subject}相关问题办理情况"]),
        heading("三、工作要求"),
        para(f"各单位要先行开展自查，于{ymd(start - timedelta(days=2))}前将自查报告报送{writer.short}。对检查发现的问题，要建立清单、限期整改。"),
        _contact(writer),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords(subject, "专项检查"), genre=Genre.NOTICE)


def list_notice(writer, when):
    """A 公示 with its list as a table and as a downloadable CSV."""
    rng = writer.rng
    year = local(when).year
    subject = writer.pick(writer.profile.subjects)
    subsidy = any(word in subject for word in SUBSIDY_WORDS) and rng.random() < 0.7
    list_name = f"{subject}补助对象名单" if subsidy else f"{subject}工作先进集体和先进个人拟表彰名单"
    title = (f"关于{year}年度{list_name}的公示")
    rows = [["序号", "姓名", "所在单位（村、社区）", "备注"]]
    for index, name in enumerate(distinct_names(rng, rng.randint(5, 9)), start=1):
        rows.append([str(index), masked(name) if subsidy else name, writer.pick(writer.profile.places), "新增" if rng.random() < 0.3 else ""])
    end = local(when) + timedelta(days=7)
    body = [
        para(f"根据{year}年度{subject}工作有关规定，经个人申报、单位推荐、审核评议，现将{list_name}予以公示。"),
        para(f"公示时间：{ymd(when)}至{ymd(end)}。公示期间，如有异议，请以书面形式向{writer.org}反映，反映问题要实事求是，并签署真实姓名和联系方式。"),
        ("table", rows),
        ("attachment", Attachment(f"{list_name}.csv", "gongshi-mingdan.csv", csv_text(rows))),
        _contact(writer),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords(subject, "公示"), genre=Genre.ANNOUNCEMENT)


def training_notice(writer, when):
    rng = writer.rng
    year = local(when).year
    subject = writer.pick(writer.profile.subjects)
    start = local(when) + timedelta(days=rng.randint(6, 15))
    title = (f"关于举办{year}年{subject}业务培训班的通知")
    form = "\n".join([f"{year}年{subject}业务培训班报名回执", "", "单位名称：", "姓名：", "职务：", "联系电话：", "是否需要住宿：是 / 否", "",
                      f"请于{ymd(start - timedelta(days=3))}前报送{writer.short}。"])
    body = [
        para(f"{writer.profile.addressees}："),
        para(f"为提升{subject}工作人员业务能力，经研究，决定举办{year}年{subject}业务培训班。现将有关事项通知如下："),
        para(f"一、培训时间：{ymd(start)}，会期1天。"),
        para(f"二、培训地点：{writer.pick(writer.profile.places)}。"),
        para(f"三、参训人员：{writer.profile.addressees}分管负责人和具体经办人员各1名。"),
        para("四、有关要求：请参训人员按时报到，培训期间严格遵守纪律，不得无故缺席。请填写报名回执并按时报送。"),
        ("attachment", Attachment("培训报名回执", "baoming-huizhi.txt", form)),
        _contact(writer),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords(subject, "培训"), genre=Genre.NOTICE)


def consultation_notice(writer, when):
    rng = writer.rng
    year = local(when).year
    policy = writer.next_in_turn("consultation", writer.profile.policies).format(y=year, y2=year + 2)
    end = local(when) + timedelta(days=30)
    title = (f"关于公开征求《{policy}（征求意见稿）》意见的公告")
    body = [
        para(f"为提高决策的科学性和透明度，广泛听取社会各界意见，现将《{policy}（征求意见稿）》全文公布，公开征求意见。"),
        para(f"一、征求意见时间：{ymd(when)}至{ymd(end)}。"),
        para(f"二、意见反馈方式：可通过电子邮件发送至 {writer.profile.slug}@shilixian.gov.cn，或邮寄至{writer.profile.address}（请在信封上注明“征求意见”字样）。"),
        para("三、请在反馈意见时注明真实姓名和联系方式，以便进一步沟通。"),
        ("attachment", Attachment(f"{policy}（征求意见稿）", "zhengqiu-yijian.txt",
                                  f"{policy}（征求意见稿）\n\n第一条 为{rng.choice(writer.profile.subjects)}，结合本县实际，制定本办法。\n第二条 本办法适用于本县行政区域内的相关工作。\n")),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords("征求意见", policy[3:9]), genre=Genre.ANNOUNCEMENT)


def holiday_notice(writer, when):
    when_local = local(when)
    holiday = HOLIDAYS[when_local.month]
    year = when_local.year + (1 if when_local.month == 12 else 0)
    title = (f"关于做好{year}年{holiday}期间安全生产和值班值守工作的通知")
    body = [
        para(f"{writer.profile.addressees}："),
        para(f"{holiday}将至，为确保节日期间各项工作平稳有序，现就有关事项通知如下："),
        para("一、开展节前安全检查。各单位要在节前组织一次全面安全检查，重点检查消防、用电、燃气和人员密集场所安全，发现隐患立即整改。"),
        para("二、严格值班值守。节日期间严格执行领导带班和24小时值班制度，值班人员要坚守岗位，保持通讯畅通。"),
        para("三、严肃工作纪律。严格落实中央八项规定及其实施细则精神，坚决防止“四风”问题反弹。"),
        para(f"四、及时报告信息。遇有突发事件，要按规定第一时间报告，值班电话：{writer.profile.phone}。"),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords(holiday, "安全生产", "值班值守"), genre=Genre.NOTICE)


NOTICE_WRITERS = {
    "work": work_notice,
    "inspection": inspection_notice,
    "list": list_notice,
    "training": training_notice,
    "consultation": consultation_notice,
    "holiday": holiday_notice,
}


def personnel_item(writer, when):
    return writer.fresh(lambda: (appointment_notice if writer.rng.random() < 0.5 else recruitment_notice)(writer, when))


def appointment_notice(writer, when):
    rng = writer.rng
    names = distinct_names(rng, rng.randint(1, 3))
    party = "局党组" if writer.profile.kind == "department" else "党委"
    title = (f"{writer.short}干部任前公示（{ymd(when)}）")
    rows = [["姓名", "性别", "出生年月", "现任职务", "拟任职务"]]
    for name in names:
        rows.append([name, rng.choice("男男女"), f"{rng.randint(1978, 1992)}年{rng.randint(1, 12)}月",
                     f"{rng.choice(['办公室', '综合科', '业务科', '便民服务中心'])}副主任", rng.choice(["科长", "主任", "股长"])])
    end = local(when) + timedelta(days=7)
    body = [
        para(f"根据《党政领导干部选拔任用工作条例》有关规定，经{party}研究，拟任用以下同志，现予以公示："),
        ("table", rows),
        para(f"公示时间：{ymd(when)}至{ymd(end)}（5个工作日）。公示期间，对公示对象有何意见或反映问题，可通过来信、来电、来访等方式向县委组织部或{writer.short}反映。"),
        para(f"受理电话：{writer.profile.phone}（{writer.short}），12380（县委组织部）。"),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords("任前公示", "干部"), genre=Genre.ANNOUNCEMENT,
                 topic=("劳动、人事、监察", "人事工作"))


def recruitment_notice(writer, when):
    rng = writer.rng
    year = local(when).year
    posts = rng.randint(2, 6)
    title = (f"{writer.org}{year}年公开招聘编外工作人员公告")
    start = local(when) + timedelta(days=7)
    rows = [["岗位名称", "招聘人数", "学历要求", "专业要求", "其他条件"],
            ["综合文字", "1", "大学本科及以上", "汉语言文学、新闻学", "35周岁及以下"],
            ["业务辅助", str(posts - 1), "大专及以上", "专业不限", "具有本县户籍"]]
    form = "\n".join([f"{writer.org}{year}年公开招聘编外工作人员报名表", "", "姓名：            性别：        出生年月：",
                      "身份证号：", "学历：            毕业院校及专业：", "联系电话：", "报考岗位：", "个人简历：", "", "本人承诺所填信息真实准确。签名："])
    body = [
        para(f"因工作需要，{writer.org}决定面向社会公开招聘编外工作人员{posts}名。现将有关事项公告如下："),
        heading("一、招聘岗位及条件"),
        ("table", rows),
        heading("二、报名时间和方式"),
        para(f"报名时间：{ymd(start)}至{ymd(start + timedelta(days=6))}（上午8:30—12:00，下午14:30—17:30）。报名地点：{writer.profile.address}。"),
        heading("三、考试和聘用"),
        para("考试采取笔试和面试相结合的方式，按综合成绩从高到低确定体检和考察对象。聘用人员实行劳动合同管理，试用期1个月。"),
        ("attachment", Attachment("报名表", "zhaopin-baomingbiao.txt", form)),
        _contact(writer),
        *writer.signature(when),
    ]
    return Draft("article", title, body, keywords=keywords("招聘", "编外工作人员"), genre=Genre.ANNOUNCEMENT,
                 topic=("劳动、人事、监察", "人事工作"))

