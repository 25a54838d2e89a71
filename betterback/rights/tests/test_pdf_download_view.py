"""The PDF summary of "Download my data": a tagged PDF in the patient's language, with the plan,
scores, check-ins, flare-ups and the access log."""

import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent

URL = reverse("rights:pdf")


def text_of(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def download(cast, client_for, records):
    response = client_for(cast.peter).get(URL)
    assert response.status_code == 200
    return response


def test_it_is_a_pdf_attachment(download):
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="betterback-summary-')
    assert download.content.startswith(b"%PDF")


def test_it_summarises_the_plan_scores_check_ins_flare_ups_and_access_log(
    download, records, tmp_path
):
    text = text_of(download.content, tmp_path)

    assert "Peter Jensen" in text
    assert "Walk the dog" in text  # My plan
    assert records["peter"].tried in text  # the flare-up note
    assert "Lise Holm" in text  # the access log
    with translation.override("da"):
        for heading in (
            "My latest questionnaire scores",
            "My check-ins",
            "Who has looked at my data",
        ):
            assert gettext(heading) in text


def test_it_is_in_the_patients_language(cast, client_for, records, tmp_path):
    cast.peter.language = "en"
    cast.peter.save()

    text = text_of(client_for(cast.peter).get(URL).content, tmp_path)

    assert "Who has looked at my data" in text
    assert "Maja" not in text


def test_the_download_is_logged_as_printed(cast, download):
    event = AuditEvent.objects.get(target="my_data:pdf")
    assert (event.actor, event.patient, event.action) == (
        cast.peter,
        cast.peter_patient,
        Action.PRINT,
    )


def test_a_patient_with_nothing_yet_gets_a_summary_too(cast, client_for):
    response = client_for(cast.peter).get(URL)

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
