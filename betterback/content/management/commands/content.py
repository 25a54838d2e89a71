from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from betterback.content.loader import ContentError, load_pack


class Command(BaseCommand):
    help = "Check a content pack (the configured one by default) and list its materials."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        check = commands.add_parser("check", help="validate a pack and list its materials")
        check.add_argument("path", nargs="?", help="the pack folder (default: the configured one)")

    def handle(self, *args, action, path=None, **options):
        folder = Path(path or settings.BETTERBACK_CONTENT_PACK)
        try:
            materials = load_pack(folder)
        except ContentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{folder}: {len(materials)} materials, all valid.")
        for material in materials.values():
            with translation.override("da"):
                danish = str(material.title)
            with translation.override("en"):
                english = str(material.title)
            self.stdout.write(
                f"{material.number:>3}  {material.id:<22} v{material.version:<8} "
                f"{material.phase:<11} {len(material.fields):>2} fields  "
                f"{len(material.sources):>2} sources  {danish} / {english}"
            )
