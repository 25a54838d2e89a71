from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from betterback.content.pack import pack
from betterback.patients.models import Patient
from betterback.printing import services

SOURCE = "command:print"


class Command(BaseCommand):
    help = (
        "Print a PDF for paper: a material blank, or filled in for --patient; 'plan' (My plan, "
        "needs --patient); or 'questionnaire:<id>' (a paper form, e.g. questionnaire:rmdq or "
        "questionnaire:nrs:back). A PDF with a patient's data is recorded in their access log."
    )

    def add_arguments(self, parser):
        languages = [code for code, _ in settings.LANGUAGES]
        parser.add_argument("material", help="a material id, 'plan' or 'questionnaire:<id>'")
        parser.add_argument("--patient", metavar="EMAIL", help="the patient whose answers to print")
        parser.add_argument(
            "--lang", choices=languages, help="the patient's own language, or Danish, if left out"
        )
        parser.add_argument("--large", action="store_true", help="large print (16 pt body text)")
        parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True)

    def handle(self, *args, material, patient, lang, large, output, **options):
        if not Path(output).parent.is_dir():
            raise CommandError(f"Cannot write {output}: no folder {Path(output).parent}.")
        person = self.patient(patient) if patient else None
        language = lang or (person.user.language if person and person.user else "")
        printed = self.printed(
            material, person, language=language or settings.LANGUAGE_CODE, large=large
        )
        try:
            Path(output).write_bytes(printed.content)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from None
        self.stdout.write(f"Wrote {output}")

    def printed(self, material: str, person, **options) -> services.Printed:
        if material.startswith("questionnaire:"):
            if person:
                raise CommandError("A questionnaire form is blank: leave out --patient.")
            definition, variant = self.questionnaire(material)
            return services.questionnaire_form(definition, variant, clinic=None, **options)
        if material == services.PLAN and not person:
            raise CommandError("My plan is a patient's own: name them with --patient EMAIL.")
        if not person:
            return services.blank_material(self.material(material), clinic=None, **options)
        audited = {"actor": None, "source": SOURCE, "clinic": services.clinic_of(person)}
        if material == services.PLAN:
            return services.plan(patient=person, **audited, **options)
        definition = self.material(material)
        return services.filled_material(patient=person, definition=definition, **audited, **options)

    @staticmethod
    def patient(email: str) -> Patient:
        try:
            return Patient.objects.get(email__iexact=email.strip())
        except Patient.DoesNotExist:
            raise CommandError(f"No patient with the email address {email}.") from None

    @staticmethod
    def material(material_id: str):
        try:
            return services.material(material_id)
        except services.NotPrintable:
            known = ", ".join(sorted(pack()))
            raise CommandError(
                f"No material '{material_id}'. Give one of: {known}; or 'plan', or "
                "'questionnaire:<id>'."
            ) from None

    @staticmethod
    def questionnaire(name: str):
        entry = name.removeprefix("questionnaire:")
        try:
            return services.questionnaire(entry)
        except services.NotPrintable:
            known = ", ".join(services.printable_questionnaires())
            raise CommandError(
                f"No questionnaire '{entry}' to print. Give one of: {known}."
            ) from None
