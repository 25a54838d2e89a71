"""The installable, offline-capable patient app: the web app manifest and the service worker.

Both are served from the root of the site: a service worker controls only the paths below its own
URL, and the check-in and flare-up pages live under /me/, not under /static/. What the service
worker caches, and what offline.js keeps on the device, is described in docs/architecture.md
("Offline use").
"""

from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

SERVICE_WORKER = "selfcare/js/sw.js"
THEME_COLOUR = "#0059b3"
BACKGROUND_COLOUR = "#ffffff"


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    home = reverse("front:patient_home")
    return JsonResponse(
        {
            "id": home,
            "name": "BetterBack",
            "short_name": "BetterBack",
            "lang": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            "start_url": home,
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {
                    "src": static("core/img/app-icon.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "any",
                },
                {
                    "src": static("core/img/app-icon-maskable.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@lru_cache(maxsize=1)
def _service_worker_source() -> str:
    with open(finders.find(SERVICE_WORKER), encoding="utf-8") as source:
        return source.read()


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker script, from the static files but at /sw.js so that its scope is /."""
    if settings.DEBUG:
        _service_worker_source.cache_clear()  # a developer's edit shows at once
    response = HttpResponse(
        _service_worker_source(), content_type="application/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    # The browser checks for a new service worker itself; an HTTP cache must not hide one.
    response["Cache-Control"] = "no-cache"
    return response
