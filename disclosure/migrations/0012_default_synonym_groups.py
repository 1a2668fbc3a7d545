"""Default synonym groups (同义词) a county needs on day one; the information office edits them afterwards.

Each line is one group: a citizen's short or spoken form and the official term (and other common
forms). Loaded once; a group whose first word is already in a group is not added; unapplying removes
only the groups this migration added and nobody changed.
"""

from django.db import migrations

DEFAULT_GROUPS = [
    "低保，最低生活保障", "社保，社会保险", "医保，医疗保险，医疗保障", "公积金，住房公积金", "养老保险，养老金",
    "新农合，城乡居民基本医疗保险，居民医保", "农保，城乡居民养老保险", "失业金，失业保险金", "工伤保险，工伤险",
    "生育津贴，生育保险", "五险一金，社会保险和住房公积金", "一网通办，网上通办", "放管服，简政放权",
    "营商环境，投资环境", "户口，户籍", "户口本，户口簿", "驾照，驾驶证", "行驶证，机动车行驶证", "营业执照，工商执照",
    "个体户，个体工商户", "教资，教师资格证，教师资格", "准生证，生育登记", "出生证，出生医学证明", "残疾证，残疾人证",
    "老年证，老年人优待证", "特困，特困人员，五保户", "残补，残疾人两项补贴", "高龄补贴，高龄津贴",
    "房产证，不动产权证书，不动产证", "拆迁，房屋征收", "棚改，棚户区改造", "廉租房，公租房，公共租赁住房",
    "危房，危旧房", "小升初，初中招生", "助学贷款，生源地信用助学贷款", "扶贫，脱贫攻坚", "河长制，河湖长制",
    "12345热线，政务服务便民热线", "信访，来信来访", "网上办事，网上办事大厅，政务服务网", "政务中心，政务服务中心",
    "三公经费，三公", "双减，双减政策", "疫苗，预防接种", "新冠，新型冠状病毒，covid-19", "欠薪，拖欠工资",
    "耕地保护，耕地红线", "秸秆禁烧，秸秆焚烧", "垃圾分类，垃圾分拣", "残联，残疾人联合会", "人社局，人力资源和社会保障局",
    "住建局，住房和城乡建设局", "市监局，市场监管局，市场监督管理局", "发改局，发展和改革局", "卫健局，卫生健康局",
    "医保局，医疗保障局", "退役军人局，退役军人事务局", "结婚证，结婚登记", "车管所，车辆管理所", "公考，公务员考试",
    "城管，城市管理", "交警，交通警察",
]


def _words(text):
    return [word.strip() for word in text.split("，") if word.strip()]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("disclosure", "SynonymGroup")
    existing = {word for group in SynonymGroup.objects.all() for word in _words(group.words.replace(",", "，"))}
    SynonymGroup.objects.bulk_create(
        [SynonymGroup(words=text, active=True) for text in DEFAULT_GROUPS if _words(text)[0] not in existing])


def remove_groups(apps, schema_editor):
    apps.get_model("disclosure", "SynonymGroup").objects.filter(words__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0011_seed_statutory_items")]
    operations = [migrations.RunPython(add_groups, remove_groups)]
