"""回应关切: the county government's answers to public concern (a matter raised by many citizens or in the media,
what the government found and what it will do), published in the portal's 回应关切 column."""

from portal.taxonomy import Genre

from .drafts import Draft, keywords, para, ymd

# (concern, what was found, what is being done, topic)
CONCERNS = (
    ("城区停车难", "城区现有公共停车泊位约4200个，高峰时段老城区缺口较大",
     "年内新增公共停车泊位800个，推行错时共享停车，机关单位停车场节假日向社会开放", ("城乡建设、环境保护", "")),
    ("农村饮用水水质", "经县疾控中心对全县集中供水工程抽检，水质指标均符合国家标准，个别村存在水压不足问题",
     "实施农村供水管网改造工程，对水压不足的村逐一排查整改，每季度公布水质检测结果", ("农业、林业、水利", "")),
    ("学校周边交通安全", "上下学时段部分学校门口存在车辆违停和人车混行现象",
     "在重点学校周边设置护学岗和临时停车区，增设交通标志标线，开展家长接送秩序专项整治", ("科技、教育", "")),
    ("老旧小区加装电梯", "全县符合条件的老旧小区住宅约360个单元，已有42个单元提出申请",
     "出台加装电梯补助办法，简化审批流程，实行“一窗受理、并联审批”", ("城乡建设、环境保护", "")),
    ("夜间施工噪声扰民", "经核查，反映集中的两处工地存在超时施工情况",
     "已责令施工单位停止夜间施工并处以罚款，建立夜间施工审批公示制度，开通噪声投诉专线", ("城乡建设、环境保护", "")),
    ("医保报销办理慢", "部分异地就医报销件因材料流转环节多，平均办理时间超过15个工作日",
     "推行异地就医直接结算，报销材料网上提交，承诺时限压缩至10个工作日", ("卫生、体育", "")),
)


def response_item(writer, when):
    """One 回应关切 article: the concern, the facts found, the measures and where to follow up."""

    def make():
        concern, found, measures, topic = writer.pick(CONCERNS)
        title = f"关于群众反映“{concern}”问题的回应"
        body = [
            para(f"近期，不少群众通过县长信箱、12345热线和网络平台反映{concern}问题。县政府高度重视，"
                 f"组织相关部门开展了调查核实，现将有关情况回应如下。"),
            para(f"一、基本情况。{found}。"),
            para(f"二、下一步措施。{measures}。"),
            para(f"三、监督渠道。欢迎社会各界继续监督，如有问题可拨打12345政务服务热线或通过政民互动栏目留言反映。"
                 f"（{ymd(when)}）"),
        ]
        return Draft("article", title, body, keywords=keywords("回应关切", concern), genre=Genre.NEWS, topic=topic)

    draft = writer.fresh(make)
    draft.source = "示例县人民政府办公室"
    return draft
