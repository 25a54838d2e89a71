"""The demo's questionnaire history: Peter answers his intake and two follow-ups and gets better;
Maja's intake has a warning sign that puts her first in Karim's follow-up list."""

import pytest
from django.utils import timezone, translation

from betterback.demo.services import load_demo
from betterback.front import services as front
from betterback.patients.models import Patient
from betterback.questionnaires import rules
from betterback.questionnaires.definitions import instrument
from betterback.questionnaires.models import QuestionnaireSet, Response, SetKind


# Every test here reads the same demo, so it is loaded once for the module; each test runs in a
# savepoint of its own (module_db in betterback/conftest.py).
@pytest.fixture(scope="module")
def module_demo(module_db):
    with module_db():
        load_demo()


@pytest.fixture
def demo(db, module_demo):
    """The demo as loaded, for this test alone."""


def patient(name: str) -> Patient:
    return Patient.objects.get(email=f"{name}@demo.example")


def scores(who: str, instrument_id: str, variant: str = "") -> list[float]:
    return list(
        Response.objects.filter(
            patient=patient(who),
            instrument_id=instrument_id,
            variant=variant,
            submitted_at__isnull=False,
        )
        .order_by("submitted_at")
        .values_list("total", flat=True)
    )


def test_peter_has_answered_his_intake_and_the_follow_ups_at_weeks_4_and_12(demo):
    sets = QuestionnaireSet.objects.filter(patient=patient("peter")).order_by("available_from")

    assert [(s.kind, s.week, s.completed_at is not None) for s in sets] == [
        (SetKind.INTAKE, None, True),
        (SetKind.FOLLOW_UP, 4, True),
        (SetKind.FOLLOW_UP, 12, True),
        (SetKind.FOLLOW_UP, 26, False),
    ]
    for qset in sets[:3]:
        assert not qset.responses.filter(submitted_at__isnull=True).exists()
        assert all(r.submitted_at <= timezone.now() for r in qset.responses.all())
    assert sets[3].available_from > timezone.now()
    assert not sets[3].responses.filter(submitted_at__isnull=False).exists()


def test_peters_back_pain_goes_down_and_his_rmdq_improves_beyond_the_minimal_change(demo):
    back = scores("peter", "nrs", "back")
    rmdq = scores("peter", "rmdq")

    assert len(back) == 3 and back == sorted(back, reverse=True) and back[0] > back[-1]
    change = rules.change(instrument("rmdq"), rmdq[0], rmdq[-1])
    assert (change.direction, change.important) == ("better", True)


def test_peter_is_green_in_lises_follow_up_list(demo):
    lise = patient("peter").care_relationships.get().clinician

    [row] = front.follow_up_list(clinician=lise, source="test")

    assert (row.relationship.patient, row.colour, row.reasons) == (
        patient("peter"),
        rules.GREEN,
        [],
    )


def test_maja_has_an_urgent_warning_sign_and_is_red_in_karims_follow_up_list(demo):
    [screen] = Response.objects.filter(
        patient=patient("maja"), instrument_id="redflags", submitted_at__isnull=False
    )
    [alert] = patient("maja").alerts.all()
    karim = patient("maja").care_relationships.get().clinician

    with translation.override("en"):
        [row] = front.follow_up_list(clinician=karim, source="test")

    assert screen.flag_level == 1
    assert (alert.level, alert.acknowledged_at, alert.raised_at) == (1, None, screen.submitted_at)
    assert row.relationship.patient == patient("maja")
    assert row.colour == rules.RED
    reason = "New problems passing urine: hesitancy, weak stream or reduced sensation"
    assert ("red_flag", reason) in [(r.code, r.detail) for r in row.reasons]


def test_loading_the_demo_twice_does_not_duplicate_the_questionnaires(demo):
    before = (
        QuestionnaireSet.objects.count(),
        list(Response.objects.order_by("pk").values_list("pk", "submitted_at", "total")),
    )

    load_demo()

    after = (
        QuestionnaireSet.objects.count(),
        list(Response.objects.order_by("pk").values_list("pk", "submitted_at", "total")),
    )
    assert after == before
