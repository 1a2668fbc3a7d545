"""The admin's edit view for what citizens send (``ModeratedSubmission``: consultation comments, interview questions)."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.snippets.views.snippets import EditView


class ModerationEditView(EditView):
    """Only staff who may see the submission open it (``visible_to``); changing its status records who and when."""

    def visible_to(self, user):
        """The submissions ``user`` may moderate (a queryset); subclasses say which."""
        raise NotImplementedError

    def get_object(self, queryset=None):
        submission = super().get_object(queryset)
        if not self.visible_to(self.request.user).filter(pk=submission.pk).exists():
            raise PermissionDenied
        return submission

    def save_instance(self):
        submission = self.form.instance
        if "status" in self.form.changed_data:
            submission.moderated_at = timezone.now()
            submission.moderated_by = self.request.user
        return super().save_instance()
