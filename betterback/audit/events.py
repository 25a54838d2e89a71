"""The audit events, one function each: who did what to whose data, and what the event keeps.

Every read and write of patient data and every security event is recorded through one of these
functions, never by writing an AuditEvent directly. The functions take the app's own objects (a
worksheet entry, a response, a share ...) and read only their fields, so this module imports no
other app. docs/audit.md is the catalogue, generated from this module
(`betterback audit-catalogue`); a test keeps it current. Targets: audit.targets.
"""

from collections.abc import Iterable

from betterback.audit.models import Action, AuditEvent
from betterback.audit.services import record, record_many, source_of
from betterback.audit.targets import Target, target

# --- People and access ---------------------------------------------------------------------------


def logged_in(request, user) -> AuditEvent:
    """A person logged in."""
    return record(actor=user, action=Action.LOGIN, source=source_of(request))


def login_failed(request, email: str) -> AuditEvent:
    """A login failed; the email that was typed is kept."""
    return record(
        actor=None, action=Action.LOGIN_FAILED, source=source_of(request), detail={"email": email}
    )


def logged_out(request) -> AuditEvent:
    """A person logged out."""
    return record(actor=request.user, action=Action.LOGOUT, source=source_of(request))


def refused(request, *, reason: str, patient=None) -> AuditEvent:
    """Someone was refused a page: ``reason`` says why (anonymous, a role, no care relationship
    ...); the refused address is kept, on the patient the page named."""
    return record(
        actor=request.user,
        action=Action.REFUSED,
        source=source_of(request),
        patient=patient,
        target=request.path[:100],
        detail={"reason": reason},
    )


def patients_listed(*, actor, patients: Iterable, source: str, kind=Target.PATIENT_LIST) -> None:
    """A list showed these patients (one event each): the patient list, the follow-up list, the
    list of invitations or of plans shared with a clinician."""
    record_many(
        actor=actor, action=Action.LIST, source=source, patients=patients, target=target(kind)
    )


def overview_read(*, patient, actor, source: str) -> AuditEvent:
    """The clinician's overview of a patient, or the patient's own home, was opened."""
    return _read(patient, actor, source, target(Target.OVERVIEW))


def access_log_read(*, patient, actor, source: str) -> AuditEvent:
    """The patient opened "Who has looked at my data"."""
    return _read(patient, actor, source, target(Target.ACCESS_LOG))


def care_ended(*, relationship, actor, source: str) -> AuditEvent:
    """A clinician's care relationship with the patient ended."""
    return record(
        actor=actor,
        action=Action.END_CARE,
        source=source,
        patient=relationship.patient,
        target=target(Target.CARE),
        detail={"clinician": relationship.clinician_id},
    )


def care_read(*, relationship, actor, source: str) -> AuditEvent:
    """A clinician opened the page that ends their care of the patient."""
    return _read(relationship.patient, actor, source, target(Target.CARE))


def invited(*, invitation, actor, source: str, replaces=None) -> AuditEvent:
    """A clinician invited a patient (or renewed an invitation: ``replaces`` is the old one)."""
    detail = {"delivery": invitation.delivery}
    if replaces is not None:
        detail["replaces"] = replaces.pk
    return record(
        actor=actor,
        action=Action.INVITE,
        source=source,
        patient=invitation.patient,
        target=target(Target.INVITATION, invitation.pk),
        detail=detail,
    )


def invitation_accepted(*, invitation, actor, source: str) -> AuditEvent:
    """The patient accepted an invitation and has an account."""
    return record(
        actor=actor,
        action=Action.ACCEPT,
        source=source,
        patient=invitation.patient,
        target=target(Target.INVITATION, invitation.pk),
    )


def invitation_read(*, invitation, actor, source: str) -> AuditEvent:
    """The clinician opened an invitation (to print the letter, say)."""
    return _read(invitation.patient, actor, source, target(Target.INVITATION, invitation.pk))


# --- Materials, the plan, sessions ---------------------------------------------------------------


def material_read(*, patient, material_id: str, actor, source: str, printing=False, linked_from=""):
    """A material was opened (or its print view: ``printing``). ``linked_from``: the material
    whose page showed this one's items as choices to link to."""
    return record(
        actor=actor,
        action=Action.PRINT if printing else Action.READ,
        source=source,
        patient=patient,
        target=target(Target.MATERIAL, material_id),
        detail={"linked_from": linked_from} if linked_from else None,
    )


