"""办事指南: a ServiceGuidePage draft from one of the county's services."""

from portal.taxonomy import Genre

from .drafts import Attachment, Draft, keywords, para


def guide_item(writer, when, service):
    profile = writer.profile
    location = service.window
    if "县政务服务中心" in location:
        location = f"{location}（示例县城关镇人民路88号县行政中心东侧）"
    elif profile.kind == "township":
        location = location.replace("镇（乡、街道）", profile.short_name) + f"（{profile.address}）"
    forms = []
    if service.form:
        lines = [service.form, "", "申请人（单位）：", "统一社会信用代码/身份证号：", "联系地址：", "联系电话：", "", "申请事项：" + service.name,
                 "", "申请材料清单："] + [f"{index}. {name}（{form}）" for index, (name, form) in enumerate(service.materials, start=1)]
        lines += ["", "申请人承诺：以上信息和材料真实有效。", "", "申请人签名（盖章）：              年    月    日"]
        forms.append(Attachment(service.form, "shenqing-biao.txt", "\n".join(lines)))
    fields = {
        "service_name": service.name,
        "applicants": service.applicants,
        "conditions": [para(text) for text in service.conditions],
        "materials": [{"name": name, "form": form, "notes": ""} for name, form in service.materials],
        "process": [para(f"{index}. {step}") for index, step in enumerate(service.steps, start=1)],
        "legal_time_limit": service.legal_limit,
        "promised_time_limit": service.promised_limit,
        "fees": service.fees,
        "location": location,
        "office_hours": "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
        "phone": profile.phone,
    }
    return Draft(
        "guide", f"{service.name}办事指南", keywords=keywords(service.name[:8], "办事指南"), genre=Genre.SERVICE_GUIDE,
        summary=f"{service.name}的办理对象、条件、材料、流程和时限。", fields=fields, attachments=forms,
    )
