"""Small builders for the set-up that many tests share: a saved "What matters to me" and an
invitation. They go through the services, as the app does, so the revisions and audit events
they leave behind are the real ones (with source "test"). A test passes what its assertions
rely on; the defaults fill in the rest.
"""

from django.test import RequestFactory

from betterback.invitations.models import Invitation
from betterback.invitations.services import invite_patient
from betterback.materials import what_matters
from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.services import save_entry


def save_what_matters(
    patient, data: dict, *, actor, context=Context.CONSULTATION
) -> WorksheetEntry:
    """Save `data` as the patient's next version of "What matters to me", as `actor`."""
    current = (
        WorksheetEntry.objects.filter(patient=patient, material_id=what_matters.MATERIAL_ID)
        .values_list("version", flat=True)
        .first()
    )
    return save_entry(
        patient=patient,
        material_id=what_matters.MATERIAL_ID,
        data=data,
        based_on_version=current or 0,
        actor=actor,
        source="test",
        context=context,
    )


def fill_what_matters(
    patient,
    *,
    actor,
    text: str,
    area="family",
    rank=1,
    stopped_by_pain=True,
    context=Context.CONSULTATION,
) -> WorksheetEntry:
    """The patient's "What matters to me" with one activity, `text`, in one life area, `area`."""
    activity = {
        "key": "k1",
        "text": text,
        "area": area,
        "stopped_by_pain": stopped_by_pain,
        "rank": rank,
    }
    data = {"life_areas": [area], "activities": [activity]}
    return save_what_matters(patient, data, actor=actor, context=context)


def letter_invitation(
    clinician_user,
    *,
    name="Nora Lund",
    email="nora@test.example",
    delivery="letter",
    language="da",
) -> tuple[Invitation, str]:
    """`clinician_user` invites a patient; returns the invitation and its link's token. A letter
    by default; with delivery="email" the email is sent (to Django's test outbox) with links on
    http://testserver/. The invited person is Nora Lund, nora@test.example, unless named: tests
    that only check she has no account yet rely on that, so keep these defaults."""
    request = None if delivery == "letter" else RequestFactory().get("/")
    return invite_patient(
        request,
        clinician=clinician_user.clinician,
        full_name=name,
        email=email,
        delivery=delivery,
        language=language,
        source="test",
    )
