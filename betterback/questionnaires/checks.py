"""The instrument definitions as a system check (betterback.E004; the ids are listed in
content.checks), so that a wrong definition stops start-up, not the first questionnaire."""

from django.core import checks

from betterback.content.checks import TAG, error
from betterback.content.loader import ContentError
from betterback.questionnaires.definitions import load_folder


@checks.register(TAG)
def check_instruments(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        load_folder()
    except ContentError as problem:
        return [error(problem, "betterback.E004", "See docs/instruments.md.")]
    return []
