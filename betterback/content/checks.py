"""The content pack as Django system checks, so that `betterback check`, start-up (runserver and
the WSGI application) and `betterback content check` report the same problems with the same ids.

    betterback.E001  a file of the pack is wrong (the message names the file and the field)
    betterback.E002  a role the code relies on is missing, played twice or lacks a field
    betterback.E003  the clinicians' course does not load or does not fit the pack (training)
    betterback.E004  an instrument definition is wrong (questionnaires)
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

from betterback.content.loader import ContentError, RoleError, load_pack

TAG = "betterback"


def error(problem: ContentError, check_id: str, hint: str = "") -> checks.Error:
    return checks.Error(
        f"field '{problem.field}': {problem.problem}",
        hint=hint or None,
        obj=str(problem.path),
        id=check_id,
    )


def pack_problems(folder: Path) -> list[checks.CheckMessage]:
    """What is wrong with the pack in ``folder``: nothing, or the first problem found."""
    try:
        load_pack(folder)
    except RoleError as problem:
        return [error(problem, "betterback.E002", "See docs/content-format.md, 'Roles'.")]
    except ContentError as problem:
        return [error(problem, "betterback.E001", "See docs/content-format.md.")]
    return []


@checks.register(TAG)
def check_pack(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return pack_problems(Path(settings.BETTERBACK_CONTENT_PACK))
