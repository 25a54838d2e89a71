"""The demo data that `make run` loads and `betterback demo` reloads.

Idempotent: accounts are created or reset, never duplicated. Worksheet content is written
through the materials service, so the reset shows in each entry's history and audit log like any
other change.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from betterback.accounts.models import User
from betterback.clinics.models import Clinic, ClinicAdministrator, Clinician, Profession
from betterback.content.pack import role
from betterback.demo import data
from betterback.demo.training import load_training
from betterback.dialogue import services as dialogue
from betterback.dialogue.models import DialogueSession
from betterback.materials import services as materials
from betterback.materials.models import Context, WorksheetEntry
from betterback.patients.models import CareRelationship, Patient
from betterback.plan import reader
from betterback.plan import services as plan
from betterback.questionnaires import services as questionnaires
from betterback.questionnaires.models import QuestionnaireSet, Response, SetKind
from betterback.safety.models import Alert
from betterback.selfcare import services as selfcare
from betterback.selfcare.models import CheckIn, Flare

SOURCE = "command:demo"


def _user(email, full_name, language="da"):
    user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    user.full_name = full_name
    user.language = language
    user.is_demo = True
    user.is_active = True
    user.set_password(settings.BETTERBACK_DEMO_PASSWORD)
    user.save()
    return user


def _clinician(email, name, clinic, profession):
    user = _user(email, name)
    clinician, _ = Clinician.objects.update_or_create(
        user=user, defaults={"clinic": clinic, "profession": profession}
    )
    return clinician


def _patient(email, name, clinician, in_care_for: timedelta):
    """The patient, in the clinician's care since ``in_care_for`` ago (before their intake)."""
    user = _user(email, name)
    patient, _ = Patient.objects.update_or_create(
        email=email, defaults={"full_name": name, "user": user}
    )
    if not CareRelationship.objects.active().filter(patient=patient, clinician=clinician).exists():
        CareRelationship.objects.create(
            patient=patient,
            clinician=clinician,
            clinic=clinician.clinic,
            started_at=timezone.now() - in_care_for,
        )
    return patient


def _save(patient, material_id: str, data: dict, actor) -> None:
    entry = WorksheetEntry.objects.filter(patient=patient, material_id=material_id).first()
    materials.save_entry(
        patient=patient,
        material_id=material_id,
        data=data,
        based_on_version=entry.version if entry else 0,
        actor=actor,
        source=SOURCE,
        context=Context.SYSTEM,
    )


def _reset_values(patient, person: str, actor) -> None:
    """What matters to the patient, saved again on every load (a reset shows in its history)."""
    values = role("values").material_id
    sheets = data.worksheets(person)
    if values in sheets:
        _save(patient, values, sheets[values], actor)


def _finished_session(patient, person: str, clinician) -> None:
    """The patient's materials filled in at a first session that has ended (once)."""
    if DialogueSession.objects.filter(patient=patient, ended_at__isnull=False).exists():
        return
    sheets = data.worksheets(person)
    if not sheets:
        return
    values = role("values").material_id
    for material_id, answers in sheets.items():
        if material_id != values:
            _save(patient, material_id, answers, clinician.user)
    session = dialogue.open_session(patient=patient, clinician=clinician, source=SOURCE)
    dialogue.choose_materials(
        session=session, material_ids=list(sheets), actor=clinician.user, source=SOURCE
    )
    dialogue.end_session(session=session, actor=clinician.user, source=SOURCE)


def _ones(count: int, of: int) -> dict:
    return {str(n): int(n <= count) for n in range(1, of + 1)}


