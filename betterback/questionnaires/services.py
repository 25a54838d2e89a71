"""Questionnaire sets, answers and results. Every read and write records its audit event."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from betterback.audit import events
from betterback.core.once import save_once
from betterback.questionnaires import scoring, signs
from betterback.questionnaires.definitions import (
    Instrument,
    definition_of,
    instruments,
)
from betterback.questionnaires.models import (
    DEFAULT_FOLLOW_UP,
    DEFAULT_FOLLOW_UP_WEEKS,
    DEFAULT_INTAKE,
    QuestionnaireSet,
    Response,
    Schedule,
    SetKind,
    Source,
    WordingPack,
)
from betterback.questionnaires.wording import Wording, from_pack, reference
from betterback.safety import services as safety


@dataclass(frozen=True)
class Saved:
    """What save_answers stored: the response, and what a submit still lacks ({item key:
    "required"}; then the answers given are saved and nothing is sent in)."""

    response: Response
    missing: dict[str, str] = field(default_factory=dict)


class InvalidAnswers(ValueError):
    """Answers that cannot be stored. ``problems`` maps item keys to error codes."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def split_entry(entry: str) -> tuple[str, str]:
    instrument_id, _, variant = entry.partition(":")
    return instrument_id, variant


# --- Schedules -------------------------------------------------------------------------------


def schedule_for(clinic) -> Schedule:
    schedule = Schedule.objects.filter(clinic=clinic).first()
    return schedule or Schedule(
        clinic=clinic,
        intake=DEFAULT_INTAKE,
        follow_up=DEFAULT_FOLLOW_UP,
        follow_up_weeks=DEFAULT_FOLLOW_UP_WEEKS,
    )


def save_schedule(
    *, clinic, intake, follow_up, weeks, actor, source: str, psfs_three: bool = False
) -> Schedule:
    schedule, _ = Schedule.objects.get_or_create(
        clinic=clinic,
        defaults={"intake": [], "follow_up": [], "follow_up_weeks": []},
    )
    schedule.intake, schedule.follow_up, schedule.follow_up_weeks = intake, follow_up, weeks
    schedule.min_answered = {"psfs": 3} if psfs_three else {}
    schedule.changed_at, schedule.changed_by = timezone.now(), actor
    schedule.save()
    events.schedule_changed(actor=actor, source=source)
    return schedule


def _create_set(*, patient, clinician, kind, week, entries, available_from) -> QuestionnaireSet:
    known = instruments()
    entries = [e for e in entries if split_entry(e)[0] in known]
    if not entries:  # nothing the installed definitions know: no empty set that never completes
        return None
    qset = QuestionnaireSet.objects.create(
        patient=patient,
        clinician=clinician,
        kind=kind,
        week=week,
        entries=entries,
        available_from=available_from,
    )
    Response.objects.bulk_create(
        [
            Response(
                patient=patient,
                questionnaire_set=qset,
                instrument_id=split_entry(entry)[0],
                variant=split_entry(entry)[1],
                instrument_version=known[split_entry(entry)[0]].version,
                position=position,
            )
            for position, entry in enumerate(entries)
        ]
    )
    return qset


def send_intake(*, patient, clinician, actor, source: str) -> QuestionnaireSet | None:
    """The clinic's intake set, available at once. Safe to call twice: one set per time point."""
    if QuestionnaireSet.objects.filter(
        patient=patient, clinician=clinician, kind=SetKind.INTAKE
    ).exists():
        return None
    entries = schedule_for(clinician.clinic).intake
    if not entries:
        return None
    try:
        with transaction.atomic():
            qset = _create_set(
                patient=patient,
                clinician=clinician,
                kind=SetKind.INTAKE,
                week=None,
                entries=entries,
                available_from=timezone.now(),
            )
    except IntegrityError:  # a parallel call made it
        return None
    if qset is None:
        return None
    events.questionnaires_sent(qset=qset, actor=actor, source=source)
    return qset


def schedule_follow_ups(*, patient, clinician, start, actor, source: str) -> list[QuestionnaireSet]:
    """Follow-up sets at the clinic's weeks after ``start`` (the first consultation). Only once
    per patient and clinician: later consultations do not move them."""
    if QuestionnaireSet.objects.filter(
        patient=patient, clinician=clinician, kind=SetKind.FOLLOW_UP
    ).exists():
        return []
    schedule = schedule_for(clinician.clinic)
    if not schedule.follow_up:
        return []
    created = []
    try:
        with transaction.atomic():
            for week in schedule.follow_up_weeks:
                created.append(
                    _create_set(
                        patient=patient,
                        clinician=clinician,
                        kind=SetKind.FOLLOW_UP,
                        week=week,
                        entries=schedule.follow_up,
                        available_from=start + timedelta(weeks=week),
                    )
                )
    except IntegrityError:  # a parallel call made them
        return []
    created = [qset for qset in created if qset]
    events.follow_ups_scheduled(patient=patient, actor=actor, source=source)
    return created


