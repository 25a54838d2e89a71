"""The error pages, for every app."""

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def csrf_failure(request: HttpRequest, reason="") -> HttpResponse:
    return render(request, "core/csrf_failure.html", status=403)


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "core/403.html", status=403)


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: the error may be the database itself, and the normal page
    # header reads the logged-in user from it.
    return HttpResponseServerError(loader.get_template("core/500.html").render({}))
