"""The organisations of 示例县: the county government, its departments and its townships.

Each profile carries what the content generators need (subjects, places, laws, policy names,
services) and how lively its columns are, so the audit has something real to find: a
department whose 工作动态 went quiet 40 days ago, a township silent for three months, and a
few columns nobody ever filled.
"""

from dataclasses import dataclass, field, replace

from departments.credit_codes import make_credit_code
from portal.column_kinds import ColumnKind

COUNTY_NAME = "示例县"
DIVISION_CODE = "330199"  # fictional: no such county-level division exists
SITE_ID_CODE = "3301990001"
CHINESE_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class OrganisationProfile:
    key: str
    name: str
    short_name: str
    slug: str
    kind: str
    number: int  # makes the credit code; unique per profile
    doc_prefix: str  # 文号 prefix, e.g. 示教发
    topic: tuple  # 主题分类 (top level, second level or "")
    colour: str  # of its generated illustrations only; on the web every channel shares the county's palette
    address: str
    phone: str
    responsibilities: tuple
    leader_titles: tuple  # (position, duties)
    subjects: tuple
    campaigns: tuple
    places: tuple
    addressees: str
    laws: tuple
    policies: tuple  # document names; {y} is the year of issue
    services: tuple  # keys into services.SERVICES
    in_small: bool = False
    stale: dict = field(default_factory=dict)  # column kind -> age in days of its newest item
    empty: frozenset = frozenset()  # column kinds that never get anything
    dormant_days: int = 0  # nothing at all published for this many days
    backdated_days: int = 0  # its newest 工作动态 item shows a date this much earlier than it was really published
    office_hours: str = "工作日 上午8:30—12:00，下午14:30—17:30（夏令时 15:00—18:00）"

    @property
    def credit_code(self):
        return make_credit_code(f"11{DIVISION_CODE}{self.number:09d}")

    @property
    def is_county(self):
        return self.kind == "county"


DEPARTMENT_LEADERS = (
    ("党组书记、局长", "主持局全面工作。"),
    ("党组成员、副局长", "负责办公室、政策法规、财务审计和政务公开工作。"),
    ("党组成员、副局长", "负责业务科室和行业安全工作，协助局长做好重点项目推进。"),
)

TOWNSHIP_LEADERS = (
    ("党委书记", "主持党委全面工作。"),
    ("党委副书记、{head}", "主持政府全面工作，负责财政、审计工作。"),
    ("党委委员、{deputy}", "负责农业农村、乡村振兴、自然资源和生态环境工作。"),
)

COUNTY = OrganisationProfile(
    key="county",
    name="示例县人民政府",
    short_name="县政府",
    slug="xzf",
    kind="county",
    number=1000001,
    doc_prefix="示政发",
    topic=("综合政务", "政务公开"),
    colour="#b31b1b",
    address="示例县城关镇人民路88号县行政中心",
    phone="0571-6890 1234",
    responsibilities=(
        "执行县人民代表大会及其常务委员会的决议，以及上级国家行政机关的决定和命令，规定行政措施，发布决定和命令。",
        "领导所属各工作部门和下级人民政府的工作。",
        "执行国民经济和社会发展计划、预算，管理本行政区域内的经济、教育、科学、文化、卫生、体育事业、生态环境保护、自然资源、城乡建设事业和财政、民政、社会保障、公安、民族事务、司法行政、人口与计划生育等行政工作。",
        "保护社会主义的全民所有的财产和劳动群众集体所有的财产，保护公民私人所有的合法财产，维护社会秩序，保障公民的人身权利、民主权利和其他权利。",
        "办理上级国家行政机关交办的其他事项。",
    ),
    leader_titles=(
        ("县委副书记、县长", "主持县政府全面工作，负责审计、编制方面的工作。"),
        ("县委常委、常务副县长", "协助县长负责县政府常务工作，负责发展改革、财政、税务、金融等方面的工作。"),
        ("副县长", "负责教育、卫生健康、民政、人力资源和社会保障等方面的工作。"),
    ),
    subjects=(
        "优化营商环境", "重大项目建设", "安全生产", "乡村振兴", "民生实事项目", "防汛防台",
        "招商引资", "政务服务“一网通办”", "生态文明建设", "全国文明城市创建", "经济运行", "森林防灭火",
    ),
    campaigns=("“营商环境提升年”", "安全生产月", "全民国家安全教育日", "政务公开日"),
    places=("城东工业园区", "县政务服务中心", "青山湖景区", "县行政中心", "城北新区", "河口乡"),
    addressees="各乡镇人民政府、街道办事处，县政府各部门、各直属单位",
    laws=("《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》", "《优化营商环境条例》"),
    policies=(
        "示例县优化营商环境三年行动方案（{y}—{y2}年）",
        "示例县重大行政决策程序规定",
        "示例县政府投资项目管理办法",
        "示例县突发事件总体应急预案",
        "示例县促进民营经济高质量发展若干政策措施",
        "示例县城乡居民最低生活保障标准调整方案",
        "示例县{y}年民生实事项目实施方案",
        "示例县行政规范性文件管理办法",
        "示例县招商引资优惠政策实施细则",
        "示例县农村人居环境整治提升五年行动实施方案",
    ),
    services=("enterprise_startup", "newborn", "retirement", "disclosure_application"),
    in_small=True,
)

