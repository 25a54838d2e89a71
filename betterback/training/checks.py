"""The clinicians' course as a system check (betterback.E003; the ids are listed in
content.checks): it must load and fit the content pack in use."""

from pathlib import Path

from django.conf import settings
from django.core import checks

from betterback.content.checks import TAG, error
from betterback.content.loader import ContentError, load_pack
from betterback.training.course import load_course


def course_problems(folder: Path, pack_folder: Path) -> list[checks.CheckMessage]:
    """What is wrong with the course in ``folder`` for the pack in ``pack_folder``. A pack that
    does not load is the pack's check to report, so the course is then left alone."""
    try:
        materials = load_pack(pack_folder)
    except ContentError:
        return []
    try:
        load_course(folder, materials)
    except ContentError as problem:
        return [error(problem, "betterback.E003", "See docs/course-format.md.")]
    return []


@checks.register(TAG)
def check_course(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return course_problems(
        Path(settings.BETTERBACK_COURSE_PACK), Path(settings.BETTERBACK_CONTENT_PACK)
    )
