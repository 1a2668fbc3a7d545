"""Seed the national statutory items (法定主动公开事项) from 条例 arts. 20–22 and 49–50.

Kept as data the information office edits; ``unverified`` marks wording or deadlines that could not
be checked against the original text (see docs/statutory-items.md).
"""

from django.db import migrations

A20 = "《中华人民共和国政府信息公开条例》第二十条第（{}）项"
A21 = "《中华人民共和国政府信息公开条例》第二十一条"
ITEMS = [
    ("a20-01-normative-documents", "行政法规、规章和规范性文件", "本机关制定的规范性文件全文、文号、成文日期、有效性，以及废止、失效情况", A20.format("一"), "all", "event", {}, "policies", True, False),
    ("a20-02-organisation", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "机构职能；内设机构；办公地址；办公时间；联系电话、传真、电子邮箱；负责人姓名", A20.format("二"), "all", "standing", {}, "overview", False, False),
    ("a20-03-plans", "国民经济和社会发展规划、专项规划、区域规划及相关政策", "规划全文、编制依据、实施情况", A20.format("三"), "county_level", "event", {}, "planning", False, False),
    ("a20-04-statistics", "国民经济和社会发展统计信息", "统计公报、主要统计数据", A20.format("四"), "county_level", "event", {}, "", False, False),
    ("a20-05-licensing", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程；办理结果", A20.format("五"), "all", "event", {}, "guides", True, False),
    ("a20-06-penalties", "实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定", "处罚、强制的依据、条件、程序；行政处罚决定", A20.format("六"), "county_level", "event", {}, "", False, False),
    ("a20-07-budget", "财政预算信息", "部门预算、“三公”经费预算及说明", A20.format("七") + "；《中华人民共和国预算法》第十四条（批复后二十日内）", "all", "yearly", {"due_month": 4, "due_day": 20}, "finance", True, True),
    ("a20-07-final-accounts", "财政决算信息", "部门决算、“三公”经费决算及说明", A20.format("七") + "；《中华人民共和国预算法》第十四条（批复后二十日内）", "all", "yearly", {"due_month": 9, "due_day": 20}, "finance", True, True),
    ("a20-08-fees", "行政事业性收费项目及其依据、标准", "收费项目、依据、标准", A20.format("八"), "county_level", "event", {}, "finance", False, False),
    ("a20-09-procurement", "政府集中采购项目的目录、标准及实施情况", "采购目录、限额标准、采购项目实施情况", A20.format("九"), "county_level", "event", {}, "", False, False),
    ("a20-10-major-projects", "重大建设项目的批准和实施情况", "批准文件、实施进展", A20.format("十"), "county_level", "event", {}, "", False, False),
    ("a20-11-livelihood", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "政策措施、实施情况", A20.format("十一"), "all", "event", {}, "", False, False),
    ("a20-12-emergencies", "突发公共事件的应急预案、预警信息及应对情况", "应急预案、预警信息、应对情况", A20.format("十二"), "all", "event", {}, "", False, False),
    ("a20-13-inspections", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "监督检查计划、结果", A20.format("十三"), "county_level", "event", {}, "", False, False),
    ("a20-14-civil-service", "公务员招考的职位、名额、报考条件等事项以及录用结果", "招考公告、职位、名额、报考条件、录用结果", A20.format("十四"), "all", "event", {}, "personnel", False, False),
    ("a20-15-other", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "", A20.format("十五"), "all", "event", {}, "", False, False),
    ("a21-municipal", "市政建设", "市政建设项目及实施情况", A21, "county_level", "event", {}, "", False, False),
    ("a21-public-services", "公共服务、公益事业", "公共服务、公益事业建设和运营情况", A21, "county_level", "event", {}, "", False, False),
    ("a21-land-expropriation", "土地征收", "征地批准文件、补偿标准、安置方案", A21, "county_level", "event", {}, "", False, False),
    ("a21-housing-expropriation", "房屋征收", "征收决定、补偿方案、补偿结果", A21, "county_level", "event", {}, "", False, False),
    ("a21-public-security", "治安管理", "治安管理政策措施和情况通报", A21, "county_level", "event", {}, "", False, False),
    ("a21-social-assistance", "社会救助", "救助政策、标准、对象（依法脱敏）和资金发放情况", A21, "county_level", "event", {}, "", False, False),
    ("a21-township-rural-policy", "贯彻落实农业农村政策措施", "政策措施及落实情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-finance", "财政收支、各类专项资金的管理和使用情况", "财政收支情况；专项资金的来源、分配、使用情况", A21 + "（乡镇部分）", "township", "quarterly", {"due_day": 20}, "finance", True, True),
    ("a21-township-irrigation", "农田水利工程建设运营", "项目、资金、建设和运营情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-land-contract", "农村土地承包经营权流转", "流转政策、流转情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-homestead", "宅基地使用情况审核", "审核条件、程序、结果", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-collective-land", "集体土地征收补偿", "征收范围、补偿标准、补偿发放情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-fundraising", "筹资筹劳", "筹资筹劳事项、标准、使用情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a21-township-relief", "抚恤救灾、社会救助", "抚恤、救灾、救助款物的发放情况", A21 + "（乡镇部分）", "township", "event", {}, "", False, True),
    ("a50-yearly-report-department", "政府信息公开工作年度报告（部门）", "上一年度政府信息公开工作年度报告", "《中华人民共和国政府信息公开条例》第四十九条（每年1月31日前）", "department", "yearly", {"due_month": 1, "due_day": 31, "due_in_following_year": True}, "", False, False),
    ("a50-yearly-report-township", "政府信息公开工作年度报告（乡镇）", "上一年度政府信息公开工作年度报告", "《中华人民共和国政府信息公开条例》第四十九条（每年1月31日前）", "township", "yearly", {"due_month": 1, "due_day": 31, "due_in_following_year": True}, "", False, True),
    ("a50-yearly-report-county", "本级政府政府信息公开工作年度报告", "上一年度本级政府政府信息公开工作年度报告", "《中华人民共和国政府信息公开条例》第五十条（每年3月31日前）", "county", "yearly", {"due_month": 3, "due_day": 31, "due_in_following_year": True}, "", False, False),
    ("a22-guide", "政府信息公开指南", "政府信息的分类、编排体系、获取方式，政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式", "《中华人民共和国政府信息公开条例》第二十二条", "all", "standing", {}, "", False, False),
]

ITEMS.append((
    "gk-rules", "政府信息公开工作制度", "本机关政府信息公开工作制度（发布审核、保密审查、依申请公开办理等）",
    "《中华人民共和国政府信息公开条例》第四条；国办公开办函〔2019〕61号", "all", "standing", {}, "", False, False,
))


def seed(apps, schema_editor):
    StatutoryItem = apps.get_model("disclosure", "StatutoryItem")
    for order, (code, name, elements, basis, applies_to, schedule, extra, kinds, needs_column, unverified) in enumerate(ITEMS):
        StatutoryItem.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "content_elements": elements, "legal_basis": basis, "applies_to": applies_to,
                "schedule": schedule, "column_kinds": kinds, "needs_column": needs_column, "unverified": unverified,
                "level": "乡级" if applies_to == "township" else "县级", "sort_order": (order + 1) * 10, **extra,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("disclosure", "StatutoryItem").objects.filter(
        code__in=[item[0] for item in ITEMS], organisation__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0010_statutory_items")]
    operations = [migrations.RunPython(seed, unseed)]
