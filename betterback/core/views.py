"""The error pages, for every app."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


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
