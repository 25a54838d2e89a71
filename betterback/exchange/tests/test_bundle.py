"""The patient's Bundle: the golden bundle of the fixed world, its links, and the real one read
from the database (the demo patient's bundle validates)."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from betterback.demo.services import load_demo
from betterback.exchange.bundle import assemble, patient_bundle
from betterback.exchange.fhir.checks import validate, validate_bundle
from betterback.exchange.fhir.observation import CHECK_IN
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden
from betterback.patients.models import CareRelationship, Patient
from betterback.plan import reader
from betterback.questionnaires import services as questionnaires
from betterback.selfcare import services as selfcare
from betterback.testing.plans import save_plan

AT = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def kinds(bundle) -> list[str]:
    return [e["resource"]["resourceType"] for e in bundle["entry"]]


def by_kind(bundle, kind) -> list[dict]:
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def resources(bundle, kind) -> list[dict]:
    return [e["resource"] for e in by_kind(bundle, kind)]


def test_golden_bundle():
    bundle = assemble(world.record(), world.AT)
    validate_bundle(bundle)
    for entry in bundle["entry"]:
        validate(entry["resource"])
    golden("bundle.json", bundle)


def test_the_entries_come_in_a_fixed_order():
    assert kinds(assemble(world.record(), world.AT)) == [
        "Patient",
        "Organization",
        "Practitioner",
        "PractitionerRole",
        "Questionnaire",  # nrs-back
        "Questionnaire",  # startback
        "QuestionnaireResponse",  # each response followed by its scores
        "Observation",
        "QuestionnaireResponse",
        "Observation",
        "Observation",
        *["Observation"] * 6,  # check-ins: 4 measures, then 2
        "Goal",
        "Goal",
        "CarePlan",  # My plan
        "CarePlan",  # the flare-up plan
    ]


def test_the_same_world_gives_the_same_bundle():
    assert assemble(world.record(), world.AT) == assemble(world.record(), world.AT)


def test_references_point_at_the_entries_fullurls():
    bundle = assemble(world.record(), world.AT)
    url = {e["resource"]["id"]: e["fullUrl"] for e in bundle["entry"]}
    [patient] = by_kind(bundle, "Patient")
    [practitioner] = by_kind(bundle, "Practitioner")
    [organization] = by_kind(bundle, "Organization")
    [role] = by_kind(bundle, "PractitionerRole")
    responses = by_kind(bundle, "QuestionnaireResponse")
    my_plan, flare_plan = resources(bundle, "CarePlan")
    goals = by_kind(bundle, "Goal")

    assert patient["fullUrl"] == f"urn:uuid:{world.PATIENT_ID}"
    assert all(r["resource"]["subject"]["reference"] == patient["fullUrl"] for r in responses)
    for observation in by_kind(bundle, "Observation"):
        assert observation["resource"]["subject"]["reference"] == patient["fullUrl"]
    scores = [r for r in resources(bundle, "Observation") if "derivedFrom" in r]
    assert [s["derivedFrom"][0]["reference"] for s in scores] == [
        responses[0]["fullUrl"],
        responses[1]["fullUrl"],
        responses[1]["fullUrl"],
    ]
    assert role["resource"]["practitioner"]["reference"] == practitioner["fullUrl"]
    assert role["resource"]["organization"]["reference"] == organization["fullUrl"]
    assert my_plan["author"]["reference"] == practitioner["fullUrl"]
    assert [g["reference"] for g in my_plan["goal"]] == [g["fullUrl"] for g in goals]
    assert my_plan["activity"][0]["detail"]["goal"][0]["reference"] == goals[1]["fullUrl"]
    assert flare_plan["partOf"][0]["reference"] == url[my_plan["id"]]


def test_a_response_names_the_questionnaire_in_the_bundle_by_url_and_version():
    bundle = assemble(world.record(), world.AT)
    forms = {f"{q['url']}|{q['version']}" for q in resources(bundle, "Questionnaire")}
    answered = {r["questionnaire"] for r in resources(bundle, "QuestionnaireResponse")}
    assert answered == forms


def test_without_a_plan_there_are_no_goals_or_care_plans():
    record = world.record()
    record.plan = reader.build({}, today=world.AT.date())
    bundle = assemble(record, world.AT)
    validate_bundle(bundle)
    assert not {"Goal", "CarePlan"} & set(kinds(bundle))


def test_a_flare_up_plan_without_my_plan_stands_alone():
    record = world.record()
    record.plan = reader.build({"flare-up-plan": world.FLARE_PLAN}, today=world.AT.date())
    bundle = assemble(record, world.AT)
    validate_bundle(bundle)
    [plan] = by_kind(bundle, "CarePlan")
    assert "partOf" not in plan["resource"]


# --- From the database ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_patients_bundle_validates():
    load_demo()
    peter = Patient.objects.select_related("user").get(email="peter@demo.example")

    bundle = patient_bundle(peter)

    validate_bundle(bundle)
    for entry in bundle["entry"]:
        validate(entry["resource"])
    counts = {kind: kinds(bundle).count(kind) for kind in set(kinds(bundle))}
    assert counts["Patient"] == counts["Practitioner"] == counts["Organization"] == 1
    assert counts["QuestionnaireResponse"] == 7 + 6 + 6  # intake, weeks 4 and 12
    assert counts["Goal"] == 2
    assert counts["CarePlan"] == 2
    check_ins = [
        r for r in resources(bundle, "Observation") if r["code"]["coding"][-1]["system"] == CHECK_IN
    ]
    assert len(check_ins) == 28 * 4
    [practitioner] = by_kind(bundle, "Practitioner")
    assert practitioner["resource"]["name"] == [{"text": "Lise Holm"}]


@pytest.mark.django_db
def test_only_clinicians_still_in_care_are_exported(cast):
    CareRelationship.objects.create(
        patient=cast.peter_patient, clinician=cast.olav.clinician, clinic=cast.odense
    )
    CareRelationship.objects.filter(clinician=cast.lise.clinician).update(ended_at=AT)

    bundle = patient_bundle(cast.peter_patient)

    names = [r["name"][0]["text"] for r in resources(bundle, "Practitioner")]
    assert names == ["Olav Berg"]
    assert len(by_kind(bundle, "Organization")) == 1


@pytest.mark.django_db
def test_the_export_reads_in_a_fixed_number_of_queries(cast):
    peter = cast.peter_patient
    save_plan(peter, cast.lise)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            patient_bundle(Patient.objects.select_related("user").get(pk=peter.pk))
        return len(context)

    before = queries()
    intake = questionnaires.send_intake(
        patient=peter, clinician=cast.lise.clinician, actor=cast.peter, source="test"
    )
    for response in intake.responses.filter(instrument_id="nrs"):
        questionnaires.save_answers(
            response=response, raw={"1": "4"}, actor=cast.peter, source="test", submit=True
        )
    for day in range(5):
        selfcare.record_check_in(
            patient=peter,
            key=uuid.uuid4(),
            made_at=timezone.now() - timedelta(days=day, hours=1),
            data={"actions": {}, "confidence": 5, "pain": 3},
            action_keys=[],
            actor=cast.peter,
            source="test",
        )
    assert queries() == before
    bundle = patient_bundle(peter)
    assert len(resources(bundle, "QuestionnaireResponse")) == 2
    assert len(resources(bundle, "Observation")) == 2 + 5 * 2
