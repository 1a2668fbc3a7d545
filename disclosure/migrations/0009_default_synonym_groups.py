"""Default synonym groups (同义词) a county needs on day one; the information office edits them afterwards.

Each line is one group: a citizen's short or spoken form and the official term (and other common
forms). Loaded once; a group already present (same words) is not added twice; unapplying removes
only the groups this migration added and nobody changed.
"""

from django.db import migrations

DEFAULT_GROUPS = [
    "低保，最低生活保障", "社保，社会保险", "医保，医疗保险，医疗保障", "公积金，住房公积金", "养老保险，养老金",
    "新农合，城乡居民基本医疗保险，居民医保", "农保，新型农村社会养老保险，城乡居民养老保险", "失业金，失业保险金",
    "工伤保险，工伤险", "生育津贴，生育保险", "五险一金，社会保险和住房公积金", "一网通办，一网办理", "放管服，简政放权",
    "营商环境，优化营商环境", "最多跑一次，最多跑一次改革", "一件事一次办，一件事",
    "身份证，居民身份证", "户口，户籍", "户口本，户口簿", "驾照，驾驶证，机动车驾驶证", "行驶证，机动车行驶证",
    "营业执照，工商执照", "个体户，个体工商户", "教资，教师资格证，教师资格", "准生证，生育登记", "出生证，出生医学证明",
    "残疾证，残疾人证", "老年证，老年人优待证", "低收入，低收入人口", "特困，特困人员，五保户", "临时救助，临时求助",
    "残补，残疾人两项补贴", "高龄补贴，高龄津贴", "房产证，不动产权证书，不动产证", "拆迁，房屋征收", "棚改，棚户区改造",
    "廉租房，公租房，公共租赁住房", "危房改造，农村危房改造", "义务教育，九年义务教育", "小升初，初中招生",
    "助学贷款，生源地信用助学贷款", "扶贫，脱贫攻坚", "河长制，河湖长制", "林长制，林长", "12345热线，政务服务便民热线",
    "信访，来信来访", "网上办事，网上办事大厅，政务服务网", "政务中心，政务服务中心", "便民服务中心，便民服务站",
    "三公经费，三公", "双减，双减政策",
    "疫苗，预防接种", "核酸，核酸检测", "新冠，新型冠状病毒，covid-19", "家庭医生，家庭医生签约服务",
    "欠薪，拖欠工资，欠薪问题", "农民工工资，农民工工资支付", "耕地保护，耕地红线", "秸秆禁烧，秸秆焚烧", "垃圾分类，生活垃圾分类",
]


def _words(text):
    return [word.strip() for word in text.split("，") if word.strip()]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("disclosure", "SynonymGroup")
    existing = {tuple(_words(group.words.replace(",", "，"))) for group in SynonymGroup.objects.all()}
    SynonymGroup.objects.bulk_create(
        [SynonymGroup(words=text, active=True) for text in DEFAULT_GROUPS if tuple(_words(text)) not in existing])


def remove_groups(apps, schema_editor):
    apps.get_model("disclosure", "SynonymGroup").objects.filter(words__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0008_audit_cover_index")]
    operations = [migrations.RunPython(add_groups, remove_groups)]
