"""Alerts: raised the moment an answer holds a warning sign, acknowledged by a clinician with what
was done. Every write records its audit event. Docs: docs/safety.md."""

from django.db import transaction
from django.utils import timezone

from betterback.audit import events
from betterback.content import regional
from betterback.patients.models import CareRelationship
from betterback.safety.display import helpline_told
from betterback.safety.models import NOTIFY_UP_TO, Alert, WhatWasDone


class AcknowledgementProblem(ValueError):
    """An acknowledgement that cannot be stored: ``code`` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _key(sign: dict) -> tuple[str, str]:
    return sign["kind"], sign["id"]


def record_signs(*, patient, source_id, signs: list[dict], actor, source: str) -> Alert | None:
    """Bring the alerts of one set of answers up to date with the signs they hold now.

    ``signs``: [{"kind": "sign"|"combination", "id", "level", "reason": {"da", "en"}}], as the
    questionnaire's rules found them in the answers saved a moment ago. A new sign joins the open
    alert of these answers, or opens one (also after an earlier alert was acknowledged). A sign
    answered "yes" and later "no" stays, marked withdrawn: the clinician sees what was said.
    Call it inside the transaction that saves the answers (the caller holds their row lock)."""
    now = timezone.now()
    current = {_key(sign): sign for sign in signs}
    alerts = list(Alert.objects.select_for_update().filter(source_id=source_id))
    for alert in alerts:  # what changed in signs already known
        changed = False
        for sign in alert.signs:
            withdrawn = _key(sign) not in current
            if sign.get("withdrawn", False) != withdrawn:
                sign["withdrawn"], changed = withdrawn, True
        if changed:
            alert.save(update_fields=["signs"])
    known = {_key(sign) for alert in alerts for sign in alert.signs}
    new = [{**sign, "withdrawn": False} for sign in signs if _key(sign) not in known]
    if not new:
        return next((a for a in alerts if a.is_open), None)
    level = min(sign["level"] for sign in new)
    alert = next((a for a in alerts if a.is_open), None)
    if alert is None:
        alert = Alert(
            patient=patient,
            source_id=source_id,
            level=level,
            raised_at=now,
            helpline=helpline_told(regional.current()),
        )
        raised = True
    else:
        alert.level = min(alert.level, level)
        raised = False
    alert.signs = sorted([*alert.signs, *new], key=lambda sign: sign["level"])
    if alert.urgent_since is None and alert.level <= NOTIFY_UP_TO:
        alert.urgent_since = now
    alert.save()
    events.alert_raised(alert=alert, signs=new, new=raised, actor=actor, source=source)
    return alert


def acknowledge(*, alert: Alert, what_was_done: str, note: str, actor, source: str) -> Alert:
    """A clinician has acted on the alert. Who, when, what was done and a short note are kept.
    Acknowledging twice keeps the first acknowledgement."""
    note = (note or "").strip()
    if what_was_done not in WhatWasDone.values:
        raise AcknowledgementProblem("what_was_done")
    if what_was_done == WhatWasDone.OTHER and not note:
        raise AcknowledgementProblem("note_required")
    if len(note) > 500:
        raise AcknowledgementProblem("note_too_long")
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if not locked.is_open:
            return locked
        locked.acknowledged_at = timezone.now()
        locked.acknowledged_by = actor
        locked.what_was_done = what_was_done
        locked.note = note
        locked.save()
        events.alert_acknowledged(alert=locked, actor=actor, source=source)
    return locked


def alerts_for(patient) -> list[Alert]:
    """Every alert about the patient: open ones first, most urgent first, then the acknowledged
    ones, newest first. The caller's page records the read."""
    alerts = list(Alert.objects.filter(patient=patient).select_related("acknowledged_by"))
    open_alerts = sorted((a for a in alerts if a.is_open), key=lambda a: (a.level, a.raised_at))
    done = sorted((a for a in alerts if not a.is_open), key=lambda a: a.raised_at, reverse=True)
    return open_alerts + done


def open_alerts_in_care(clinician) -> list[Alert]:
    """The open alerts about the clinician's patients in care, most urgent and oldest first. One
    query. The caller's page records the read (a patient list records one event per patient)."""
    in_care = CareRelationship.objects.active().filter(clinician=clinician)
    return list(
        Alert.objects.open()
        .filter(patient__in=in_care.values("patient"))
        .select_related("patient")
        .order_by("level", "raised_at")
    )


def read_alert(*, alert: Alert, actor, source: str) -> Alert:
    """One alert, opened by a clinician to acknowledge it."""
    events.alert_read(alert=alert, actor=actor, source=source)
    return alert


def alert_for_patient(patient, public_id) -> Alert | None:
    return Alert.objects.filter(patient=patient, public_id=public_id).first()


def save_clinic_settings(*, form, actor, source: str):
    """A clinic administrator's safety settings: region, helpline, duty address, escalation."""
    clinic = form.save()
    events.safety_settings_changed(changed=form.changed_data, actor=actor, source=source)
    return clinic


def open_urgent_alerts_of_clinic(clinic) -> list[dict]:
    """For the clinic administrator, who sees no patient data: each open urgent alert about a
    patient of the clinic, with how long it has been open and the clinicians in charge. No names
    of patients, no signs."""
    relationships = (
        CareRelationship.objects.active()
        .filter(clinic=clinic)
        .select_related("clinician__user")
        .order_by("clinician__user__full_name")
    )
    clinicians: dict[int, list[str]] = {}
    for relationship in relationships:
        clinicians.setdefault(relationship.patient_id, []).append(
            relationship.clinician.user.full_name
        )
    alerts = Alert.objects.open().notifying().filter(patient_id__in=list(clinicians))
    return [
        {"alert": alert, "clinicians": clinicians[alert.patient_id]}
        for alert in alerts.order_by("urgent_since")
    ]
