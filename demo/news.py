"""工作动态 and 要闻: news items of meetings, inspections, trainings, campaigns and results."""

from datetime import timedelta

from .drafts import Draft, keywords, local, md, para, season

ACHIEVEMENTS = ("各项重点任务按计划有序推进", "群众满意度进一步提升", "工作机制不断健全完善",
                "一批群众关心关注的问题得到有效解决", "主要指标好于序时进度")
PROBLEMS = ("工作进展不够平衡", "基层力量相对薄弱", "部分单位责任落实不够到位", "宣传引导还需加强", "信息化支撑能力不足")
EMPHASES = (
    "要进一步提高政治站位，充分认识做好{subject}工作的重要意义",
    "要坚持问题导向，聚焦薄弱环节，拿出务实管用的举措",
    "要压紧压实工作责任，层层传导压力，形成工作合力",
    "要坚持以人民为中心，切实解决群众急难愁盼问题",
    "要强化督查考核，对工作推进不力的及时通报、限期整改",
    "要守牢安全底线，抓早抓小、防患未然",
)
REQUIREMENTS = (
    "各单位要对照目标任务，倒排工期、挂图作战",
    "要加强部门协同和信息共享，及时研究解决工作中遇到的困难和问题",
    "要及时总结推广好经验好做法，营造良好工作氛围",
    "要严格落实信息报送制度，重要情况第一时间报告",
)
MEASURES = ("健全工作机制", "强化督查考核", "加强部门协同", "创新工作方法", "压实工作责任", "加大资金投入")
GOALS = ("全年目标任务圆满完成", "各项工作落地见效", "{subject}工作取得新成效")
CHECK_ITEMS = ("工作台账建立", "制度落实", "隐患排查整改", "人员配备", "经费保障", "群众反映问题办理", "档案资料管理")
EXPERTS = ("市级业务主管部门专家", "高校教授", "省级业务骨干", "县委党校教师", "律师事务所执业律师")
TRAINING_TOPICS = ("政策法规解读", "业务流程规范", "典型案例分析", "信息系统操作", "应急处置实务", "廉政风险防控")
VENUES = ("社区", "农村", "学校", "企业", "家庭")
MEETING_ROOMS = ("局机关三楼会议室", "县行政中心第二会议室", "县行政中心第五会议室", "局机关视频会议室")
COUNTY_ROOMS = ("县行政中心第一会议室", "县行政中心常务会议室", "县会议中心报告厅")
TOWNSHIP_ROOMS = ("镇机关会议室", "便民服务中心会议室")
PARTNERS = ("县司法局", "县融媒体中心", "县总工会", "团县委", "县妇联", "县应急管理局", "当地乡镇（街道）")


def news_item(writer, when):
    """One 工作动态 (or, for the county portal, 要闻) article."""
    kinds = ["meeting", "meeting", "inspection", "training", "campaign", "result"]
    if writer.profile.is_county:
        kinds += ["executive", "executive", "project"]
    kind = writer.pick(kinds)

    def make():
        subject = writer.pick(writer.profile.subjects)
        draft = WRITERS[kind](writer, when, subject)
        draft.subject = subject
        return draft

    draft = writer.fresh(make)
    subject = draft.subject
    draft.keywords = draft.keywords or keywords(subject, writer.short)
    draft.cover_image = writer.rng.random() < 0.35
    if draft.cover_image:
        draft.body.insert(1, ("image", f"{writer.short}{subject}工作配图"))
    draft.source = writer.org if not writer.profile.is_county else writer.pick(("县政府办公室", "县融媒体中心", "示例县人民政府"))
    draft.author = writer.pick(("办公室", "综合科", "宣传信息科", "融媒体中心")) if writer.rng.random() < 0.6 else ""
    return draft


def _rooms(writer):
    if writer.profile.is_county:
        return COUNTY_ROOMS
    return MEETING_ROOMS if writer.profile.kind == "department" else TOWNSHIP_ROOMS


def _title_scope(writer):
    return "全县" if writer.profile.kind != "township" else "全" + writer.we[1:]


def meeting(writer, when, subject):
    rng = writer.rng
    year = local(when).year
    chief_title, chief = writer.chief()
    deputy_title, deputy = writer.deputy()
    scope = _title_scope(writer)
    title = (writer.pick((
        f"{writer.short}召开{year}年{subject}工作推进会",
        f"{writer.short}部署{season(when)}{subject}工作",
        f"{scope}{subject}工作会议召开",
        f"{writer.short}召开{subject}专题会议",
        f"{writer.short}召开{subject}工作调度会",
    )))
    body = [
        para(f"{md(when)}，{writer.org}在{writer.pick(_rooms(writer))}召开{subject}工作会议。{chief_title}{chief}出席会议并讲话，"
             f"{deputy_title}{deputy}主持会议。{writer.profile.addressees}负责同志参加会议。"),
        para(f"会议通报了近期{scope}{subject}工作开展情况，{writer.pick(writer.profile.places)}等单位作了交流发言。会议指出，"
             f"今年以来，{writer.pick(ACHIEVEMENTS)}，但也还存在{writer.pick(PROBLEMS)}等问题，必须引起高度重视。"),
        para("会议强调，" + "；".join(e.format(subject=subject) for e in writer.pick(EMPHASES, 2)) + "。"),
        para("会议要求，" + "，".join(writer.pick(REQUIREMENTS, 2)) + f"，确保{writer.pick(GOALS).format(subject=subject)}。"),
    ]
    if rng.random() < 0.3:
        body.append(para(f"会上，{chief}与各责任单位负责人签订了{year}年度{subject}目标责任书。"))
    return Draft("article", title, body)


