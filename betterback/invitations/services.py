"""Inviting a patient and accepting an invitation."""

import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from betterback.accounts.models import User
from betterback.audit import events
from betterback.audit.targets import Target
from betterback.invitations.models import Delivery, Invitation, hash_token
from betterback.patients.models import CareRelationship, Patient
from betterback.questionnaires.services import send_intake

logger = logging.getLogger(__name__)


class InvitationUnusable(Exception):
    def __init__(self, status: str):
        super().__init__(status)
        self.status = status  # "unknown", "used", "revoked" or "expired"


def invitation_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("invitations:accept", args=[token]))


def find_open(token: str) -> Invitation:
    invitation = (
        Invitation.objects.filter(token_hash=hash_token(token))
        .select_related("patient__user", "clinician__user", "clinician__clinic")
        .first()
    )
    if invitation is None:
        raise InvitationUnusable("unknown")
    if invitation.status != "open":
        raise InvitationUnusable(invitation.status)
    return invitation


def _new_invitation(
    *, clinician, patient, delivery, language, invited_name
) -> tuple[Invitation, str]:
    """A new link; every earlier open link from this clinician to this patient stops working, so
    a lost letter or a forwarded email cannot be used later."""
    Invitation.objects.filter(
        clinician=clinician, patient=patient, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        patient=patient,
        invited_name=invited_name,
        clinician=clinician,
        token_hash=hash_token(token),
        delivery=delivery,
        language=language,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    return invitation, token


def _send_email(request, invitation: Invitation, token: str) -> bool:
    """Send the invitation; False if the mail server failed (the invitation stays valid, and the
    clinician can send a new link or print a letter). The email holds no health data."""
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "url": invitation_url(request, token),
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = render_to_string("invitations/email_subject.txt", context).strip()
        body = render_to_string("invitations/email_body.txt", context)
    try:
        send_mail(subject, body, None, [invitation.patient.email])
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send invitation %s", invitation.pk)
        return False
    return True


def invite_patient(
    request, *, clinician, full_name: str, email: str, delivery: str, language: str, source: str
) -> tuple[Invitation, str]:
    email = email.strip().lower()
    with transaction.atomic():
        patient = Patient.objects.filter(email=email).first()
        if patient is None:
            patient = Patient.objects.create(full_name=full_name.strip(), email=email)
        invitation, token = _new_invitation(
            clinician=clinician,
            patient=patient,
            delivery=delivery,
            language=language,
            invited_name=full_name.strip(),
        )
        events.invited(invitation=invitation, actor=clinician.user, source=source)
    invitation.email_sent = delivery == Delivery.EMAIL and _send_email(request, invitation, token)
    return invitation, token


def renew(request, invitation: Invitation, *, source: str) -> tuple[Invitation, str]:
    """Revoke the old link and make a new one with the same delivery (a lost letter or email)."""
    with transaction.atomic():
        new, token = _new_invitation(
            clinician=invitation.clinician,
            patient=invitation.patient,
            delivery=invitation.delivery,
            language=invitation.language,
            invited_name=invitation.invited_name,
        )
        events.invited(
            invitation=new, actor=invitation.clinician.user, source=source, replaces=invitation
        )
    new.email_sent = new.delivery == Delivery.EMAIL and _send_email(request, new, token)
    return new, token


def accept(*, token: str, password: str | None, language: str, user=None, source: str) -> User:
    """Use the invitation: create the patient's account (or use the logged-in one) and start the
    care relationship. Raises InvitationUnusable if the link cannot be used."""
    with transaction.atomic():
        # Lock the row so that two quick submits of the same link use it only once.
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
        )
        if invitation is None:
            raise InvitationUnusable("unknown")
        if invitation.status != "open":
            raise InvitationUnusable(invitation.status)
        patient = invitation.patient
        if patient.user is None:
            user = User.objects.create_user(
                email=patient.email,
                password=password,
                full_name=patient.full_name,
                language=language,
            )
            patient.user = user
            patient.save(update_fields=["user"])
        elif user is None or user.pk != patient.user_id:
            raise InvitationUnusable("needs_login")
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        clinician = invitation.clinician
        if (
            not CareRelationship.objects.active()
            .filter(patient=patient, clinician=clinician)
            .exists()
        ):
            CareRelationship.objects.create(
                patient=patient, clinician=clinician, clinic=clinician.clinic
            )
        send_intake(patient=patient, clinician=clinician, actor=patient.user, source=source)
        events.invitation_accepted(invitation=invitation, actor=patient.user, source=source)
    return patient.user


def read_invitation(invitation: Invitation, *, actor, source: str) -> Invitation:
    """The invitation page shows the patient's name and email: a read of patient data."""
    events.invitation_read(invitation=invitation, actor=actor, source=source)
    return invitation


def pending_for(clinician):
    return (
        Invitation.objects.filter(
            clinician=clinician,
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("patient")
        .order_by("-created_at")
    )


def pending_list(*, clinician, source: str) -> list[Invitation]:
    """The clinician's open invitations, for the patient list; logged like the list itself."""
    invitations = list(pending_for(clinician))
    events.patients_listed(
        actor=clinician.user,
        patients=[invitation.patient for invitation in invitations],
        source=source,
        kind=Target.INVITATION_LIST,
    )
    return invitations
