"""Sharing My plan and the scores with a clinician outside the patient's care. Every read and
write records its audit event on the patient."""

import re
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from betterback.audit import events
from betterback.audit.targets import Target
from betterback.dialogue.services import last_ended
from betterback.plan.reader import read
from betterback.questionnaires.results import series_for
from betterback.sharing import expiry
from betterback.sharing.models import Share, hash_code, hash_token

# No 0/O or 1/I: the code is read aloud and typed by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 10


class ShareUnusable(Exception):
    def __init__(self, status: str, share: Share | None = None):
        super().__init__(status)
        self.status = status  # "unknown", "used", "revoked" or "expired"
        self.share = share


def share_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("sharing:accept", args=[token]))


def shown_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def normalize_code(text: str) -> str | None:
    """The code as stored, from what someone typed ("abcde fghjk", "ABCDE-FGHJK"), or None."""
    code = re.sub(r"[\s-]", "", text).upper()
    if len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code):
        return code
    return None


def _by_secret(queryset, secret: str):
    """A link's token and a typed code both lead to the share; they are told apart by form."""
    code = normalize_code(secret)
    if code:
        return queryset.filter(code_hash=hash_code(code)).first()
    return queryset.filter(token_hash=hash_token(secret)).first()


def create_share(*, patient, recipient: str, period: str, actor, source: str):
    """A new share; returns it with the link's token and the short code, which are not kept."""
    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    last = expiry.last_day(period, timezone.localdate())
    with transaction.atomic():
        share = Share.objects.create(
            patient=patient,
            recipient=recipient.strip(),
            token_hash=hash_token(token),
            code_hash=hash_code(code),
            expires_at=expiry.expires_at(last),
        )
        events.share_created(share=share, period=period, actor=actor, source=source)
    return share, token, code


def _unusable_status(share: Share | None) -> str | None:
    if share is None:
        return "unknown"
    status = share.status
    if status == "pending":
        return None
    return "used" if status == "active" else status


def find_open(secret: str) -> Share:
    """The share a link or code leads to, if it can still be accepted; else ShareUnusable."""
    share = _by_secret(
        Share.objects.select_related("patient", "clinician__user", "clinician__clinic"), secret
    )
    status = _unusable_status(share)
    if status:
        raise ShareUnusable(status, share)
    return share


def accept_share(*, secret: str, clinician, source: str) -> Share:
    """Bind the share to the clinician. The row is locked, so two quick submits, or two
    clinicians with the same link, use it once."""
    with transaction.atomic():
        share = _by_secret(Share.objects.select_for_update(), secret)
        status = _unusable_status(share)
        if status:
            raise ShareUnusable(status, share)
        share.accepted_at = timezone.now()
        share.clinician = clinician
        share.save(update_fields=["accepted_at", "clinician"])
        events.share_accepted(share=share, actor=clinician.user, source=source)
    return share


def revoke_share(*, share: Share, actor, source: str) -> None:
    """Stop the share at once, whether or not a clinician has accepted it. Stopping it twice
    changes nothing the second time."""
    with transaction.atomic():
        locked = Share.objects.select_for_update().get(pk=share.pk)
        if locked.revoked_at:
            return
        before = locked.status
        locked.revoked_at = share.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        events.share_revoked(share=share, actor=actor, source=source, before=before)


def read_shared(*, share: Share, actor, source: str) -> dict:
    """What the clinician sees: the plan and the scored questionnaires, nothing else."""
    events.share_opened(share=share, actor=actor, source=source)
    patient = share.patient
    return {"plan": read(patient), "session": last_ended(patient), "series": series_for(patient)}


def read_share(*, share: Share, actor, source: str) -> Share:
    """One of the patient's shares, for the page that takes it back."""
    events.share_read(share=share, actor=actor, source=source)
    return share


def shares_of(*, patient, actor, source: str) -> list[Share]:
    """The patient's own list: every share, with who accepted it."""
    events.shares_read(patient=patient, actor=actor, source=source)
    return list(
        Share.objects.filter(patient=patient).select_related("clinician__user", "clinician__clinic")
    )


def shared_with(*, clinician, source: str) -> list[Share]:
    """The patients who share with this clinician now; logged like the patient list."""
    shares = list(
        Share.objects.active()
        .filter(clinician=clinician)
        .select_related("patient")
        .order_by("patient__full_name", "expires_at")
    )
    events.patients_listed(
        actor=clinician.user,
        patients=[share.patient for share in shares],
        source=source,
        kind=Target.SHARED_LIST,
    )
    return shares