def material_saved(*, entry, before: int, actor, source: str, context: str) -> AuditEvent:
    """A material was saved: the version before (0 for the first save) and after, and where
    (consultation, home ...)."""
    return record(
        actor=actor,
        action=Action.CREATE if before == 0 else Action.UPDATE,
        source=source,
        patient=entry.patient,
        target=target(Target.MATERIAL, entry.material_id),
        detail={"before": before, "version": entry.version, "context": context},
    )


def plan_read(*, patient, actor, source: str) -> AuditEvent:
    """My plan (or My back plan, or a self-management page that shows it) was opened."""
    return _read(patient, actor, source, target(Target.PLAN))


def plan_printed(*, patient, actor, source: str) -> AuditEvent:
    """My plan was printed as a PDF (one event: the plan is read for the print)."""
    return record(
        actor=actor, action=Action.PRINT, source=source, patient=patient, target=target(Target.PLAN)
    )


def grading_saved(*, patient, action_key: str, steps: list, actor, source: str) -> AuditEvent:
    """An action was planned in graded steps (the steps are kept)."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=patient,
        target=target(Target.GRADED_ACTIVITY),
        detail={"action": action_key, "steps": steps},
    )


def session_opened(*, session, actor, source: str) -> AuditEvent:
    """A clinician opened a dialogue session with the patient."""
    return _session(session, actor, source, Action.CREATE)


def session_read(*, session, actor, source: str) -> AuditEvent:
    """A dialogue session's page was opened."""
    return _session(session, actor, source, Action.READ)


def materials_chosen(*, session, actor, source: str) -> AuditEvent:
    """The materials of a session were chosen (kept in their order)."""
    return _session(session, actor, source, Action.UPDATE, {"materials": session.material_ids})


def session_ended(*, session, actor, source: str) -> AuditEvent:
    """A dialogue session ended."""
    return _session(session, actor, source, Action.UPDATE, {"ended": True})


def reflection_read(*, session, actor, source: str) -> AuditEvent:
    """A clinician opened their own reflection on a session with the patient."""
    return _read(session.patient, actor, source, target(Target.REFLECTION, session.pk))


def reflection_saved(*, session, actor, source: str, new: bool) -> AuditEvent:
    """A clinician wrote (or changed) their own reflection on a session with the patient."""
    return record(
        actor=actor,
        action=Action.CREATE if new else Action.UPDATE,
        source=source,
        patient=session.patient,
        target=target(Target.REFLECTION, session.pk),
    )


def reflections_listed(*, actor, patients: Iterable, source: str) -> None:
    """A clinician's list of their reflections showed these patients' sessions."""
    record_many(
        actor=actor,
        action=Action.READ,
        source=source,
        patients=patients,
        target=target(Target.REFLECTIONS),
    )


# --- Questionnaires ------------------------------------------------------------------------------


def schedule_changed(*, actor, source: str) -> AuditEvent:
    """The clinic changed which questionnaires it sends, and when."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        target=target(Target.QUESTIONNAIRE_SCHEDULE),
    )


def wording_installed(*, wording, actor, source: str) -> AuditEvent:
    """The clinic installed a validated wording for an instrument."""
    return _wording(wording, actor, source, {"language": wording.language, "pack": wording.label})


def wording_removed(*, wording, actor, source: str) -> AuditEvent:
    """The clinic removed a validated wording."""
    detail = {"language": wording.language, "removed": wording.label}
    return _wording(wording, actor, source, detail)


def questionnaires_sent(*, qset, actor, source: str) -> AuditEvent:
    """A set of questionnaires was made for the patient (intake or follow-up)."""
    return record(
        actor=actor,
        action=Action.CREATE,
        source=source,
        patient=qset.patient,
        target=target(Target.QUESTIONNAIRE_SET, qset.kind),
    )


def follow_ups_scheduled(*, patient, actor, source: str) -> AuditEvent:
    """The follow-up questionnaires were planned, counted from the first consultation."""
    return record(
        actor=actor,
        action=Action.CREATE,
        source=source,
        patient=patient,
        target=target(Target.QUESTIONNAIRE_SET, "follow_up"),
    )


def questionnaires_opened(*, qset, actor, source: str) -> AuditEvent:
    """The patient opened a set of questionnaires."""
    return _read(qset.patient, actor, source, target(Target.QUESTIONNAIRE_SET, qset.kind))


def response_read(*, response, actor, source: str) -> AuditEvent:
    """One questionnaire's answers were opened."""
    return _read(
        response.patient, actor, source, target(Target.QUESTIONNAIRE, response.instrument_id)
    )


