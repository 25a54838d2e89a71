"""Logging in and out, throttling, and a user's language."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import login, logout
from django.utils import timezone

from betterback.accounts.models import FailedLogin, User
from betterback.audit import events


def _window_start():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def is_locked(email: str) -> bool:
    recent = FailedLogin.objects.filter(email=email.strip().lower(), at__gte=_window_start())
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


def note_failed_login(request, email: str) -> None:
    email = email.strip().lower()[:254]
    FailedLogin.objects.filter(at__lt=_window_start()).delete()
    FailedLogin.objects.create(email=email)
    events.login_failed(request, email)


def do_login(request, user: User) -> None:
    login(request, user)
    FailedLogin.objects.filter(email=user.email).delete()
    # Sliding expiry (SESSION_SAVE_EVERY_REQUEST): clinicians on shared clinic computers get a
    # shorter idle time than patients on their own phones.
    request.session.set_expiry(
        settings.CLINICIAN_SESSION_SECONDS
        if user.role in ("clinician", "clinic_admin", "staff")
        else settings.PATIENT_SESSION_SECONDS
    )
    events.logged_in(request, user)


def do_logout(request) -> None:
    if request.user.is_authenticated:
        events.logged_out(request)
    # flush() deletes the session row, so the old cookie is worthless from now on.
    logout(request)


def set_language(user: User, language: str) -> None:
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
