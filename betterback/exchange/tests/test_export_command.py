"""`betterback export-fhir --patient EMAIL -o FILE.json`."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from betterback.audit.models import Action, AuditEvent
from betterback.exchange.fhir.checks import validate_bundle
from betterback.testing.plans import save_plan


def test_it_writes_the_patients_bundle_and_records_it(cast, tmp_path, capsys):
    save_plan(cast.peter_patient, cast.lise)
    path = tmp_path / "peter.json"

    call_command("export-fhir", "--patient", "PETER@test.example", "-o", str(path))

    bundle = json.loads(path.read_text(encoding="utf-8"))
    validate_bundle(bundle)
    assert bundle["entry"][0]["resource"]["telecom"] == [
        {"system": "email", "value": "peter@test.example"}
    ]
    assert capsys.readouterr().out == f"wrote {len(bundle['entry'])} resources to {path}\n"
    event = AuditEvent.objects.get(target="fhir_export")
    assert (event.action, event.actor, event.patient, event.source) == (
        Action.EXPORT,
        None,
        cast.peter_patient,
        "command:export-fhir",
    )


def test_an_unknown_email_is_an_error_and_nothing_is_written(cast, tmp_path):
    path = tmp_path / "nobody.json"

    with pytest.raises(CommandError, match="No patient with the email address nobody@x.example"):
        call_command("export-fhir", "--patient", "nobody@x.example", "-o", str(path))

    assert not path.exists()
    assert not AuditEvent.objects.filter(target="fhir_export").exists()


def test_a_missing_folder_is_an_error_before_anything_is_read(cast, tmp_path):
    path = tmp_path / "no" / "such" / "folder.json"

    with pytest.raises(CommandError, match="no folder"):
        call_command("export-fhir", "--patient", "peter@test.example", "-o", str(path))

    assert not AuditEvent.objects.filter(target="fhir_export").exists()


def test_the_hyphenated_name_is_a_command_of_the_betterback_script():
    """Django finds commands by file name and imports them with importlib, which takes a hyphen;
    the help shows that the console script finds it too (no database needed)."""
    script = "from betterback.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "export-fhir", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={"DJANGO_DEBUG": "1", "PATH": ""},
    )
    assert "--patient EMAIL" in result.stdout
    assert "-o FILE.json" in result.stdout