def answers_saved(*, response, actor, source: str, submitted: bool) -> AuditEvent:
    """Answers to a questionnaire were saved; when it was sent in, with its score and band."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=response.patient,
        target=target(Target.QUESTIONNAIRE, response.instrument_id),
        detail={"submitted": submitted, **(_score(response) if submitted else {})},
    )


def paper_entered(*, response, actor, source: str) -> AuditEvent:
    """A clinician typed in a questionnaire the patient answered on paper, with its score."""
    return record(
        actor=actor,
        action=Action.CREATE,
        source=source,
        patient=response.patient,
        target=target(Target.QUESTIONNAIRE, response.instrument_id),
        detail={"paper": True, **_score(response)},
    )


def paper_form_opened(*, patient, entry: str, actor, source: str) -> AuditEvent:
    """A clinician opened the page to type in a paper questionnaire for the patient (``entry``:
    the questionnaire, or "" for the page that lists them)."""
    return _read(patient, actor, source, target(Target.QUESTIONNAIRE, entry))


def results_read(*, patient, actor, source: str) -> AuditEvent:
    """The patient's scores over time were opened."""
    return _read(patient, actor, source, target(Target.RESULTS))


def questionnaire_email_sent(*, qset, kind: str, source: str) -> AuditEvent:
    """An email about questionnaires went to the patient: new ones, or a reminder."""
    return record(
        actor=None,
        action=Action.CREATE,
        source=source,
        patient=qset.patient,
        target=target(Target.NOTICE, kind),
    )


# --- Warning signs -------------------------------------------------------------------------------


def alert_raised(*, alert, signs: list, new: bool, actor, source: str) -> AuditEvent:
    """Answers showed warning signs: an alert was raised (or an open one got more signs). The
    level and the signs' ids are kept."""
    return record(
        actor=actor,
        action=Action.CREATE if new else Action.UPDATE,
        source=source,
        patient=alert.patient,
        target=target(Target.ALERT, alert.public_id),
        detail={"level": alert.level, "signs": [sign["id"] for sign in signs]},
    )


def alert_acknowledged(*, alert, actor, source: str) -> AuditEvent:
    """A clinician acknowledged an alert and said what was done."""
    return record(
        actor=actor,
        action=Action.ACKNOWLEDGE,
        source=source,
        patient=alert.patient,
        target=target(Target.ALERT, alert.public_id),
        detail={"acknowledged": True, "what_was_done": alert.what_was_done},
    )


def alert_read(*, alert, actor, source: str) -> AuditEvent:
    """A clinician opened an alert."""
    return _read(alert.patient, actor, source, target(Target.ALERT, alert.public_id))


def alert_email_sent(*, alert, kind: str, source: str) -> AuditEvent:
    """An email about an urgent alert went to a clinician or the clinic (``kind``)."""
    return record(
        actor=None,
        action=Action.CREATE,
        source=source,
        patient=alert.patient,
        target=target(Target.ALERT_NOTICE, kind),
    )


def safety_settings_changed(*, changed: list, actor, source: str) -> AuditEvent:
    """The clinic changed its warning-sign settings (which fields are kept)."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        target=target(Target.CLINIC_SAFETY),
        detail={"changed": sorted(changed)},
    )


# --- Self-management -----------------------------------------------------------------------------


def self_management_read(*, patient, kind: Target, actor, source: str) -> AuditEvent:
    """A self-management page was opened: check-ins, goal reviews, flare-ups, progress, the
    graded steps (``kind``)."""
    return _read(patient, actor, source, target(kind))


def check_in_recorded(*, check_in, actor, source: str) -> AuditEvent:
    """The patient checked in (made on the device, perhaps while offline)."""
    return _self_management(check_in.patient, actor, source, Target.CHECK_IN, check_in.offline)


def goals_reviewed(*, patient, actor, source: str) -> AuditEvent:
    """The patient rated this week's goals."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=patient,
        target=target(Target.GOAL_REVIEW),
    )


def flare_started(*, flare, actor, source: str) -> AuditEvent:
    """The patient started a flare-up."""
    return record(
        actor=actor,
        action=Action.CREATE,
        source=source,
        patient=flare.patient,
        target=target(Target.FLARE),
    )


def flare_ended(*, flare, actor, source: str) -> AuditEvent:
    """The patient ended a flare-up."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=flare.patient,
        target=target(Target.FLARE),
        detail={"ended": True},
    )


def flare_note_added(*, note, patient, actor, source: str) -> AuditEvent:
    """The patient noted what they tried in a flare-up and whether it helped."""
    return _self_management(patient, actor, source, Target.FLARE_NOTE, note.offline)


def reminders_chosen(*, patient, actor, source: str) -> AuditEvent:
    """The patient chose when to be reminded to check in."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=patient,
        target=target(Target.REMINDERS),
    )