# --- Wording ---------------------------------------------------------------------------------


def wording_for(definition: Instrument, clinic, language: str) -> Wording:
    pack = (
        WordingPack.objects.filter(
            clinic=clinic, instrument_id=definition.id, language=language
        ).first()
        if clinic
        else None
    )
    if pack:
        return from_pack(pack.source_text, definition, pack.label)
    return reference(definition, language)


def install_wording_pack(*, clinic, definition: Instrument, source_text: str, actor, source: str):
    """Check a pack and install it for the clinic, replacing an earlier one for that language.
    Raises wording.WordingError."""
    from betterback.questionnaires.wording import parse_pack

    data = parse_pack(source_text, definition)
    pack, _ = WordingPack.objects.update_or_create(
        clinic=clinic,
        instrument_id=definition.id,
        language=data["language"],
        defaults={
            "name": data["name"].strip(),
            "version": data["version"].strip(),
            "source_text": source_text,
            "installed_at": timezone.now(),
            "installed_by": actor,
        },
    )
    events.wording_installed(wording=pack, actor=actor, source=source)
    return pack


def remove_wording_pack(*, pack: WordingPack, actor, source: str) -> None:
    events.wording_removed(wording=pack, actor=actor, source=source)
    pack.delete()


# --- Answering -------------------------------------------------------------------------------


def open_sets(patient):
    """Sets the patient can answer now, oldest first."""
    return QuestionnaireSet.objects.filter(
        patient=patient, completed_at__isnull=True, available_from__lte=timezone.now()
    ).prefetch_related("responses")


def read_set(*, qset: QuestionnaireSet, actor, source: str) -> list[Response]:
    events.questionnaires_opened(qset=qset, actor=actor, source=source)
    return list(qset.responses.all())


def read_for_paper(*, patient, entry: str, actor, source: str):
    """The page for typing in a paper questionnaire opened for the patient (it names them)."""
    events.paper_form_opened(patient=patient, entry=entry, actor=actor, source=source)
    return patient


def read_response(*, response: Response, actor, source: str) -> Response:
    events.response_read(response=response, actor=actor, source=source)
    return response


