"""The app runs on another content pack: every material and field id renamed, the materials in
the reverse order, 10 or 14 of them, and a course that names them (testing/packs.py). The demo
loads, every page opens, the PDFs print, the FHIR bundle validates and the course works, because
the code knows the pack only through its roles. A pack that lacks a role is refused."""

import json

import pytest
from django.core import checks
from django.test import Client
from django.urls import reverse

from betterback.accounts.models import User
from betterback.content.checks import TAG, check_pack
from betterback.content.pack import pack, reload, role
from betterback.demo import data as demo_data
from betterback.demo.services import load_demo
from betterback.exchange.fhir.checks import validate_bundle
from betterback.patients.models import Patient
from betterback.testing.packs import another_pack
from betterback.training.course import course


@pytest.fixture(scope="module", params=[10, 14], ids=["10 materials", "14 materials"])
def other(request, tmp_path_factory):
    return another_pack(tmp_path_factory.mktemp("other"), materials=request.param)


@pytest.fixture
def in_use(other, settings):
    """The other pack and its course are the configured ones for this test."""
    settings.BETTERBACK_CONTENT_PACK = str(other.pack)
    settings.BETTERBACK_COURSE_PACK = str(other.course)
    _forget()
    yield other
    _forget()


def _forget():
    reload()
    course.cache_clear()
    demo_data.worksheets.cache_clear()
    demo_data.practice_sheets.cache_clear()


def client(email: str) -> Client:
    """A demo person, logged in (demo accounts log in only with DEBUG on, so not as demo)."""
    user = User.objects.get(email=email)
    user.is_demo = False
    user.save(update_fields=["is_demo"])
    browser = Client()
    browser.force_login(user)
    return browser


def opens(browser: Client, url: str, kind: str = "text/html") -> str:
    response = browser.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(kind), url
    return response.content.decode() if kind != "application/pdf" else ""


def test_the_checks_pass_and_the_pack_is_the_other_one(in_use):
    assert checks.run_checks(tags=[TAG]) == []
    assert len(pack()) in (10, 14)
    assert "what-matters" not in pack()
    assert role("goals").material_id == "slaog-ym"
    assert role("goals").field_id("list") == "x_goals"
    numbers = [m.number for m in pack().values()]
    assert numbers == sorted(numbers) and list(pack())[0] == "pu-wollof"


@pytest.mark.django_db
def test_the_patient_pages_and_pdfs_work_on_the_other_pack(in_use):
    load_demo()
    peter = client("peter@demo.example")

    home = opens(peter, reverse("front:patient_home"))
    plan = opens(peter, reverse("dialogue:my_plan"))
    opens(peter, reverse("dialogue:my_plan_print"))
    opens(peter, reverse("printing:patient_plan"), "application/pdf")
    for name in ("check_in", "goal_review", "flare_up", "my_progress"):
        opens(peter, reverse(f"selfcare:{name}"))
    for material in pack().values():
        opens(peter, reverse("materials:patient_material", args=[material.id]))
        opens(peter, reverse("materials:patient_print", args=[material.id]))
    opens(
        peter,
        reverse("printing:patient_material", args=[role("actions").material_id]),
        "application/pdf",
    )
    exported = json.loads(opens(peter, reverse("rights:json"), "application/json"))
    opens(peter, reverse("rights:pdf"), "application/pdf")

    walk = "Gåtur med hunden"  # Peter's first action, from the other pack's demo.toml
    goal = "Gå 45 minutter med hunden tre gange om ugen"
    assert walk in home and goal in home and goal in plan
    assert any(
        walk == c["actions"][key]["what"] for c in exported["check_ins"] for key in c["actions"]
    )


@pytest.mark.django_db
def test_the_clinician_pages_fhir_and_the_course_work_on_the_other_pack(in_use):
    load_demo()
    lise = client("lise@demo.example")
    peter = Patient.objects.get(email="peter@demo.example")
    patient = [peter.public_id]

    opens(lise, reverse("front:patient_list"))
    opens(lise, reverse("front:patient_overview", args=patient))
    opens(lise, reverse("front:follow_up"))
    for material in pack().values():
        opens(lise, reverse("dialogue:material", args=[*patient, material.id]) + "?mode=present")
    follow_up = opens(
        lise, reverse("dialogue:material", args=[*patient, role("follow_up").material_id])
    )
    opens(lise, reverse("dialogue:patient_plan", args=patient))
    opens(lise, reverse("printing:clinician_plan", args=patient), "application/pdf")
    bundle = json.loads(
        opens(lise, reverse("exchange:patient_fhir", args=patient), "application/fhir+json")
    )
    opens(lise, reverse("training:overview"))
    for case in course().cases:
        opens(lise, reverse("training:case", args=[case.id]))
    done = course().cases[0]  # Lise has done the first two cases: each step opens again
    for step in done.steps:
        opens(lise, reverse("training:step", args=[done.id, step.id]))
    opens(client("admin@demo.example"), reverse("front:admin_overview"))

    validate_bundle(bundle)
    goals = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Goal"]
    assert [g["description"]["text"] for g in goals][
        1
    ] == "Gå 45 minutter med hunden tre gange om ugen"
    assert 'id="since-heading"' in follow_up


def test_a_pack_without_a_role_is_refused_naming_the_file_and_field(tmp_path, settings):
    other = another_pack(tmp_path, materials=10, drop_role="actions")
    settings.BETTERBACK_CONTENT_PACK = str(other.pack)

    [problem] = check_pack()

    assert problem.id == "betterback.E002"
    assert problem.obj == str(other.pack)
    assert "field 'roles.actions'" in problem.msg and "no material plays this role" in problem.msg
