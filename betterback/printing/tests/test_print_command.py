"""`betterback print`: PDFs for batch printing, blank or for a named patient."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from betterback.audit.models import Action, AuditEvent
from betterback.printing.tests import pdfs


def run(*args) -> None:
    call_command("print", *args)


def test_it_prints_a_blank_material_and_logs_nothing(cast, tmp_path):
    output = tmp_path / "goals.pdf"

    run("my-goals", "-o", str(output))

    text = pdfs.text(output.read_bytes())
    assert "Mine mål" in text
    assert "BetterBack" in text  # no clinic without a patient
    assert not AuditEvent.objects.filter(action=Action.PRINT).exists()


def test_it_prints_a_patients_material_in_their_language_and_logs_it(cast, peters_plan, tmp_path):
    output = tmp_path / "goals.pdf"

    run("my-goals", "--patient", "PETER@test.example", "--large", "-o", str(output))

    pdf = output.read_bytes()
    assert "Lege 20 minutter på gulvet med børnebørnene hver søndag" in pdfs.text(pdf)
    assert "Rygklinikken Odense" in pdfs.text(pdf)  # the clinic of his care relationship
    assert b"/Lang (da)" in pdfs.objects(pdf)
    [event] = AuditEvent.objects.filter(action=Action.PRINT)
    assert (event.patient, event.actor, event.source) == (peters_plan, None, "command:print")
    assert event.target == "material:my-goals"


def test_it_prints_a_patients_plan(cast, peters_plan, tmp_path):
    output = tmp_path / "plan.pdf"

    run("plan", "--patient", "peter@test.example", "--lang", "en", "-o", str(output))

    assert "My plan" in pdfs.text(output.read_bytes())
    [event] = AuditEvent.objects.filter(action=Action.PRINT)
    assert (event.target, event.source) == ("plan", "command:print")


def test_it_prints_a_questionnaire_form(cast, tmp_path):
    output = tmp_path / "rmdq.pdf"

    run("questionnaire:rmdq", "--lang", "en", "-o", str(output))

    assert "Roland-Morris" in pdfs.text(output.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-material"], "No material 'no-such-material'. Give one of: action-plan"),
        (["plan"], "My plan is a patient's own: name them with --patient EMAIL."),
        (["my-goals", "--patient", "nobody@test.example"], "No patient with the email address"),
        (["questionnaire:agenda"], "No questionnaire 'agenda' to print. Give one of: fabq"),
        (["questionnaire:rmdq", "--patient", "peter@test.example"], "leave out --patient"),
    ],
)
def test_it_explains_what_is_wrong(cast, tmp_path, args, message):
    output = tmp_path / "out.pdf"

    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args, "-o", str(output))

    assert not output.exists()
    assert not AuditEvent.objects.filter(action=Action.PRINT).exists()


def test_it_says_when_it_cannot_write_the_file_before_printing_anything(cast, tmp_path):
    output = tmp_path / "no-such-folder" / "goals.pdf"

    with pytest.raises(CommandError, match="Cannot write .*: no folder"):
        run("my-goals", "--patient", "peter@test.example", "-o", str(output))

    assert not AuditEvent.objects.filter(action=Action.PRINT).exists()