_DEPARTMENTS = (
    dict(
        key="jyj", name="示例县教育局", short_name="教育局", slug="jyj", number=2000101, doc_prefix="示教发",
        topic=("科技、教育", "教育"), colour="#1f5fa8", address="示例县城关镇文昌路16号", phone="0571-6890 2101",
        responsibilities=(
            "贯彻执行国家、省、市教育工作方针、政策和法律法规，拟订全县教育改革与发展规划并组织实施。",
            "负责全县各级各类教育的统筹规划和协调管理，推进义务教育优质均衡发展和学前教育普及普惠。",
            "负责全县中小学校、幼儿园教师队伍建设和教师资格认定工作。",
            "负责全县学生资助、校园安全、学校体育卫生和艺术教育工作。",
            "负责民办教育机构的审批和监督管理。",
        ),
        subjects=("义务教育优质均衡发展", "校园安全", "“双减”", "学前教育普及普惠", "教师队伍建设",
                  "学生资助", "校园食品安全", "中考中招"),
        campaigns=("全国学生资助政策宣传月", "防溺水安全教育", "国家网络安全宣传周校园日", "全民国家安全教育日"),
        places=("县第一中学", "县实验小学", "城关镇中心幼儿园", "青山镇中心学校", "县职业技术学校", "河口乡九年一贯制学校"),
        addressees="各乡镇（街道）中心学校，县直各学校（幼儿园）",
        laws=("《中华人民共和国教育法》", "《中华人民共和国义务教育法》"),
        policies=(
            "示例县学前教育发展提升行动计划（{y}—{y2}年）",
            "示例县中小学校园安全管理办法",
            "示例县{y}年义务教育阶段学校招生入学工作实施方案",
            "示例县学生资助工作管理办法",
            "示例县中小学教师“县管校聘”管理改革实施意见",
        ),
        services=("teacher_qualification", "school_transfer", "private_school"),
        in_small=True,
    ),
    dict(
        key="wjj", name="示例县卫生健康局", short_name="卫生健康局", slug="wjj", number=2000102, doc_prefix="示卫健发",
        topic=("卫生、体育", "卫生"), colour="#0f7b6c", address="示例县城关镇健康路8号", phone="0571-6890 2102",
        responsibilities=(
            "贯彻执行国民健康政策和卫生健康法律法规，拟订全县卫生健康事业发展规划并组织实施。",
            "协调推进深化医药卫生体制改革，推进紧密型县域医共体建设。",
            "负责疾病预防控制和突发公共卫生事件应急处置工作。",
            "负责医疗机构、医疗技术和医护人员执业的监督管理。",
            "负责妇幼健康、老年健康和家庭发展工作。",
        ),
        subjects=("基层医疗卫生服务能力提升", "紧密型县域医共体建设", "家庭医生签约服务", "传染病防控",
                  "爱国卫生运动", "妇幼健康", "卫生监督执法", "老年健康服务"),
        campaigns=("世界防治结核病日", "全国高血压日", "爱国卫生月", "健康素养促进行动"),
        places=("县人民医院", "县中医院", "县疾病预防控制中心", "城关镇卫生院", "青山镇卫生院", "东城街道社区卫生服务中心"),
        addressees="各乡镇卫生院、社区卫生服务中心，县直各医疗卫生单位",
        laws=("《中华人民共和国基本医疗卫生与健康促进法》", "《中华人民共和国传染病防治法》"),
        policies=(
            "示例县紧密型县域医共体建设实施方案",
            "示例县家庭医生签约服务工作规范",
            "示例县突发公共卫生事件应急预案",
            "示例县基层医疗卫生机构绩效考核办法",
            "示例县健康示例行动（{y}—{y2}年）",
        ),
        services=("physician_registration", "birth_certificate", "medical_institution"),
        in_small=True,
    ),
    dict(
        key="rsj", name="示例县人力资源和社会保障局", short_name="人力社保局", slug="rsj", number=2000103, doc_prefix="示人社发",
        topic=("劳动、人事、监察", "就业"), colour="#8a4b08", address="示例县城关镇人民路120号", phone="0571-6890 2103",
        responsibilities=(
            "贯彻执行人力资源和社会保障事业发展政策，拟订全县人力资源和社会保障事业发展规划。",
            "负责促进就业工作，拟订统筹城乡的就业发展规划和政策，完善公共就业创业服务体系。",
            "统筹建立覆盖城乡的社会保障体系，组织实施城乡居民养老保险、工伤保险和失业保险政策。",
            "负责劳动关系协调、劳动保障监察和劳动人事争议调解仲裁工作，依法查处欠薪案件。",
            "负责事业单位人事管理和专业技术人员、技能人才队伍建设。",
        ),
        subjects=("稳就业", "根治欠薪", "城乡居民养老保险扩面", "技能人才培养", "高校毕业生就业",
                  "劳动人事争议调解", "工伤保险", "创业担保贷款"),
        campaigns=("春风行动", "民营企业招聘月", "就业援助月", "“人社服务进万家”"),
        places=("县人力资源市场", "城东工业园区", "县就业创业服务中心", "县职业技能培训中心", "青山镇便民服务中心"),
        addressees="各乡镇人民政府、街道办事处人力社保服务站，县级有关单位",
        laws=("《中华人民共和国就业促进法》", "《保障农民工工资支付条例》"),
        policies=(
            "示例县就业创业扶持政策实施细则",
            "示例县创业担保贷款及贴息管理办法",
            "示例县根治拖欠农民工工资工作实施方案",
            "示例县技能人才评价工作实施办法",
            "示例县城乡居民基本养老保险实施办法",
        ),
        services=("unemployment_benefit", "pension_registration", "employment_card"),
    ),
    dict(
        key="zrj", name="示例县自然资源和规划局", short_name="自然资源和规划局", slug="zrzyj", number=2000104,
        doc_prefix="示自然资规发", topic=("国土资源、能源", ""), colour="#5b6b1f", address="示例县城关镇建设路55号",
        phone="0571-6890 2104",
        responsibilities=(
            "履行全民所有土地、矿产、森林、湿地、水等自然资源资产所有者职责和国土空间用途管制职责。",
            "负责国土空间规划的编制和监督实施，负责建设项目规划许可和土地供应。",
            "负责耕地保护和永久基本农田特殊保护，落实耕地占补平衡。",
            "负责不动产统一登记工作和地质灾害防治工作。",
            "负责自然资源领域执法监察，查处违法用地和违法采矿行为。",
        ),
        subjects=("耕地保护", "国土空间规划", "不动产登记便民服务", "自然资源执法", "地质灾害防治",
                  "林长制", "矿产资源管理", "土地征收"),
        campaigns=("全国土地日", "世界地球日", "地质灾害防治宣传", "测绘法宣传日"),
        places=("县不动产登记中心", "青山镇地质灾害隐患点", "城东片区", "河口乡永久基本农田保护区", "县政务服务中心"),
        addressees="各乡镇（街道）自然资源所，局机关各科室、各下属单位",
        laws=("《中华人民共和国土地管理法》", "《中华人民共和国城乡规划法》"),
        policies=(
            "示例县耕地保护责任目标考核办法",
            "示例县国有建设用地使用权出让管理办法",
            "示例县地质灾害防治方案（{y}年）",
            "示例县不动产登记“一窗受理”工作规范",
        ),
        services=("real_estate_registration", "planning_permit", "land_use_permit"),
        in_small=True,
        stale={ColumnKind.NEWS: 40},
        empty=frozenset({ColumnKind.INTERPRETATIONS}),
    ),
    dict(
        key="zjj", name="示例县住房和城乡建设局", short_name="住房城乡建设局", slug="zjj", number=2000105,
        doc_prefix="示建发", topic=("城乡建设、环境保护", "城乡建设（含住房）"), colour="#4a4e9c",
        address="示例县城关镇建设路60号", phone="0571-6890 2105",
        responsibilities=(
            "贯彻执行住房和城乡建设方面的法律法规和政策，拟订全县住房和城乡建设发展规划。",
            "负责保障性住房建设和管理，推进城镇老旧小区改造和农村危房改造。",
            "负责建筑市场和建设工程质量安全的监督管理。",
            "负责房地产市场、物业服务行业的监督管理。",
            "负责城镇燃气、供排水等市政公用事业的指导和监督。",
        ),
        subjects=("城镇老旧小区改造", "建筑施工安全", "保障性住房", "农村危房改造", "物业服务管理",
                  "燃气安全", "城市排水防涝", "房地产市场平稳健康发展"),
        campaigns=("安全生产月", "城市节水宣传周", "燃气安全进社区", "质量月"),
        places=("人民路老旧小区", "城东安置小区项目", "县保障性住房小区", "城北污水处理厂", "文昌路改造工程"),
        addressees="各乡镇（街道）村镇建设办，各建设、施工、监理单位",
        laws=("《中华人民共和国建筑法》", "《物业管理条例》"),
        policies=(
            "示例县城镇老旧小区改造工作实施方案",
            "示例县公共租赁住房管理办法",
            "示例县建设工程质量安全管理办法",
            "示例县住宅专项维修资金管理办法",
            "示例县城镇燃气安全专项整治工作方案",
        ),
        services=("construction_permit", "public_rental_housing", "housing_maintenance_fund"),
    ),
    dict(
        key="nyj", name="示例县农业农村局", short_name="农业农村局", slug="nyncj", number=2000106, doc_prefix="示农发",
        topic=("农业、林业、水利", "农业、农村"), colour="#2e7d32", address="示例县城关镇丰收路22号", phone="0571-6890 2106",
        responsibilities=(
            "统筹研究和组织实施“三农”工作的发展规划和政策，推进乡村振兴。",
            "负责粮食等重要农产品生产，组织推进高标准农田建设。",
            "负责农产品质量安全监督管理和农业投入品监管。",
            "负责动植物疫病防控和农业防灾减灾工作。",
            "负责农村宅基地改革和管理、农村集体产权制度改革工作。",
        ),
        subjects=("粮食生产", "高标准农田建设", "和美乡村建设", "农产品质量安全", "动物疫病防控",
                  "农村宅基地管理", "春耕备耕", "秋收秋种"),
        campaigns=("中国农民丰收节", "科技下乡", "放心农资下乡进村", "农业综合执法宣传"),
        places=("青山镇水稻种植基地", "河口乡茶叶基地", "白沙乡蔬菜大棚", "县农业科技示范园", "城关镇上坪村"),
        addressees="各乡镇（街道）农业农村办，局属各单位",
        laws=("《中华人民共和国农业法》", "《中华人民共和国乡村振兴促进法》"),
        policies=(
            "示例县{y}年粮食生产扶持政策",
            "示例县高标准农田建设项目管理办法",
            "示例县农村宅基地管理办法（试行）",
            "示例县农产品质量安全网格化管理实施方案",
            "示例县和美乡村建设三年行动计划（{y}—{y2}年）",
        ),
        services=("agri_machinery_subsidy", "pesticide_licence", "animal_epidemic"),
    ),
    dict(
        key="scjgj", name="示例县市场监督管理局", short_name="市场监管局", slug="scjgj", number=2000107, doc_prefix="示市监发",
        topic=("市场监管、安全生产监管", ""), colour="#9c2f5a", address="示例县城关镇商贸路18号", phone="0571-6890 2107",
        responsibilities=(
            "负责市场综合监督管理和市场主体统一登记注册工作。",
            "负责食品安全监督管理，组织实施食品安全风险监测和抽检。",
            "负责药品、医疗器械和化妆品零售使用环节的质量监督管理。",
            "负责特种设备安全、计量、标准化和产品质量监督管理。",
            "负责知识产权保护和价格监督检查、反不正当竞争执法。",
        ),
        subjects=("食品安全", "特种设备安全", "药品安全", "知识产权保护", "市场主体登记便利化",
                  "价格监管", "计量监督", "“双随机、一公开”监管"),
        campaigns=("3·15国际消费者权益日", "食品安全宣传周", "质量月", "知识产权宣传周"),
        places=("县农贸市场", "城关镇商业街", "县第一中学食堂", "东城街道超市", "城东工业园区"),
        addressees="各市场监管所，局机关各科室",
        laws=("《中华人民共和国食品安全法》", "《中华人民共和国市场主体登记管理条例》"),
        policies=(
            "示例县食品安全“两个责任”落实工作方案",
            "示例县特种设备安全隐患排查治理工作方案",
            "示例县市场监管领域轻微违法行为不予行政处罚清单",
            "示例县知识产权资助奖励办法",
        ),
        services=("individual_business", "food_licence", "company_registration"),
    ),
    dict(
        key="mzj", name="示例县民政局", short_name="民政局", slug="mzj", number=2000108, doc_prefix="示民发",
        topic=("民政、扶贫、救灾", "社会福利"), colour="#c25b11", address="示例县城关镇和平路30号", phone="0571-6890 2108",
        responsibilities=(
            "贯彻执行民政工作方针政策和法律法规，拟订全县民政事业发展规划。",
            "负责最低生活保障、特困人员救助供养、临时救助等社会救助工作。",
            "统筹推进养老服务体系建设，负责老年人福利和困境儿童保障工作。",
            "负责婚姻登记、殡葬管理和行政区划、地名管理工作。",
            "负责社会组织登记和监督管理。",
        ),
        subjects=("最低生活保障", "特困人员供养", "养老服务体系建设", "未成年人保护", "婚姻登记",
                  "殡葬改革", "社会组织管理", "残疾人两项补贴"),
        campaigns=("“民政为民 民政爱民”", "敬老月", "婚俗改革宣传", "社会救助政策宣传"),
        places=("县社会福利中心", "城关镇居家养老服务中心", "县婚姻登记处", "青山镇敬老院", "东城街道儿童之家"),
        addressees="各乡镇人民政府、街道办事处民政办",
        laws=("《社会救助暂行办法》", "《中华人民共和国老年人权益保障法》"),
        policies=(
            "示例县最低生活保障审核确认办法",
            "示例县特困人员救助供养实施办法",
            "示例县临时救助实施细则",
            "示例县居家和社区养老服务补贴办法",
        ),
        services=("marriage_registration", "subsistence_allowance", "disability_subsidy"),
        stale={ColumnKind.NOTICES: 210},
        empty=frozenset({ColumnKind.PLANNING}),
    ),
    dict(
        key="czj", name="示例县财政局", short_name="财政局", slug="czj", number=2000109, doc_prefix="示财发",
        topic=("财政、金融、审计", "财政"), colour="#6a3d9a", address="示例县城关镇人民路90号", phone="0571-6890 2109",
        responsibilities=(
            "贯彻执行财税方针政策，拟订全县财政发展规划和年度预算并组织执行。",
            "负责政府非税收入、政府性基金和国有资本经营预算管理。",
            "负责政府采购监督管理和行政事业单位国有资产管理。",
            "负责政府债务管理和预算绩效管理工作。",
            "负责惠民惠农财政补贴资金“一卡通”发放管理和会计监督工作。",
        ),
        subjects=("预算执行", "直达资金监管", "政府采购", "国有资产管理", "惠民惠农财政补贴“一卡通”",
                  "财会监督", "政府债务风险防控", "预算绩效管理"),
        campaigns=("财经法规宣传", "政府采购政策宣传", "“一卡通”政策宣传", "会计法宣传"),
        places=("县政务服务中心", "青山镇财政所", "县国有资产经营公司", "城关镇财政所"),
        addressees="各乡镇人民政府、街道办事处，县级各预算单位",
        laws=("《中华人民共和国预算法》", "《中华人民共和国政府采购法》"),
        policies=(
            "示例县县级预算绩效管理办法",
            "示例县政府采购内部控制管理办法",
            "示例县行政事业单位国有资产管理办法",
            "示例县惠民惠农财政补贴资金“一卡通”管理办法",
        ),
        services=("procurement_complaint", "non_tax_receipt"),
    ),
    dict(
        key="sthj", name="示例县生态环境分局", short_name="生态环境分局", slug="sthjfj", number=2000110, doc_prefix="示环发",
        topic=("城乡建设、环境保护", "环境监测、保护与治理"), colour="#00695c", address="示例县城关镇环城北路12号",
        phone="0571-6890 2110",
        responsibilities=(
            "贯彻执行生态环境保护法律法规和政策，组织实施全县生态环境保护规划。",
            "负责大气、水、土壤、噪声等污染防治的监督管理。",
            "负责建设项目环境影响评价审批和排污许可管理。",
            "负责生态环境监测和生态环境保护综合执法工作。",
            "负责中央和省生态环境保护督察反馈问题的整改落实。",
        ),
        subjects=("大气污染防治", "水污染防治", "土壤污染防治", "生态环境保护督察整改", "排污许可",
                  "生态环境执法", "噪声污染防治", "饮用水水源地保护"),
        campaigns=("六五环境日", "全国低碳日", "生态文明宣传月", "环保设施向公众开放"),
        places=("城北污水处理厂", "城东工业园区", "青山湖饮用水水源地", "河口乡溪流断面", "县空气自动监测站"),
        addressees="各乡镇人民政府、街道办事处，各排污单位",
        laws=("《中华人民共和国环境保护法》", "《中华人民共和国大气污染防治法》"),
        policies=(
            "示例县大气污染防治攻坚行动方案",
            "示例县饮用水水源地保护管理办法",
            "示例县建设项目环境影响评价审批改革实施方案",
            "示例县重污染天气应急预案",
        ),
        services=("eia_approval", "discharge_permit"),
    ),
)

