"""Who may manage this app's records in the admin: the county information office (and superusers)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from departments.roles import OFFICE_MEMBER_LOOKUP, is_information_office
from departments.staff import member_organisations

from .consultations.admin import may_moderate
from .interviews.admin_forms import interviews_visible_to
from .models import (
    CalendarDay,
    CalendarYear,
    ConsultationComment,
    InterviewQuestion,
    InterviewRecordEntry,
    Mailbox,
    Survey,
)
from .surveys.admin import surveys_visible_to


class InformationOfficePermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, plus every permission for members of 县政务公开办."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated:
            return False
        return is_information_office(user) or super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        return get_user_model().objects.filter(
            Q(pk__in=users.values("pk")) | Q(is_active=True, **OFFICE_MEMBER_LOOKUP)
        ).distinct()


class CommentPermissionPolicy(InformationOfficePermissionPolicy):
    """Citizens' comments: staff of any organisation may view and moderate (which ones: ``comments_visible_to``);
    nobody adds comments in the admin, and only the information office may delete one."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if action == "add":
            return False
        if is_information_office(user) or user.is_superuser:
            return True
        if action in ("change", "view"):
            return member_organisations(user).exists()
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_moderate(user, instance)


class SurveyPermissionPolicy(InformationOfficePermissionPolicy):
    """Surveys: staff of any organisation build them for their own organisations (``surveys_visible_to``)."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if is_information_office(user) or user.is_superuser:
            return True
        return action in ("add", "change", "view", "delete") and member_organisations(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and surveys_visible_to(user).filter(pk=instance.pk).exists()


class InterviewQuestionPermissionPolicy(CommentPermissionPolicy):
    """Citizens' interview questions: moderated like consultation comments, by the interview's organisation."""

    def user_has_permission_for_instance(self, user, action, instance):
        return (self.user_has_permission(user, action)
                and interviews_visible_to(user).filter(pk=instance.interview_id).exists())


class InterviewRecordPermissionPolicy(InformationOfficePermissionPolicy):
    """The live record: staff of any organisation post to their own organisations' interviews."""

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if is_information_office(user) or user.is_superuser:
            return True
        return action in ("add", "change", "view", "delete") and member_organisations(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return (self.user_has_permission(user, action)
                and interviews_visible_to(user).filter(pk=instance.interview_id).exists())


def register_permission_policies():
    for model in (CalendarDay, CalendarYear, Mailbox):
        register_permission_policy(model, InformationOfficePermissionPolicy(model))
    register_permission_policy(ConsultationComment, CommentPermissionPolicy(ConsultationComment))
    register_permission_policy(Survey, SurveyPermissionPolicy(Survey))
    register_permission_policy(InterviewQuestion, InterviewQuestionPermissionPolicy(InterviewQuestion))
    register_permission_policy(InterviewRecordEntry, InterviewRecordPermissionPolicy(InterviewRecordEntry))