def inspection(writer, when, subject):
    rng = writer.rng
    leader_title, leader = writer.chief() if rng.random() < 0.5 else writer.deputy()
    place, place2 = writer.pick(writer.profile.places, 2)
    title = (writer.pick((
        f"{leader_title}{leader}带队督导{subject}工作",
        f"{writer.short}开展{subject}专项检查",
        f"{leader}到{place}调研{subject}工作",
        f"{writer.short}深入{place}检查{subject}工作",
    )))
    problems = rng.randint(3, 12)
    body = [
        para(f"{md(when)}，{leader_title}{leader}带队到{place}、{place2}等地，督导检查{subject}工作。"),
        para(f"在{place}，{leader}一行详细了解了{'、'.join(writer.pick(CHECK_ITEMS, 3))}等情况，并与一线工作人员和群众代表深入交流，"
             "认真听取意见建议。"),
        para(f"{leader}指出，{subject}工作事关群众切身利益，{writer.pick(EMPHASES).format(subject=subject)}。针对检查中发现的{problems}个问题，"
             f"{leader}要求相关单位立行立改，建立问题清单，明确整改时限，确保整改到位。"),
    ]
    return Draft("article", title, body)


def training(writer, when, subject):
    rng = writer.rng
    year = local(when).year
    chief_title, chief = writer.chief()
    days = rng.randint(1, 3)
    end = local(when) + timedelta(days=days - 1)
    period = f"{md(when)}至{end.day}日" if days > 1 and end.month == local(when).month else md(when)
    title = (writer.pick((
        f"{writer.short}举办{year}年{subject}业务培训班",
        f"{_title_scope(writer)}{subject}业务骨干培训班开班",
        f"{writer.short}组织开展{subject}专题培训",
    )))
    body = [
        para(f"{period}，{writer.org}在{writer.pick(writer.profile.places)}举办{year}年{subject}业务培训班，"
             f"{writer.profile.addressees}业务骨干共{rng.randint(4, 24) * 5}人参加培训。"),
        para(f"培训采取专题讲座、案例分析和现场教学相结合的方式，邀请{writer.pick(EXPERTS)}围绕"
             f"{'、'.join(writer.pick(TRAINING_TOPICS, 3))}等内容进行了系统讲解。"),
        para(f"{chief_title}{chief}在开班式上强调，参训人员要珍惜学习机会，{writer.pick(EMPHASES).format(subject=subject)}，"
             "切实把培训成果转化为推动工作的实际成效。"),
        para("培训结束后进行了闭卷测试，参训人员均考核合格。"),
    ]
    return Draft("article", title, body)


# Campaigns tied to a date in the national calendar only happen in their months.
CAMPAIGN_MONTHS = {
    "安全生产月": (6,), "全民国家安全教育日": (4,), "政务公开日": (5,), "全国学生资助政策宣传月": (8, 9),
    "国家网络安全宣传周校园日": (9,), "防溺水安全教育": (5, 6, 7), "世界防治结核病日": (3,), "全国高血压日": (10,),
    "爱国卫生月": (4,), "春风行动": (2, 3), "民营企业招聘月": (5, 6), "就业援助月": (1,), "全国土地日": (6,),
    "世界地球日": (4,), "测绘法宣传日": (8,), "城市节水宣传周": (5,), "质量月": (9,), "中国农民丰收节": (9,),
    "3·15国际消费者权益日": (3,), "食品安全宣传周": (6,), "知识产权宣传周": (4,), "敬老月": (10,), "六五环境日": (6,),
    "全国低碳日": (5, 6, 7), "环保设施向公众开放": (5, 6), "“我们的节日”": (1, 2, 4, 6, 9), "“营商环境提升年”": (2, 3, 4),
}


def campaign(writer, when, subject):
    rng = writer.rng
    month = local(when).month
    fitting = [name for name in writer.profile.campaigns if month in CAMPAIGN_MONTHS.get(name, range(1, 13))]
    if not fitting:
        return meeting(writer, when, subject)
    name = writer.pick(fitting)
    label = name if name.endswith("宣传") else f"{name}主题宣传"
    place = writer.pick(writer.profile.places)
    title = (writer.pick((
        f"{writer.short}开展{label}活动",
        f"{label}活动走进{place}",
        f"{writer.short}集中开展{name}活动",
    )))
    body = [
        para(f"{md(when)}，{writer.org}联合{writer.pick(PARTNERS)}在{place}开展{label}活动。"),
        para(f"活动现场通过设置咨询台、悬挂横幅、发放宣传资料等形式，向过往群众宣传{subject}相关政策和知识，并现场解答群众咨询。"
             f"活动共发放宣传资料{rng.randint(3, 30) * 100}余份，接受群众咨询{rng.randint(8, 60) * 5}人次。"),
        ("quote", (f"“以前对{subject.strip('“”')}的政策了解不多，今天工作人员讲得很清楚，心里有底了。”", f"参加活动的群众{rng.choice('王李张刘陈杨')}女士")),
        para(f"下一步，{writer.we}将持续深化{subject}宣传，推动政策宣传进{'、进'.join(writer.pick(VENUES, 2))}，"
             "不断提升群众的知晓率和满意度。"),
    ]
    return Draft("article", title, body)