TOWNSHIP_SUBJECTS = (
    "农村人居环境整治", "防汛防台", "森林防灭火", "乡村振兴", "安全生产", "基层社会治理",
    "征兵", "城乡居民医保征缴", "矛盾纠纷排查化解", "新时代文明实践",
)
TOWNSHIP_CAMPAIGNS = ("“美丽庭院”创建", "禁毒宣传", "反诈宣传进村入户", "“我们的节日”", "文明新风")
TOWNSHIP_POLICIES = (
    "{town}{y}年农村人居环境整治工作方案",
    "{town}防汛防台应急预案",
    "{town}森林防灭火工作实施方案",
    "{town}村级财务管理办法",
    "{town}网格化服务管理工作实施方案",
)

_TOWNSHIPS = (
    dict(
        key="cgz", name="示例县城关镇人民政府", short_name="城关镇", slug="cgz", number=3000201, doc_prefix="城政发",
        head="镇长", deputy="副镇长", colour="#ad1457", address="示例县城关镇解放路1号", phone="0571-6891 0201",
        places=("城北社区", "南门社区", "上坪村", "文昌社区", "西山村", "镇便民服务中心"), in_small=True,
    ),
    dict(
        key="qsz", name="示例县青山镇人民政府", short_name="青山镇", slug="qsz", number=3000202, doc_prefix="青政发",
        head="镇长", deputy="副镇长", colour="#33691e", address="示例县青山镇青山大道8号", phone="0571-6891 0202",
        places=("青山村", "竹林村", "石门村", "龙潭村", "青山集镇", "镇便民服务中心"),
    ),
    dict(
        key="hkx", name="示例县河口乡人民政府", short_name="河口乡", slug="hkx", number=3000203, doc_prefix="河政发",
        head="乡长", deputy="副乡长", colour="#01579b", address="示例县河口乡河滨路3号", phone="0571-6891 0203",
        places=("河口村", "下湾村", "桥头村", "茶园村", "乡便民服务中心"), in_small=True,
        dormant_days=95, empty=frozenset({ColumnKind.INTERPRETATIONS, ColumnKind.PERSONNEL}),
    ),
    dict(
        key="dcjd", name="示例县东城街道办事处", short_name="东城街道", slug="dcjd", number=3000204, doc_prefix="东办发",
        head="街道办事处主任", deputy="街道办事处副主任", colour="#4e342e", address="示例县东城街道东湖路66号",
        phone="0571-6891 0204", places=("东湖社区", "新城社区", "工业园社区", "杨家村", "街道便民服务中心"),
    ),
    dict(
        key="bsx", name="示例县白沙乡人民政府", short_name="白沙乡", slug="bsx", number=3000205, doc_prefix="白政发",
        head="乡长", deputy="副乡长", colour="#e65100", address="示例县白沙乡白沙街20号", phone="0571-6891 0205",
        places=("白沙村", "沙洲村", "樟树村", "岭下村", "乡便民服务中心"), backdated_days=18,
    ),
)


