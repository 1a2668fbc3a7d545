"""规划计划, 财政资金 and 机构概况: yearly plans, budgets and final accounts, the organisation's profile.

Plans and budgets follow the fiscal calendar (budgets in February–March, final accounts in
August–September, plans in January–March), which the schedule passes in as ``occasion``.
"""

from portal.taxonomy import Genre

from .drafts import Attachment, Draft, bullet_list, csv_text, heading, keywords, numeral, para

WORK_VERBS = ("持续深化", "全面推进", "扎实开展", "着力抓好", "加快推进", "统筹做好")


def planning_item(writer, when, occasion):
    year = occasion["year"]
    variant = occasion["variant"]
    subjects = writer.pick(writer.profile.subjects, 4)
    if variant == "keypoints":
        title = f"{writer.org}{year}年工作要点"
        intro = f"{year}年是全面完成“十四五”规划目标任务、谋划“十五五”发展的关键之年。{writer.org}工作的总体要求是：坚持稳中求进工作总基调，聚焦中心、服务大局，推动各项工作提质增效。"
    elif variant == "summary":
        title = f"{writer.org}{year - 1}年工作总结和{year}年工作思路"
        intro = f"{year - 1}年，在县委、县政府的坚强领导下，{writer.org}紧紧围绕年度目标任务，真抓实干、奋勇争先，各项工作取得明显成效。现将有关情况报告如下。"
    else:
        title = f"{writer.org}{year}年上半年工作总结"
        intro = f"{year}年上半年，{writer.org}认真贯彻落实县委、县政府决策部署，各项工作有序推进，现将上半年工作情况总结如下。"
    body = [para(intro)]
    for index, subject in enumerate(subjects):
        body.append(heading(f"{numeral(index)}、{writer.pick(WORK_VERBS)}{subject}工作"))
        body.append(para(f"围绕{subject}目标任务，完善工作机制，细化责任分工，{writer.pick(('强化督查考核', '加强部门协同', '补齐短板弱项', '提升服务水平'))}，"
                         f"确保{subject}各项指标{'全面完成' if variant != 'keypoints' else '按期完成'}。"))
    return Draft("article", title, body, keywords=keywords("工作要点" if variant == "keypoints" else "工作总结", *subjects[:2]),
                 genre=Genre.PLAN, topic=("综合政务", "政务督查"))


def finance_item(writer, when, occasion):
    year = occasion["year"]
    variant = occasion["variant"]
    rng = writer.rng
    scope = "部门" if writer.profile.kind != "township" else "本级"
    total = rng.randint(900, 9800) * 10
    general = int(total * rng.uniform(0.82, 0.96))
    other = total - general
    basic = int(total * rng.uniform(0.45, 0.7))
    project = total - basic
    if variant == "three_public":
        rows = [["项目", f"{year}年预算（万元）", f"{year - 1}年预算（万元）", "增减（万元）"]]
        figures = [("因公出国（境）费", 0, 0), ("公务接待费", rng.randint(10, 60) / 10, rng.randint(10, 70) / 10),
                   ("公务用车购置及运行维护费", rng.randint(20, 120) / 10, rng.randint(20, 130) / 10)]
        for name, now, before in figures:
            rows.append([name, f"{now:.1f}", f"{before:.1f}", f"{now - before:+.1f}"])
        title = f"{writer.org}{year}年“三公”经费预算情况说明"
        body = [para(f"{year}年{writer.org}“三公”经费预算合计{sum(f[1] for f in figures):.1f}万元，比上年减少。其中：因公出国（境）费0万元；"
                     "公务接待费和公务用车运行维护费严格按照厉行节约有关规定编制。"), ("table", rows)]
    else:
        budget = variant == "budget"
        label = "预算" if budget else "决算"
        title = f"{writer.org}{year}年{scope}{label}"
        rows = [["项目", "金额（万元）"], ["收入合计", f"{total / 10:.1f}"], ["其中：一般公共预算拨款", f"{general / 10:.1f}"],
                ["其他收入", f"{other / 10:.1f}"], ["支出合计", f"{total / 10:.1f}"], ["其中：基本支出", f"{basic / 10:.1f}"],
                ["项目支出", f"{project / 10:.1f}"]]
        body = [
            heading("第一部分 部门概况"),
            para(f"{writer.org}的主要职责是：{writer.profile.responsibilities[0]}"),
            heading(f"第二部分 {year}年{scope}{label}情况说明"),
            para(f"{year}年{writer.org}收入{label}{total / 10:.1f}万元，其中一般公共预算拨款{general / 10:.1f}万元；支出{label}{total / 10:.1f}万元，"
                 f"其中基本支出{basic / 10:.1f}万元，项目支出{project / 10:.1f}万元，主要用于{writer.pick(writer.profile.subjects)}等工作。"),
            ("table", rows),
            heading("第三部分 名词解释"),
            para("基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
        ]
        if not budget:
            body.insert(4, para("决算数与年初预算数的差异，主要是年中追加了上级专项转移支付资金。"))
    body.append(("attachment", Attachment(f"{title}公开表", "gongkai-biao.csv", csv_text(rows))))
    item = "a20-07-final-accounts" if variant == "final" else "a20-07-budget"
    return Draft("article", title, body, keywords=keywords(title[-4:], "财政资金", "公开"), genre=Genre.STATISTICS,
                 topic=("财政、金融、审计", "财政"), statutory_item=item)


def overview_item(writer, when):
    profile = writer.profile
    title = f"{profile.name}机构职能"
    body = [heading("一、主要职责"), bullet_list(profile.responsibilities), heading("二、领导信息")]
    body.append(bullet_list([f"{position}：{name}" for position, name in writer.leaders]))
    body += [heading("三、联系方式"), para(f"办公地址：{profile.address}"), para(f"联系电话：{profile.phone}"), para(f"办公时间：{profile.office_hours}")]
    return Draft("article", title, body, keywords=keywords("机构职能", profile.short_name), genre=Genre.OTHER)
