from django.conf import settings
from django.utils import translation


class SecurityHeadersMiddleware:
    """Content Security Policy, a permissions policy, and no caching of any page a logged-in
    user sees (those pages can hold patient data)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(settings.STATIC_URL)
        ):
            response.headers["Cache-Control"] = "no-store"
        return response


class UserLanguageMiddleware:
    """Danish unless the user chose otherwise: their saved choice, then the language cookie.

    The browser's Accept-Language is ignored on purpose: BetterBack is Danish first, and a
    clinic computer's browser language says little about the patient in front of it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def language_for(request) -> str:
        available = {code for code, _ in settings.LANGUAGES}
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in available:
            return user.language
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return cookie if cookie in available else settings.LANGUAGE_CODE
