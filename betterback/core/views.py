from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from betterback.accounts.forms import LanguageForm
from betterback.accounts.services import set_language as save_language

HOME_BY_ROLE = {
    "clinician": "patients:list",
    "patient": "patients:home",
    "clinic_admin": "clinics:admin_overview",
    "staff": "admin:index",
}


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.user.role not in HOME_BY_ROLE:
        # Logged in but neither patient, clinician, administrator nor staff: nothing to show.
        return render(request, "core/no_role.html", status=403)
    return redirect(HOME_BY_ROLE[request.user.role])


@require_POST
def set_language(request):
    form = LanguageForm(request.POST)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = redirect(target)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            save_language(request.user, language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 60 * 60,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            httponly=True,
        )
    return response


def csrf_failure(request, reason=""):
    return render(request, "core/csrf_failure.html", status=403)


def error_403(request, exception=None):
    return render(request, "core/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "core/404.html", status=404)


def error_500(request):
    # Rendered without the request: the error may be the database itself, and the normal page
    # header reads the logged-in user from it.
    return HttpResponseServerError(loader.get_template("core/500.html").render({}))
