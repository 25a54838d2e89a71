"""The PDF addresses: who may open which, what they get, and what the access log records.

Lise has Peter in care; Olav (same clinic) and Karim (another clinic) do not; Maja is another
patient. The blank forms and questionnaires hold no patient data and are for any clinician.
"""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.printing.tests import pdfs

MATERIAL = "my-goals"


def clinician_material(cast, material_id=MATERIAL):
    return reverse("printing:clinician_material", args=[cast.peter_patient.public_id, material_id])


def clinician_plan(cast):
    return reverse("printing:clinician_plan", args=[cast.peter_patient.public_id])


PATIENT_MATERIAL = reverse("printing:patient_material", args=[MATERIAL])
PATIENT_PLAN = reverse("printing:patient_plan")
BLANK = reverse("printing:blank_material", args=[MATERIAL])
QUESTIONNAIRE = reverse("printing:questionnaire", args=["nrs:back"])


def prints(cast) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=Action.PRINT).order_by("id"))


def test_lise_gets_peters_goals_as_a_pdf_and_the_print_is_logged(cast, client_for, peters_plan):
    response = client_for(cast.lise).get(clinician_material(cast))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="betterback-my-goals-')
    text = pdfs.text(response.content)
    assert "Peter Jensen" in text
    assert "Gå 45 minutter med hunden tre gange om ugen" in text
    [event] = prints(cast)
    assert (event.actor, event.patient) == (cast.lise, peters_plan)
    assert event.target == f"material:{MATERIAL}"
    assert event.source == "view:printing:clinician_material"


def test_lise_gets_peters_plan_as_a_pdf(cast, client_for, peters_plan):
    response = client_for(cast.lise).get(clinician_plan(cast))

    assert response.status_code == 200
    assert "Gåtur med hunden" in pdfs.text(response.content)
    [event] = prints(cast)
    assert (event.patient, event.target) == (peters_plan, "plan")


@pytest.mark.parametrize("who", ["olav", "karim"])
@pytest.mark.parametrize("address", [clinician_material, clinician_plan])
def test_other_clinicians_are_told_peters_pdfs_do_not_exist(cast, client_for, who, address):
    response = client_for(getattr(cast, who)).get(address(cast))

    assert response.status_code == 404
    assert prints(cast) == []
    [refusal] = AuditEvent.objects.filter(action=Action.REFUSED)
    assert refusal.patient == cast.peter_patient


@pytest.mark.parametrize("address", [PATIENT_MATERIAL, PATIENT_PLAN])
def test_each_patient_gets_only_their_own_answers(cast, client_for, peters_plan, address):
    peters = pdfs.text(client_for(cast.peter).get(address).content)
    majas = pdfs.text(client_for(cast.maja).get(address).content)

    assert "Peter Jensen" in peters
    assert "Lege 20 minutter på gulvet med børnebørnene hver søndag" in peters
    assert "Maja Sørensen" in majas
    assert "Peter Jensen" not in majas
    assert "Lege 20 minutter" not in majas
    assert [(e.actor, e.patient) for e in prints(cast)] == [
        (cast.peter, peters_plan),
        (cast.maja, cast.maja_patient),
    ]


@pytest.mark.parametrize(
    "address",
    [clinician_material, clinician_plan, lambda cast: BLANK, lambda cast: QUESTIONNAIRE],
)
def test_patients_are_refused_the_clinicians_pdfs(cast, client_for, address):
    assert client_for(cast.peter).get(address(cast)).status_code == 403


@pytest.mark.parametrize(
    "address",
    [
        clinician_material,
        clinician_plan,
        lambda cast: BLANK,
        lambda cast: QUESTIONNAIRE,
        lambda cast: PATIENT_MATERIAL,
        lambda cast: PATIENT_PLAN,
    ],
)
def test_someone_not_logged_in_is_sent_to_the_login_page(cast, client_for, address):
    url = address(cast)

    response = client_for(None).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("who", ["lise", "olav", "karim"])
def test_any_clinician_gets_a_blank_form_with_their_clinic_and_no_patient(
    cast, client_for, peters_plan, who
):
    response = client_for(getattr(cast, who)).get(BLANK)

    text = pdfs.text(response.content)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'inline; filename="betterback-my-goals-blank-da.pdf"'
    )
    assert getattr(cast, who).clinician.clinic.name in text
    assert "Peter Jensen" not in text
    assert "Lege 20 minutter" not in text
    assert prints(cast) == []


def test_a_clinician_gets_a_questionnaire_as_a_paper_form(cast, client_for):
    response = client_for(cast.karim).get(QUESTIONNAIRE)

    assert response.status_code == 200
    assert "Hvor ondt har du haft i ryggen i gennemsnit?" in pdfs.text(response.content)
    assert prints(cast) == []


def test_the_pdf_is_in_the_users_own_language_unless_asked_otherwise(cast, client_for):
    cast.karim.language = "en"
    cast.karim.save()
    client = client_for(cast.karim)

    own = client.get(BLANK)
    danish = client.get(BLANK, {"lang": "da"})

    assert "My goals" in pdfs.text(own.content)
    assert b"/Lang (en)" in pdfs.objects(own.content)
    assert "Mine mål" in pdfs.text(danish.content)
    assert danish["Content-Disposition"].endswith('-da.pdf"')


def test_large_print_is_asked_for_with_large_1(cast, client_for, peters_plan):
    client = client_for(cast.peter)

    normal = client.get(PATIENT_PLAN)
    large = client.get(PATIENT_PLAN, {"large": "1", "lang": "en"})

    assert pdfs.pages(large.content) > pdfs.pages(normal.content)
    assert large["Content-Disposition"].endswith('-en-large.pdf"')


@pytest.mark.parametrize("query", [{"lang": "de"}, {"lang": "english"}])
def test_an_unknown_language_is_a_bad_request(cast, client_for, query):
    assert client_for(cast.lise).get(BLANK, query).status_code == 400


@pytest.mark.parametrize(
    ("who", "address"),
    [
        ("lise", lambda cast: clinician_material(cast, "no-such-material")),
        ("peter", lambda cast: reverse("printing:patient_material", args=["no-such-material"])),
        ("lise", lambda cast: reverse("printing:blank_material", args=["no-such-material"])),
        ("lise", lambda cast: reverse("printing:questionnaire", args=["agenda"])),
        ("lise", lambda cast: reverse("printing:questionnaire", args=["nrs:arm"])),
    ],
)
def test_an_unknown_material_or_questionnaire_is_not_found(cast, client_for, who, address):
    response = client_for(getattr(cast, who)).get(address(cast))

    assert response.status_code == 404
    assert prints(cast) == []


def test_only_get_is_allowed(cast, client_for):
    assert client_for(cast.lise).post(BLANK).status_code == 405
