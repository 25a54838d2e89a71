from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from betterback.content.management.commands.content import both, refuse
from betterback.content.pack import pack
from betterback.training.checks import course_problems
from betterback.training.course import load_course


class Command(BaseCommand):
    help = (
        "Check the clinicians' course against the configured content pack and list its modules "
        "and cases (the system check betterback.E003)."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        check = commands.add_parser(
            "check", help="validate a course folder against the configured content pack"
        )
        check.add_argument(
            "path", nargs="?", help="the course folder (default: the configured one)"
        )

    def handle(self, *args, action, path=None, **options):
        folder = Path(path or settings.BETTERBACK_COURSE_PACK)
        refuse(course_problems(folder, Path(settings.BETTERBACK_CONTENT_PACK)))
        course = load_course(folder, pack())
        self.stdout.write(
            f"{folder}: course v{course.version}, {len(course.modules)} modules, "
            f"{len(course.cases)} cases, all valid."
        )
        for module in course.modules:
            self.stdout.write(
                f"  module {module.number:>2}  {module.id:<24} "
                f"{len(module.questions):>2} questions {len(module.materials):>2} material notes "
                f"{len(module.sources):>2} sources  {both(module.title)}"
            )
        for case in course.cases:
            self.stdout.write(
                f"  case   {case.number:>2}  {case.id:<24} {len(case.steps):>2} steps "
                f"{len(case.sources):>2} sources  {both(case.title)}"
            )
