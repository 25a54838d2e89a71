"""Dialogue sessions. Every read and write records its audit event."""

from django.utils import timezone

from betterback.audit import events
from betterback.content.pack import pack
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import Context, WorksheetRevision
from betterback.questionnaires.services import schedule_follow_ups


def open_session(*, patient, clinician, source: str) -> DialogueSession:
    """The clinician's open session with the patient, or a new one."""
    session = DialogueSession.objects.filter(
        patient=patient, clinician=clinician, ended_at__isnull=True
    ).first()
    if session is None:
        session = DialogueSession.objects.create(patient=patient, clinician=clinician)
        events.session_opened(session=session, actor=clinician.user, source=source)
        # The follow-up questionnaires count from the first consultation; later ones keep them.
        schedule_follow_ups(
            patient=patient,
            clinician=clinician,
            start=session.started_at,
            actor=clinician.user,
            source=source,
        )
    return session


def read_session(*, session: DialogueSession, actor, source: str) -> DialogueSession:
    events.session_read(session=session, actor=actor, source=source)
    return session


def choose_materials(*, session: DialogueSession, material_ids: list[str], actor, source: str):
    known = pack()
    session.material_ids = [m for m in material_ids if m in known]
    session.save(update_fields=["material_ids"])
    events.materials_chosen(session=session, actor=actor, source=source)


def end_session(*, session: DialogueSession, actor, source: str) -> None:
    if session.ended_at is None:
        session.ended_at = timezone.now()
        session.save(update_fields=["ended_at"])
        events.session_ended(session=session, actor=actor, source=source)


def has_open_session(*, patient, clinician) -> bool:
    return DialogueSession.objects.filter(
        patient=patient, clinician=clinician, ended_at__isnull=True
    ).exists()


def last_ended(patient) -> DialogueSession | None:
    return (
        DialogueSession.objects.filter(patient=patient, ended_at__isnull=False)
        .select_related("clinician__user")
        .first()
    )


def changed_at_home_since(patient, since) -> set[str]:
    """The materials the patient changed at home after ``since`` (all of them if None)."""
    revisions = WorksheetRevision.objects.filter(entry__patient=patient, context=Context.HOME)
    if since is not None:
        revisions = revisions.filter(changed_at__gt=since)
    return set(revisions.values_list("entry__material_id", flat=True).distinct())