def _answers(nrs_back, nrs_leg, startback, rmdq, pseq, flags=(), agenda=None) -> dict:
    answers = {
        "nrs:back": {"1": nrs_back},
        "nrs:leg": {"1": nrs_leg},
        "startback": {str(n): code for n, code in enumerate(startback, start=1)},
        "rmdq": _ones(rmdq, 24),
        "pseq": {str(n): pseq // 10 + (n <= pseq % 10) for n in range(1, 11)},
        # The warning-sign screen: all 19 items at intake; a follow-up asks only what is new.
        "redflags:intake": {str(n): int(n in flags) for n in range(1, 20)},
        "redflags:follow_up": {str(n): int(n in flags) for n in range(1, 20)},
    }
    if agenda:
        answers["agenda"] = {"1": agenda}
    return answers


# Peter improves from intake to week 12; Maja's intake has a warning sign (new problems passing
# urine: an emergency, "now") and a high STarT Back.
PETER_ANSWERS = {
    None: _answers(6, 3, [1, 0, 1, 1, 0, 1, 0, 0, 3], 11, 30,
                   agenda="Jeg vil gerne kunne lege med mine børnebørn igen."),
    4: _answers(4, 2, [1, 0, 0, 1, 0, 0, 0, 0, 2], 7, 38),
    12: _answers(3, 1, [0, 0, 0, 0, 0, 0, 0, 0, 1], 4, 46),
}  # fmt: skip
MAJA_ANSWERS = _answers(
    7, 6, [1, 1, 1, 1, 1, 1, 1, 0, 4], 14, 22, flags=(2,),
    agenda="Jeg er bange for, at der er noget galt med nerverne i ryggen.",
)  # fmt: skip


def _answer_set(qset: QuestionnaireSet, answers: dict, when) -> None:
    """Answer a set through the service as the patient, then date it back (demo only)."""
    for response in qset.responses.all():
        questionnaires.save_answers(
            response=response,
            raw=answers.get(response.entry, {}),
            actor=qset.patient.user,
            source=SOURCE,
            submit=True,
            wording="reference",
        )
    qset.responses.update(created_at=when, updated_at=when, submitted_at=when)
    QuestionnaireSet.objects.filter(pk=qset.pk).update(completed_at=when)


def _questionnaire_history(peter, lise, maja, karim) -> None:
    if Response.objects.filter(patient__in=[peter, maja], submitted_at__isnull=False).exists():
        return
    now = timezone.now()
    start = now - timedelta(weeks=13)
    intake = questionnaires.send_intake(
        patient=peter, clinician=lise, actor=peter.user, source=SOURCE
    )
    QuestionnaireSet.objects.filter(pk=intake.pk).update(available_from=start - timedelta(days=3))
    _answer_set(intake, PETER_ANSWERS[None], start - timedelta(days=2))
    # The first consultation was 13 weeks ago: follow-ups count from then.
    DialogueSession.objects.filter(patient=peter, clinician=lise).update(
        started_at=start, ended_at=start + timedelta(hours=1)
    )
    for qset in QuestionnaireSet.objects.filter(patient=peter, kind=SetKind.FOLLOW_UP):
        available = start + timedelta(weeks=qset.week)
        QuestionnaireSet.objects.filter(pk=qset.pk).update(available_from=available)
        if qset.week in PETER_ANSWERS:
            _answer_set(qset, PETER_ANSWERS[qset.week], available + timedelta(days=1))
    intake = questionnaires.send_intake(
        patient=maja, clinician=karim, actor=maja.user, source=SOURCE
    )
    answered = now - timedelta(hours=2)
    _answer_set(intake, MAJA_ANSWERS, answered)
    # Her warning sign was answered then too: the alert is dated with the answers.
    Alert.objects.filter(patient=maja).update(raised_at=answered, urgent_since=answered)


def _self_management(peter) -> None:
    """Eight weeks of Peter's check-ins, weekly goal reviews, one flare-up, and graded steps for
    his first action (a walk), through the services with the times he made them (the flare-up's
    end dated back). The actions and goals are those of his plan."""
    if CheckIn.objects.filter(patient=peter).exists():
        return
    the_plan = reader.read(peter)
    if len(the_plan.actions) < 2 or len(the_plan.goals) < 2:
        return
    walk_key, floor_key = the_plan.actions[0].key, the_plan.actions[1].key
    floor_goal, walk_goal = the_plan.goals[0].key, the_plan.goals[1].key
    now = timezone.now()
    start = timezone.localdate() - timedelta(weeks=8)
    plan.save_grading(
        patient=peter, action_key=walk_key, unit="minutes", baseline=20,
        starts_on=selfcare.monday(start), steps=[], actor=peter.user, source=SOURCE,
    )  # fmt: skip
    for day in range(0, 56, 2):
        week = day // 7
        made_at = now - timedelta(days=56 - day, hours=2)
        walk = "partly" if week == 4 else "done"
        selfcare.record_check_in(
            patient=peter,
            key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-peter-check-in-{day}"),
            made_at=made_at,
            data={
                "actions": {
                    walk_key: {"status": walk, "amount": 16 + 2 * week},
                    floor_key: {"status": "done" if day % 4 == 0 else "not_done", "amount": 5},
                },
                "confidence": min(9, 5 + week // 2),
                "pain": 7 if week == 4 else max(2, 6 - week // 2),
                "sleep": 2 if week == 4 else 3 + week // 4,
                "mood": 3 if week == 4 else 4,
                "note": "Ryggen blussede op efter en lang dag på arbejdet." if week == 4 else "",
            },
            action_keys=[walk_key, floor_key],
            actor=peter.user,
            source=SOURCE,
        )
    for week in range(8):
        selfcare.review_goals(
            patient=peter,
            week=start + timedelta(weeks=week),
            reviews={
                floor_goal: (min(2, -1 + week // 2), ""),
                walk_goal: (-1 if week == 4 else min(2, week // 3), ""),
            },
            actor=peter.user,
            source=SOURCE,
        )
    flare_start = now - timedelta(weeks=4, days=1)
    flare = selfcare.start_flare(
        patient=peter, actor=peter.user, source=SOURCE, started_at=flare_start
    )
    for index, (tried, helped) in enumerate(
        [("Korte gåture tre gange om dagen", "yes"), ("Varmepude om aftenen", "some")]
    ):
        selfcare.add_flare_note(
            patient=peter,
            key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-peter-flare-note-{index}"),
            made_at=flare_start + timedelta(days=index + 1),
            tried=tried,
            helped=helped,
            actor=peter.user,
            source=SOURCE,
        )
    selfcare.end_flare(flare=flare, actor=peter.user, source=SOURCE)
    Flare.objects.filter(pk=flare.pk).update(ended_at=flare_start + timedelta(days=4))


def demo_exists() -> bool:
    return User.objects.filter(email="lise@demo.example").exists()


@transaction.atomic
def load_demo() -> None:
    # Both clinics are in the Region of Southern Denmark; Odense has a duty address.
    odense, _ = Clinic.objects.get_or_create(
        name="Rygklinikken Odense",
        defaults={"city": "Odense", "region": "syddanmark", "duty_email": "vagt@demo.example"},
    )
    vejle, _ = Clinic.objects.get_or_create(
        name="Kiropraktorhuset Vejle", defaults={"city": "Vejle", "region": "syddanmark"}
    )
    lise = _clinician("lise@demo.example", "Lise Holm", odense, Profession.PHYSIOTHERAPIST)
    karim = _clinician("karim@demo.example", "Karim Nasser", vejle, Profession.CHIROPRACTOR)
    admin = _user("admin@demo.example", "Anne Dahl")
    ClinicAdministrator.objects.update_or_create(user=admin, defaults={"clinic": odense})
    # Peter came 14 weeks ago (his intake, then his first session a few days later); Maja today.
    peter = _patient("peter@demo.example", "Peter Jensen", lise, timedelta(weeks=13, days=4))
    maja = _patient("maja@demo.example", "Maja Sørensen", karim, timedelta(hours=3))
    _reset_values(peter, "peter", lise.user)
    _finished_session(peter, "peter", lise)
    _reset_values(maja, "maja", karim.user)
    _questionnaire_history(peter, lise, maja, karim)
    _self_management(peter)
    load_training(
        lise, DialogueSession.objects.filter(patient=peter, clinician=lise).order_by("pk").first()
    )
