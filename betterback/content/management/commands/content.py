from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from betterback.content.checks import TAG, pack_problems
from betterback.content.loader import load_pack


def both(text) -> str:
    """A text in Danish and in English, for a command's listing."""
    with translation.override("da"):
        danish = str(text)
    with translation.override("en"):
        english = str(text)
    return f"{danish} / {english}"


def refuse(problems: list[checks.CheckMessage]) -> None:
    """Stop the command with the problems as the system checks word them."""
    serious = [problem for problem in problems if problem.is_serious()]
    if serious:
        raise CommandError("\n".join(str(problem) for problem in serious))


class Command(BaseCommand):
    help = (
        "Check the content pack and list its materials. Without PATH, the configured pack is "
        "checked with everything that depends on it (the course, the instruments): the same "
        "system checks (betterback.E001-E004) as `betterback check` and start-up."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        check = commands.add_parser("check", help="validate a content pack and list its materials")
        check.add_argument("path", nargs="?", help="the pack folder (default: the configured one)")

    def handle(self, *args, action, path=None, **options):
        folder = Path(path or settings.BETTERBACK_CONTENT_PACK)
        refuse(pack_problems(folder) if path else checks.run_checks(tags=[TAG]))
        materials = load_pack(folder)
        self.stdout.write(f"{folder}: {len(materials)} materials, all valid.")
        for material in materials.values():
            roles = ", ".join(role.name for role in material.roles)
            self.stdout.write(
                f"{material.number:>3}  {material.id:<22} v{material.version:<8} "
                f"{material.phase:<11} {len(material.fields):>2} fields  "
                f"{len(material.sources):>2} sources  {both(material.title)}"
                + (f"  [roles: {roles}]" if roles else "")
            )
        if path:
            self.stdout.write(
                "The course was not checked: it belongs to the configured pack. "
                "`betterback course check PATH` checks a course against the configured pack."
            )