def check_in_reminder_sent(*, patient, source: str) -> AuditEvent:
    """A reminder to check in went to the patient by email."""
    return record(
        actor=None,
        action=Action.CREATE,
        source=source,
        patient=patient,
        target=target(Target.CHECK_IN_REMINDER),
    )


def library_read(*, patient, actor, source: str, material_id: str = "") -> AuditEvent:
    """The patient opened the library (or one material's texts in it). What they searched for
    is not kept."""
    return record(
        actor=actor,
        action=Action.READ,
        source=source,
        patient=patient,
        target=target(Target.LEARN),
        detail={"material": material_id} if material_id else None,
    )


# --- Sharing -------------------------------------------------------------------------------------


def share_created(*, share, period: str, actor, source: str) -> AuditEvent:
    """The patient shared their plan and scores: for how long, and until which day."""
    detail = {"period": period, "last_day": share.last_day.isoformat()}
    return _share(share, actor, source, Action.CREATE, detail)


def share_accepted(*, share, actor, source: str) -> AuditEvent:
    """A clinician accepted a share."""
    return _share(share, actor, source, Action.ACCEPT)


def share_revoked(*, share, actor, source: str, before: str) -> AuditEvent:
    """The patient took a share back (its state before is kept)."""
    return _share(share, actor, source, Action.UPDATE, {"revoked": True, "before": before})


def share_opened(*, share, actor, source: str) -> AuditEvent:
    """A clinician opened a plan the patient shared with them."""
    return record(
        actor=actor,
        action=Action.READ,
        source=source,
        patient=share.patient,
        target=target(Target.SHARED_PLAN),
        detail={"share": share.pk},
    )


def share_read(*, share, actor, source: str) -> AuditEvent:
    """The patient opened one of their shares (to take it back)."""
    return _read(share.patient, actor, source, target(Target.SHARE, share.pk))


def shares_read(*, patient, actor, source: str) -> AuditEvent:
    """The patient opened their list of shares."""
    return _read(patient, actor, source, target(Target.SHARES))


# --- The patient's rights, and exchange ----------------------------------------------------------


def my_data_read(*, patient, actor, source: str, kind: str, printing=False) -> AuditEvent:
    """The patient opened "My data" or downloaded a copy (``kind``: page, json, pdf, fhir)."""
    return record(
        actor=actor,
        action=Action.PRINT if printing else Action.READ,
        source=source,
        patient=patient,
        target=target(Target.MY_DATA, kind),
    )


def deletion_read(*, patient, actor, source: str) -> AuditEvent:
    """The patient opened the page that deletes their self-management data."""
    return _read(patient, actor, source, target(Target.DELETION))


def self_management_deleted(*, patient, actor, source: str, counts: dict, materials: list):
    """The patient deleted their self-management data: how many of each, and which materials
    went back to the clinician's version."""
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        patient=patient,
        target=target(Target.DELETION),
        detail={"deleted": counts, "materials": materials},
    )


def fhir_exported(*, patient, actor, source: str, resources: int) -> AuditEvent:
    """The patient's data left as a FHIR bundle (how many resources)."""
    return record(
        actor=actor,
        action=Action.EXPORT,
        source=source,
        patient=patient,
        target=target(Target.FHIR_EXPORT),
        detail={"format": "fhir+json", "resources": resources},
    )


# --- Shapes shared by several events -------------------------------------------------------------


def _read(patient, actor, source: str, stored: str) -> AuditEvent:
    return record(actor=actor, action=Action.READ, source=source, patient=patient, target=stored)


def _session(session, actor, source: str, action: Action, detail=None) -> AuditEvent:
    return record(
        actor=actor,
        action=action,
        source=source,
        patient=session.patient,
        target=target(Target.SESSION, session.pk),
        detail=detail,
    )


def _wording(wording, actor, source: str, detail: dict) -> AuditEvent:
    return record(
        actor=actor,
        action=Action.UPDATE,
        source=source,
        target=target(Target.WORDING_PACK, wording.instrument_id),
        detail=detail,
    )


def _self_management(patient, actor, source, kind: Target, offline: bool) -> AuditEvent:
    return record(
        actor=actor,
        action=Action.CREATE,
        source=source,
        patient=patient,
        target=target(kind),
        detail={"offline": offline},
    )


def _share(share, actor, source: str, action: Action, detail=None) -> AuditEvent:
    return record(
        actor=actor,
        action=action,
        source=source,
        patient=share.patient,
        target=target(Target.SHARE, share.pk),
        detail=detail,
    )


def _score(response) -> dict:
    score = {"total": response.total, "band": response.band}
    return {key: value for key, value in score.items() if value not in (None, "")}
