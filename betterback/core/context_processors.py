from django.conf import settings


def site(request):
    return {
        "languages": settings.LANGUAGES,
        "current_language": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
    }
