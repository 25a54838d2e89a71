import csv

from django.core.management.base import BaseCommand, CommandError

from betterback.questionnaires.scoring import INSTRUMENTS, SUBSCALES, InvalidAnswer, score


class Command(BaseCommand):
    help = (
        "Score a CSV file of responses for researchers: columns item_1 ... item_N (an empty cell "
        "is a missing answer; other columns are kept). Writes the rows to standard output with "
        "total, one column per subscale, band, and error for a row that cannot be scored."
    )

    def add_arguments(self, parser):
        parser.add_argument("instrument", choices=sorted(INSTRUMENTS))
        parser.add_argument("file")

    def handle(self, *args, instrument, file, **options):
        try:
            source = open(file, newline="", encoding="utf-8-sig")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        with source:
            reader = csv.DictReader(source)
            extra = ["total", *SUBSCALES.get(instrument, []), "band", "error"]
            columns = [c for c in reader.fieldnames or [] if c not in extra] + extra
            writer = csv.DictWriter(self.stdout, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in reader:
                writer.writerow({**row, **self.scored(instrument, row)})

    @staticmethod
    def scored(instrument: str, row: dict) -> dict:
        answers = {
            name.removeprefix("item_"): value
            for name, value in row.items()
            if name and name.startswith("item_")
        }
        try:
            result = score(instrument, answers)
        except InvalidAnswer as error:
            return {"total": "", "band": "", "error": str(error)}
        return {
            "total": "" if result.total is None else result.total,
            **{name: "" if value is None else value for name, value in result.subscales.items()},
            "band": result.band or "",
            "error": "",
        }
