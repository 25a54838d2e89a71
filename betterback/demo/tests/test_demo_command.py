"""`betterback demo`: the documented demo accounts, idempotent, and refused in production."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from betterback.accounts.models import User
from betterback.clinics.models import Clinic, ClinicAdministrator, Clinician
from betterback.content.pack import pack
from betterback.dialogue.models import DialogueSession
from betterback.materials.display import changes
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision
from betterback.patients.models import CareRelationship, Patient
from betterback.testing.factories import posted_back, save_what_matters
from betterback.training import services as training
from betterback.training.models import Certificate, PracticeWorksheet, QuizAnswer, Reflection

ACCOUNTS = {
    "lise@demo.example": "clinician",
    "karim@demo.example": "clinician",
    "admin@demo.example": "clinic_admin",
    "peter@demo.example": "patient",
    "maja@demo.example": "patient",
}


@pytest.fixture(autouse=True)
def development_mode(settings):
    settings.DEBUG = True


def run(*args) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


WHAT_MATTERS = "what-matters"
EMPTY = {"life_areas": [], "activities": []}


def what_matters_of(email):
    return WorksheetEntry.objects.get(patient__email=email, material_id=WHAT_MATTERS)


def is_empty(data: dict) -> bool:
    return not data.get("life_areas") and not data.get("activities")


def ranks(data: dict) -> list[int]:
    return sorted(a["rank"] for a in data.get("activities") or [] if a.get("rank"))


def counts():
    return [
        model.objects.count()
        for model in (
            User,
            Clinic,
            Clinician,
            ClinicAdministrator,
            Patient,
            CareRelationship,
            WorksheetEntry,
            WorksheetRevision,
        )
    ]


def test_it_creates_the_five_documented_accounts(db):
    output = run()

    users = {u.email: u for u in User.objects.all()}
    assert set(users) == set(ACCOUNTS)
    for email, role in ACCOUNTS.items():
        user = users[email]
        assert user.role == role
        assert user.is_demo
        assert user.check_password(django_settings.BETTERBACK_DEMO_PASSWORD)
    assert django_settings.BETTERBACK_DEMO_PASSWORD == "ryg-demo-2026"
    assert all(email in output for email in ACCOUNTS) and "ryg-demo-2026" in output


def test_peter_has_filled_in_what_matters_and_maja_has_not(db):
    run()

    peter = what_matters_of("peter@demo.example").data
    assert not is_empty(peter)
    assert ranks(peter) == [1, 2, 3]
    assert is_empty(what_matters_of("maja@demo.example").data)


def test_the_demo_care_relationships_match_the_cast(db):
    run()

    pairs = set(
        CareRelationship.objects.active().values_list("patient__email", "clinician__user__email")
    )
    assert pairs == {
        ("peter@demo.example", "lise@demo.example"),
        ("maja@demo.example", "karim@demo.example"),
    }


def test_running_it_twice_creates_no_duplicates(db):
    run()
    first = counts()

    run()

    assert counts() == first


def _change_peters_entry():
    peter = User.objects.get(email="peter@demo.example")
    save_what_matters(peter.patient, EMPTY, actor=peter, context=Context.HOME)


def test_if_missing_keeps_a_changed_entry(db):
    run()
    _change_peters_entry()

    output = run("--if-missing")

    assert "keeping" in output
    assert is_empty(what_matters_of("peter@demo.example").data)


def test_without_if_missing_it_resets_the_entry_as_a_new_revision(db):
    run()
    _change_peters_entry()

    run()

    entry = what_matters_of("peter@demo.example")
    assert not is_empty(entry.data)
    assert [r.context for r in entry.revisions.all()] == [
        Context.SYSTEM,
        Context.HOME,
        Context.SYSTEM,
    ]


def test_the_demo_answers_are_accepted_unchanged_by_their_pages(db):
    """Each demo entry, saved through its page without a change, is valid and reads as unchanged,
    so the demo data has the shape the form builder gives saved answers."""
    run()
    client = Client()
    peter = User.objects.get(email="peter@demo.example")
    client.force_login(peter)
    entries = list(WorksheetEntry.objects.filter(patient=peter.patient))
    assert WHAT_MATTERS in {entry.material_id for entry in entries}

    for entry in entries:
        url = reverse("materials:patient_material", args=[entry.material_id])
        response = client.post(url, posted_back(client.get(url).context["sheet"]))

        assert response.status_code == 302, entry.material_id
        saved = WorksheetEntry.objects.get(pk=entry.pk).data
        assert changes(pack()[entry.material_id], entry.data, saved) == [], entry.material_id
        for field_id, value in entry.data.items():
            assert saved[field_id] == value, (entry.material_id, field_id)


def test_the_demo_accounts_can_log_in_with_debug_on(db):
    run()
    client = Client()

    client.post(
        reverse("accounts:login"),
        {
            "email": "lise@demo.example",
            "password": django_settings.BETTERBACK_DEMO_PASSWORD,
        },
    )

    assert client.get(reverse("front:patient_list")).status_code == 200


def test_it_is_refused_with_debug_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("demo")

    assert not User.objects.exists()


def test_peter_has_a_finished_session_and_a_plan_and_maja_has_none(db):
    run()
    run()  # reloading keeps one finished session, not two

    peter = Patient.objects.get(email="peter@demo.example")
    maja = Patient.objects.get(email="maja@demo.example")
    [session] = DialogueSession.objects.filter(patient=peter)
    assert session.ended_at is not None and session.clinician.user.email == "lise@demo.example"
    assert {"what-matters", "my-goals", "action-plan", "flare-up-plan", "follow-up"} <= set(
        session.material_ids
    )
    plan = Client()
    plan.force_login(peter.user)
    page = plan.get(reverse("dialogue:my_plan")).content.decode()
    assert "Gå 45 minutter med hunden tre gange om ugen" in page
    assert not DialogueSession.objects.filter(patient=maja).exists()
    assert (
        not WorksheetEntry.objects.filter(patient=maja).exclude(material_id="what-matters").exists()
    )


def test_lise_has_done_half_of_the_course_and_reflected_on_her_session(db):
    run()
    run()  # a second run adds nothing
    lise = Clinician.objects.get(user__email="lise@demo.example")
    progress = training.progress_for(lise)
    assert (progress.modules_done, progress.cases_done, progress.done, progress.percent) == (
        5,
        2,
        7,
        50,
    )
    assert QuizAnswer.objects.filter(clinician=lise, right=False).count() == 1
    assert not Certificate.objects.exists()
    [reflection] = Reflection.objects.filter(clinician=lise)
    assert reflection.session.patient.user.email == "peter@demo.example"
    karim = Clinician.objects.get(user__email="karim@demo.example")
    assert not training.progress_for(karim).started


def test_lises_practice_answers_are_accepted_unchanged_by_their_pages(db):
    """Each of Lise's practice worksheets, saved through its page without a change, is valid and
    unchanged: the demo's sandbox data has the shape the form builder gives."""
    run()
    client = Client()
    client.force_login(User.objects.get(email="lise@demo.example"))
    sheets = list(PracticeWorksheet.objects.select_related("attempt"))
    assert {sheet.material_id for sheet in sheets} == {
        "understanding-pain",
        "pain-over-time",
        "flare-up-plan",
    }
    for sheet in sheets:
        url = reverse("training:step", args=[sheet.attempt.case_id, sheet.step_id])
        response = client.post(url, posted_back(client.get(url).context["sheet"]))
        assert response.status_code == 302, sheet.material_id
        saved = PracticeWorksheet.objects.get(pk=sheet.pk).data
        assert changes(pack()[sheet.material_id], sheet.data, saved) == [], sheet.material_id
        for field_id, value in sheet.data.items():
            assert saved[field_id] == value, (sheet.material_id, field_id)


def test_each_demo_patient_was_in_care_before_their_first_questionnaire(db):
    run()

    for email in ("peter@demo.example", "maja@demo.example"):
        patient = Patient.objects.get(email=email)
        care = CareRelationship.objects.get(patient=patient)
        first = patient.questionnaire_sets.order_by("available_from").first()
        assert care.started_at < first.available_from, email