def _department(data):
    return OrganisationProfile(kind="department", leader_titles=DEPARTMENT_LEADERS, **data)


def _township(data):
    data = dict(data)
    head, deputy = data.pop("head"), data.pop("deputy")
    short = data["short_name"]
    leaders = tuple((position.format(head=head, deputy=deputy), duties) for position, duties in TOWNSHIP_LEADERS)
    return OrganisationProfile(
        kind="township",
        topic=("综合政务", "政务公开"),
        responsibilities=(
            f"贯彻执行党和国家的路线方针政策和法律法规，执行县委、县政府的决定，组织实施{short}经济社会发展规划。",
            "负责本辖区乡村振兴、农业农村、自然资源和生态环境保护工作。",
            "负责本辖区社会救助、养老服务、退役军人服务、医疗保障等公共服务工作。",
            "负责本辖区安全生产、防汛防台、森林防灭火等应急管理工作。",
            "指导村（居）民委员会工作，推进基层社会治理和平安建设。",
        ),
        leader_titles=leaders,
        subjects=TOWNSHIP_SUBJECTS,
        campaigns=TOWNSHIP_CAMPAIGNS,
        addressees="各村（社区），各站所、办公室",
        laws=("《中华人民共和国乡村振兴促进法》", "《中华人民共和国村民委员会组织法》"),
        policies=tuple(name.replace("{town}", short) for name in TOWNSHIP_POLICIES),
        services=("homestead", "temporary_assistance", "longevity_allowance", "resident_medical_insurance"),
        **data,
    )


