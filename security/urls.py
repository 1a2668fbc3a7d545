"""Admin URLs of the security app, mounted under /admin/security/ by wagtail_hooks."""

from django.urls import path

from . import otp_views

urlpatterns = [
    path("otp/verify/", otp_views.verify, name="security_otp_verify"),
    path("otp/setup/", otp_views.setup, name="security_otp_setup"),
    path("otp/recovery-codes/", otp_views.recovery_codes_view, name="security_otp_recovery_codes"),
]
