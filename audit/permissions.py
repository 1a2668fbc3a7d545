"""Who may see the audit and change its rules: the county information office (and superusers) only."""

from django.template.response import TemplateResponse

from departments.roles import is_information_office


def may_audit(user):
    return user.is_authenticated and is_information_office(user)


def forbidden(request):
    """A real 403 page (Wagtail's own handling would redirect to the admin home with a message)."""
    return TemplateResponse(request, "audit/forbidden.html", {}, status=403)