DEPARTMENTS = tuple(_department(data) for data in _DEPARTMENTS)
TOWNSHIPS = tuple(_township(data) for data in _TOWNSHIPS)


def scaled_copy(profile, copy):
    """The ``copy``-th extra copy (2, 3 …) of a profile, for benchmarks: 教育局二 / jyj2."""
    ordinal = CHINESE_ORDINALS[copy - 1] if copy <= len(CHINESE_ORDINALS) else str(copy)
    return replace(
        profile,
        key=f"{profile.key}{copy}",
        name=f"{profile.name}{ordinal}",
        short_name=f"{profile.short_name}{ordinal}",
        slug=f"{profile.slug}{copy}",
        number=profile.number + 10000 * (copy - 1),
        doc_prefix=profile.doc_prefix.replace("发", f"{ordinal}发"),
    )


def demo_organisations(small=False, scale=1):
    """The county first, then departments and townships (``scale`` copies of each)."""
    departments = [profile for profile in DEPARTMENTS if profile.in_small or not small]
    townships = [profile for profile in TOWNSHIPS if profile.in_small or not small]
    chosen = [COUNTY, *departments, *townships]
    for copy in range(2, scale + 1):
        chosen += [scaled_copy(profile, copy) for profile in (*departments, *townships)]
    return chosen
