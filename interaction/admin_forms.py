"""Forms staff use on a letter in the admin: assign, forward, reply, and mark it 无效 / 不予受理 / 转信访."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from departments.models import Organisation
from departments.roles import OFFICE_MEMBER_LOOKUP
from interaction.models import Letter


def staff_for(organisation):
    """Users who can handle the organisation's letters: its editors and approvers, and the information office."""
    groups = [group for group in (organisation.editors_group_id, organisation.approvers_group_id) if group]
    return (
        get_user_model().objects.filter(is_active=True)
        .filter(Q(groups__pk__in=groups) | Q(**OFFICE_MEMBER_LOOKUP))
        .distinct().order_by("username")
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("经办人"), queryset=get_user_model().objects.none(), required=False, empty_label=_("（不指定）")
    )

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_for(letter.organisation)
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class ForwardForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("转至机构"), queryset=Organisation.objects.none(),
        error_messages={"required": _("请选择转办机构。"), "invalid_choice": _("请选择转办机构。")},
    )
    note = forms.CharField(label=_("转办说明"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, required=False)

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active().exclude(pk=letter.organisation_id)


class DispositionForm(forms.Form):
    """认定处理结论: 无效 / 不予受理 / 转信访 (not counted by the inspection), always with a reason."""

    disposition = forms.ChoiceField(label=_("处理结论"), required=False)
    reason = forms.CharField(
        label=_("认定理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, required=False,
        help_text=_("例如：内容为广告；属于信访事项，已转县信访局。检查时将核对理由。"),
    )

    def __init__(self, *args, letter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disposition"].choices = [("", _("有效留言（不作认定）")), *Letter.Disposition.choices]

    def clean(self):
        data = super().clean()
        if data.get("disposition") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("认定为无效、不予受理或转信访时，请填写理由。"))
        return data


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 10}), max_length=10000,
        error_messages={"required": _("请填写答复内容。"), "max_length": _("答复内容不能超过%(limit_value)d字。")},
    )


class PublicationForm(forms.Form):
    """公开决定: an answered letter goes public only with the writer's consent; holding it back needs a reason."""

    publish = forms.TypedChoiceField(
        label=_("是否公开本信及答复"), coerce=lambda value: value == "1",
        choices=[("1", _("公开（来信人已同意，公开时隐去姓名和联系方式）")), ("0", _("不予公开"))],
        error_messages={"required": _("请选择是否公开。")},
    )
    reason = forms.CharField(label=_("不予公开的理由"), max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        if not letter.may_publish:
            self.fields["publish"].choices = [("0", _("不予公开（来信人未同意公开）"))]