def result(writer, when, subject):
    """A result recognised by the level above: the city for county bodies, the county for townships."""
    rng = writer.rng
    year = local(when).year
    first_half = local(when).month <= 6
    period = f"{year - 1}年度" if first_half else f"{year}年上半年"
    township = writer.profile.kind == "township"
    who, above, ranking = (writer.short, "县", "全县") if township else ("示例县", "市", "全市")
    title = writer.pick((
        f"{who}{subject}工作获{above}级通报表扬",
        f"{writer.short}{subject}工作取得阶段性成效",
        f"{writer.short}{subject}工作经验在{ranking}推广",
    ))
    count, fixed = rng.randint(12, 90), rng.randint(20, 240)
    body = [
        para(f"近日，{above}有关部门通报了{period}{subject}工作考核结果，{who}{subject}工作位列{ranking}第{rng.randint(1, 3)}名，获通报表扬。"),
        para(f"{year - 1 if first_half else year}年以来，{writer.org}坚持系统谋划、协同推进，{'、'.join(writer.pick(MEASURES, 2))}，"
             f"推动{subject}工作提质增效。{'全年' if first_half else '今年以来'}累计开展专项检查{count}次，发现并整改问题{fixed}个，"
             f"{writer.pick(ACHIEVEMENTS)}。"),
        para(f"下一步，{writer.we}将以此为契机，{writer.pick(EMPHASES).format(subject=subject).removeprefix('要')}，"
             f"持续提升{subject}工作水平。"),
    ]
    return Draft("article", title, body)


def executive(writer, when, subject):
    """县政府常务会议: the county portal's most typical headline."""
    year = local(when).year
    number = writer.counter(f"executive-{year}", local(when).timetuple().tm_yday // 15 + 1)
    _title, chief = writer.chief()
    other = writer.pick([s for s in writer.profile.subjects if s != subject])
    policy = writer.pick(writer.profile.policies).format(y=year, y2=year + 2)
    title = (writer.pick((
        f"县政府召开第{number}次常务会议",
        f"{chief}主持召开县政府第{number}次常务会议",
    )))
    body = [
        para(f"{md(when)}，县委副书记、县长{chief}主持召开县政府第{number}次常务会议，传达学习上级有关会议和文件精神，研究部署{subject}、{other}等工作。"),
        para(f"会议听取了{subject}工作情况汇报。会议指出，{subject}是推动高质量发展的重要抓手，{writer.pick(EMPHASES).format(subject=subject)}。"),
        para(f"会议审议并原则通过了《{policy}（送审稿）》，要求有关部门根据会议意见修改完善后按程序印发实施。"),
        para(f"会议强调，当前正值{season(when)}，各乡镇（街道）和县级各部门要统筹抓好{other}等工作，{writer.pick(REQUIREMENTS)}。"),
        para("会议还研究了其他事项。"),
    ]
    return Draft("article", title, body, keywords=keywords("常务会议", subject, other))


def project(writer, when, subject):
    rng = writer.rng
    count, total = rng.randint(6, 18), rng.randint(20, 90) * 1.5
    place = writer.pick(writer.profile.places)
    quarter = (local(when).month - 1) // 3 + 1
    title = (writer.pick((
        f"我县{count}个重大项目集中开工",
        f"示例县第{quarter}季度重大项目集中签约",
        f"{place}一批重点项目加快建设",
    )))
    body = [
        para(f"{md(when)}，示例县举行第{quarter}季度重大项目集中开工（签约）活动，{count}个项目集中开工，总投资{total:.1f}亿元，"
             "涵盖先进制造、基础设施、社会民生和生态环保等领域。"),
        para(f"在{place}主会场，县领导为项目开工培土奠基。县长{writer.chief()[1]}表示，要牢固树立“项目为王”理念，"
             "全力做好要素保障和服务，推动项目早开工、早投产、早见效。"),
        para(f"据了解，今年以来全县累计新开工项目{count * 4 + rng.randint(0, 9)}个，完成固定资产投资同比增长{rng.randint(40, 120) / 10:.1f}%。"),
    ]
    return Draft("article", title, body, keywords=keywords("重大项目", "项目建设", subject))


WRITERS = {
    "meeting": meeting,
    "inspection": inspection,
    "training": training,
    "campaign": campaign,
    "result": result,
    "executive": executive,
    "project": project,
}
