from pathlib import Path

from django.core.management.base import BaseCommand

from betterback.printing.review_sheet import parts, review_sheet


class Command(BaseCommand):
    help = (
        "Print every clinical statement of the content pack with its sources and a sign-off "
        "line per part, for a clinician who reviews the content (PDF)."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
        parser.add_argument(
            "--language", choices=["da", "en"], default="da", help="the language of the headings"
        )

    def handle(self, *args, output, language, **options):
        Path(output).write_bytes(review_sheet(language))
        self.stdout.write(f"{output}: {len(parts())} parts to review and sign off.")
