import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betterback.settings")
application = get_wsgi_application()


def _refuse_broken_content() -> None:
    """The checks runserver runs too (content.checks): a pack, course or instrument that is wrong
    stops the server at start-up, with the file and field named, not on the first page."""
    from django.core import checks

    problems = [m for m in checks.run_checks(tags=["betterback"]) if m.is_serious()]
    if problems:
        raise ImproperlyConfigured("\n".join(str(problem) for problem in problems))


_refuse_broken_content()
