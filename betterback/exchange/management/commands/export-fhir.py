"""`betterback export-fhir --patient EMAIL -o FILE.json`. The command's name has a hyphen, which
Django allows: it finds commands by file name and imports them with importlib, which takes any
module name (only an `import` statement could not spell this one)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from betterback.exchange import services
from betterback.exchange.bundle import dumps
from betterback.patients.models import Patient

SOURCE = "command:export-fhir"


class Command(BaseCommand):
    help = (
        "Write one patient's data as a FHIR R4 Bundle (JSON): the patient, their clinicians and "
        "clinics, questionnaires, answers and scores, check-ins, goals and plan. The export is "
        "recorded in the patient's access log."
    )

    def add_arguments(self, parser):
        parser.add_argument("--patient", required=True, metavar="EMAIL")
        parser.add_argument("-o", "--output", required=True, metavar="FILE.json")

    def handle(self, *args, patient, output, **options):
        found = list(Patient.objects.filter(email__iexact=patient.strip()).select_related("user"))
        if not found:
            raise CommandError(f"No patient with the email address {patient}")
        if len(found) > 1:  # addresses are unique as typed, so two may differ only in case
            raise CommandError(f"More than one patient with the email address {patient}")
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"Cannot write {output}: no folder {path.parent}")
        bundle = services.export_bundle(patient=found[0], actor=None, source=SOURCE)
        try:
            path.write_text(dumps(bundle), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from None
        self.stdout.write(f"wrote {len(bundle['entry'])} resources to {output}")
