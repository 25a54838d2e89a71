"""A patient's whole record as the rights pages find it, written through the real services: the
plan saved in a consultation, home edits, a dialogue session, an answered questionnaire,
check-ins, a goal review, a flare-up with a note, graded steps (one plan by the patient, one by
the clinician), reminders, and the clinician's look at the overview."""

import uuid
from dataclasses import dataclass

from django.utils import timezone

from betterback.dialogue import services as dialogue
from betterback.front.services import read_overview
from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.services import save_entry
from betterback.plan import services as plan_services
from betterback.questionnaires import services as questionnaires
from betterback.selfcare import services as selfcare
from betterback.selfcare.models import ReminderSent
from betterback.testing.plans import peter_data, save_plan

SOURCE = "test"
HOME_ONLY = "helps-and-hinders"  # a material the patient fills in at home and nowhere else


@dataclass(frozen=True)
class Record:
    note: str  # the patient's check-in note
    home_text: str  # what the patient wrote at home in "What matters to me"
    tried: str  # the patient's flare-up note


def save(patient, material_id, data, actor, context) -> None:
    current = WorksheetEntry.objects.filter(patient=patient, material_id=material_id).first()
    save_entry(
        patient=patient,
        material_id=material_id,
        data=data,
        based_on_version=current.version if current else 0,
        actor=actor,
        source=SOURCE,
        context=context,
    )


def home_edit(patient, text: str) -> None:
    """The patient renames the first thing that matters to them, at home."""
    data = {**peter_data()["what-matters"]}
    data["activities"] = [{**data["activities"][0], "text": text}, *data["activities"][1:]]
    save(patient, "what-matters", data, patient.user, Context.HOME)


def build(patient, clinician_user, name: str) -> Record:
    record = Record(
        note=f"{name} walked to the harbour",
        home_text=f"{name} dances at the village hall",
        tried=f"{name} tried a warm bath",
    )
    user = patient.user
    save_plan(patient, clinician_user)
    home_edit(patient, record.home_text)
    save(patient, HOME_ONLY, {"helps": f"{name}'s long walks"}, user, Context.HOME)

    session = dialogue.open_session(
        patient=patient, clinician=clinician_user.clinician, source=SOURCE
    )
    dialogue.choose_materials(
        session=session, material_ids=["what-matters"], actor=clinician_user, source=SOURCE
    )
    dialogue.end_session(session=session, actor=clinician_user, source=SOURCE)

    qset = questionnaires.send_intake(
        patient=patient, clinician=clinician_user.clinician, actor=user, source=SOURCE
    )
    pain = qset.responses.get(instrument_id="nrs", variant="back")
    questionnaires.save_answers(
        response=pain, raw={"1": 6}, actor=user, source=SOURCE, submit=True, wording="reference"
    )

    for confidence in (6, 8):
        selfcare.record_check_in(
            patient=patient,
            key=uuid.uuid4(),
            made_at=None,
            data={"actions": {"act1": {"status": "done", "amount": 20}},
                  "confidence": confidence, "pain": 4, "note": record.note},
            action_keys=["act1", "act2"],
            actor=user,
            source=SOURCE,
        )  # fmt: skip
    selfcare.review_goals(
        patient=patient,
        week=timezone.localdate(),
        reviews={"goal1": (1, "Better")},
        actor=user,
        source=SOURCE,
    )
    selfcare.add_flare_note(
        patient=patient,
        key=uuid.uuid4(),
        made_at=None,
        tried=record.tried,
        helped="yes",
        actor=user,
        source=SOURCE,
    )
    for action_key, who in (("act1", user), ("act2", clinician_user)):
        plan_services.save_grading(
            patient=patient,
            action_key=action_key,
            unit="minutes",
            baseline=20,
            starts_on=selfcare.monday(timezone.localdate()),
            steps=[],
            actor=who,
            source=SOURCE,
        )
    selfcare.save_reminders(
        patient=patient, weekdays=[0, 3], time=None, by_email=True, actor=user, source=SOURCE
    )
    ReminderSent.objects.create(patient=patient, due_at=timezone.now(), sent_at=timezone.now())

    read_overview(patient=patient, actor=clinician_user, source=SOURCE)
    return record