def clean_answers(
    definition: Instrument, raw: dict, variant: str = ""
) -> tuple[dict, dict[str, str]]:
    """Keep the answers the definition allows for the items asked in this variant. Returns the
    answers and a map of item -> problem ("invalid") for what it refused. Text answers are
    trimmed and length-checked."""
    answers, problems = {}, {}
    for item in definition.asked(variant):
        value = raw.get(item.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if item.scale.type == "text":
            text = str(value).strip()
            if len(text) > item.scale.max_length:
                problems[item.key] = "too_long"
            else:
                answers[item.key] = text
            continue
        try:
            code = int(str(value).strip())
        except ValueError:
            problems[item.key] = "invalid"
            continue
        if code not in item.scale.codes:
            problems[item.key] = "invalid"
        else:
            answers[item.key] = code
    return answers, problems


def missing_required(
    definition: Instrument, answers: dict, variant: str = "", min_answered: int | None = None
) -> list[str]:
    """The items still to answer before the answers can be sent. ``min_answered``: at least that
    many of the items (the PSFS activities rated)."""
    asked = definition.asked(variant)
    missing = [i.key for i in asked if i.required and answers.get(i.key) is None]
    minimum = min_answered or definition.min_answered
    if minimum:
        given = sum(1 for i in asked if answers.get(i.key) is not None)
        unanswered = [i.key for i in asked if answers.get(i.key) is None]
        missing += [key for key in unanswered[: max(0, minimum - given)] if key not in missing]
    return missing


def _history(response: Response) -> frozenset[str]:
    """History signs the patient said "yes" to in earlier answers of the same screen."""
    found: set[str] = set()
    earlier = Response.objects.filter(
        patient_id=response.patient_id, instrument_id=response.instrument_id
    ).exclude(pk=response.pk)
    for other in earlier.only("instrument_id", "instrument_version", "answers"):
        found |= signs.history_yes(definition_of(other), other.answers)
    return frozenset(found)


def _assess_signs(response: Response, definition: Instrument, *, actor, source: str) -> None:
    """Warning signs count the moment they are saved, sent or not: the response's level, and an
    alert for the patient's clinicians (safety.services)."""
    asks_history = definition.asked(response.variant) == definition.items
    history = frozenset() if asks_history else _history(response)
    assessment = signs.assess(definition, response.answers, response.variant, history)
    response.flag_level = assessment.level
    if response.pk is not None:
        Response.objects.filter(pk=response.pk).update(flag_level=assessment.level)
    safety.record_signs(
        patient=response.patient,
        source_id=response.public_id,
        signs=[sign.as_data() for sign in assessment.signs],
        actor=actor,
        source=source,
    )


def _apply_score(response: Response, definition: Instrument, min_answered=None) -> None:
    if definition.scored:
        result = scoring.score(definition.id, response.answers, min_answered=min_answered)
        response.total = result.total
        response.subscales = {k: v for k, v in result.subscales.items() if v is not None}
        response.band = result.band or ""


def save_answers(
    *,
    response: Response,
    raw: dict,
    notes: dict | None = None,
    actor,
    source: str,
    submit: bool = False,
    allow_missing: bool = False,
    wording: str = "",
    min_answered: int | None = None,
) -> "Saved":
    """Store answers, partial or final. A submitted response is final: a second submit (a
    double click, a resent form) changes nothing. Warning signs raise their alert at once, before
    the answers are sent. An answer that is not valid stores nothing (InvalidAnswers); a submit
    with a required answer missing stores what was given and says what is missing."""
    definition = definition_of(response)
    answers, problems = clean_answers(definition, raw, response.variant)
    if problems:
        raise InvalidAnswers(problems)
    with transaction.atomic():
        locked = Response.objects.select_for_update().select_related("patient").get(pk=response.pk)
        if locked.is_submitted:
            return Saved(locked)
        merged = {**locked.answers, **answers}
        # An answer left empty in a full-page form clears it.
        for key in raw:
            if key not in answers and key in merged:
                del merged[key]
        missing = (
            missing_required(definition, merged, locked.variant, min_answered)
            if submit and not allow_missing
            else []
        )
        submit = submit and not missing
        locked.answers = merged
        locked.wording = locked.wording or wording
        if notes is not None:
            locked.notes = {k: v.strip()[:200] for k, v in notes.items() if v and v.strip()}
        locked.updated_at = timezone.now()
        if submit:
            locked.submitted_at, locked.submitted_by = locked.updated_at, actor
            _apply_score(locked, definition, min_answered)
        if definition.kind == "screen":
            _assess_signs(locked, definition, actor=actor, source=source)
        locked.save()
        if submit and locked.questionnaire_set_id:
            _complete_set_if_done(locked.questionnaire_set_id)
        events.answers_saved(response=locked, actor=actor, source=source, submitted=submit)
    return Saved(locked, dict.fromkeys(missing, "required"))


def _complete_set_if_done(set_id: int) -> None:
    if not Response.objects.filter(questionnaire_set_id=set_id, submitted_at__isnull=True).exists():
        QuestionnaireSet.objects.filter(pk=set_id, completed_at__isnull=True).update(
            completed_at=timezone.now()
        )


def enter_paper(
    *,
    patient,
    definition: Instrument,
    variant: str,
    raw: dict,
    notes: dict,
    key,
    actor,
    source,
    min_answered: int | None = None,
) -> Response:
    """A clinician types in a paper form. The form's key makes a double submit store one
    response. Missing answers are allowed: the instrument's missing-item rule decides the score.
    Warning signs raise their alert as on screen."""
    answers, problems = clean_answers(definition, raw, variant)
    if problems:
        raise InvalidAnswers(problems)
    if not answers:
        raise InvalidAnswers({"": "empty"})
    if key is None:
        raise ValueError("a paper entry needs its form's key")
    existing = Response.objects.filter(key=key, patient=patient).first()
    if existing:
        return existing
    response = Response(
        patient=patient,
        instrument_id=definition.id,
        instrument_version=definition.version,
        variant=variant,
        wording="paper",
        answers=answers,
        notes={k: v.strip()[:200] for k, v in notes.items() if v and v.strip()},
        source=Source.PAPER,
        key=key,
        updated_at=timezone.now(),
        submitted_at=timezone.now(),
        submitted_by=actor,
    )
    _apply_score(response, definition, min_answered)

    def assess(saved: Response) -> None:
        if definition.kind == "screen":
            _assess_signs(saved, definition, actor=actor, source=source)

    # The same form, submitted twice at the same moment, is stored once.
    response, created = save_once(response, {"key": key}, after=assess)
    if not created:
        return response
    events.paper_entered(response=response, actor=actor, source=source)
    return response
