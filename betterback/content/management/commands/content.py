from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from betterback.content.loader import ContentError, load_pack
from betterback.training.course import load_course


def _both(text) -> str:
    """A text in Danish and in English, for the command's listing."""
    with translation.override("da"):
        danish = str(text)
    with translation.override("en"):
        english = str(text)
    return f"{danish} / {english}"


class Command(BaseCommand):
    help = "Check the content pack and the clinicians' course (the configured ones by default)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        check = commands.add_parser(
            "check",
            help="validate the configured content pack and course (or only the pack at PATH)",
        )
        check.add_argument("path", nargs="?", help="the pack folder (default: the configured one)")
        course = commands.add_parser(
            "check-course", help="validate a course folder against the configured content pack"
        )
        course.add_argument(
            "path", nargs="?", help="the course folder (default: the configured one)"
        )
        sheet = commands.add_parser(
            "review-sheet",
            help="print every clinical statement with its sources and a sign-off line per part, "
            "for a clinician who reviews the content (PDF)",
        )
        sheet.add_argument("-o", "--output", required=True, help="the PDF file to write")
        sheet.add_argument(
            "--language", choices=["da", "en"], default="da", help="the language of the headings"
        )

    def handle(self, *args, action, path=None, **options):
        if action == "review-sheet":
            self._review_sheet(Path(options["output"]), options["language"])
            return
        if action == "check":
            folder = Path(path or settings.BETTERBACK_CONTENT_PACK)
            materials = self._materials(folder)
            if path:
                # Another pack than the configured one: the configured course is not meant for it.
                self.stdout.write(
                    "The course was not checked: it belongs to the configured pack. "
                    "`betterback content check-course` checks a course against the configured pack."
                )
            else:
                self._course(Path(settings.BETTERBACK_COURSE_PACK), materials)
        else:
            materials = self._materials(Path(settings.BETTERBACK_CONTENT_PACK), listing=False)
            self._course(Path(path or settings.BETTERBACK_COURSE_PACK), materials)

    def _review_sheet(self, output: Path, language: str) -> None:
        from betterback.printing.review_sheet import parts, review_sheet

        output.write_bytes(review_sheet(language))
        self.stdout.write(f"{output}: {len(parts())} parts to review and sign off.")

    def _materials(self, folder: Path, listing=True) -> dict:
        try:
            materials = load_pack(folder)
        except ContentError as error:
            raise CommandError(str(error)) from None
        if listing:
            self.stdout.write(f"{folder}: {len(materials)} materials, all valid.")
            for material in materials.values():
                self.stdout.write(
                    f"{material.number:>3}  {material.id:<22} v{material.version:<8} "
                    f"{material.phase:<11} {len(material.fields):>2} fields  "
                    f"{len(material.sources):>2} sources  {_both(material.title)}"
                )
        return materials

    def _course(self, folder: Path, materials: dict) -> None:
        try:
            course = load_course(folder, materials)
        except ContentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{folder}: course v{course.version}, {len(course.modules)} modules, "
            f"{len(course.cases)} cases, all valid."
        )
        for module in course.modules:
            self.stdout.write(
                f"  module {module.number:>2}  {module.id:<24} "
                f"{len(module.questions):>2} questions {len(module.materials):>2} material notes "
                f"{len(module.sources):>2} sources  "
                f"{_both(module.title)}"
            )
        for case in course.cases:
            self.stdout.write(
                f"  case   {case.number:>2}  {case.id:<24} {len(case.steps):>2} steps "
                f"{len(case.sources):>2} sources  {_both(case.title)}"
            )
