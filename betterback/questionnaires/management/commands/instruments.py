import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from betterback.content.loader import ContentError
from betterback.questionnaires.definitions import FOLDER, instruments, load_folder
from betterback.questionnaires.wording import WordingError, parse_pack


class Command(BaseCommand):
    help = "Check the instrument definitions, or a wording pack before a clinic installs it."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        check = commands.add_parser("check", help="validate the instrument definitions")
        check.add_argument("path", nargs="?", help="a folder of definitions (default: built in)")
        pack = commands.add_parser("check-pack", help="validate a wording pack (.toml)")
        pack.add_argument("file")

    def handle(self, *args, action, **options):
        if action == "check":
            self._check(Path(options.get("path") or FOLDER))
        else:
            self._check_pack(Path(options["file"]))

    def _check(self, folder: Path):
        try:
            found = load_folder(folder)
        except ContentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{folder}: {len(found)} instruments, all valid.")
        for definition in found.values():
            with translation.override("en"):
                name = str(definition.name)
            self.stdout.write(
                f"  {definition.id:<10} v{definition.version:<4} {definition.kind:<7} "
                f"{len(definition.items):>3} items  {definition.licence:<20} {name}"
            )

    def _check_pack(self, path: Path):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read: {error}") from None
        try:
            instrument_id = tomllib.loads(text).get("instrument", "")
        except tomllib.TOMLDecodeError as error:
            raise CommandError(f"{path}: not valid TOML: {error}") from None
        definition = instruments().get(instrument_id)
        if definition is None:
            raise CommandError(f"{path}: field 'instrument': unknown instrument {instrument_id!r}")
        try:
            data = parse_pack(text, definition)
        except WordingError as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(
            f"{path}: a valid {data['language']} wording of {definition.id} "
            f"({data['name']} {data['version']})."
        )
