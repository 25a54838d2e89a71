"""Making, accepting, stopping and reading a share; each step leaves its audit event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from betterback.audit.models import Action, AuditEvent
from betterback.sharing import services
from betterback.sharing.models import Share, hash_code, hash_token
from betterback.sharing.tests.world import (
    PETER_GOAL,
    give_peter_a_score,
    make_share,
    shared_with,
)
from betterback.testing.factories import give_peter_the_demo_plan

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("id"))


@pytest.mark.parametrize(
    ("period", "last_day"),
    [("1w", "2026-03-17"), ("1m", "2026-04-10"), ("3m", "2026-06-10"), ("6m", "2026-09-10")],
)
def test_a_share_lasts_the_period_the_patient_chose(cast, period, last_day):
    share, _, _ = make_share(cast, period=period)

    assert share.last_day.isoformat() == last_day
    assert share.expires_at == datetime.fromisoformat(last_day).replace(
        tzinfo=COPENHAGEN
    ) + timedelta(days=1)
    [event] = events(target=f"share:{share.pk}")
    assert (event.actor, event.action, event.patient) == (
        cast.peter,
        Action.CREATE,
        cast.peter_patient,
    )
    assert event.detail == {"period": period, "last_day": last_day}


def test_only_hashes_of_the_link_and_the_code_are_stored(cast):
    share, token, code = make_share(cast, recipient="  Dr. Hansen, my GP ")

    stored = Share.objects.filter(pk=share.pk).values().get()
    assert token not in str(stored) and code not in str(stored)
    assert (stored["token_hash"], stored["code_hash"]) == (hash_token(token), hash_code(code))
    assert len(token) >= 43 and len(code) == 10
    assert share.recipient == "Dr. Hansen, my GP"
    assert share.status == "pending"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ABCDE23456", "ABCDE23456"),
        ("abcde-23456", "ABCDE23456"),
        (" abcde 23456 ", "ABCDE23456"),
        ("ABCDE-2345", None),  # too short
        ("ABCDE-23450", None),  # 0 is never in a code
        ("ABCDE-2345I", None),  # nor is I
        ("a" * 43, None),  # a link's token is no code
    ],
)
def test_a_typed_code_is_read_the_way_people_type_it(typed, expected):
    assert services.normalize_code(typed) == expected


def test_the_link_and_the_code_lead_to_the_same_share(cast):
    share, token, code = make_share(cast)

    assert services.find_open(token) == share
    assert services.find_open(services.shown_code(code).lower()) == share


def test_accepting_binds_the_share_to_the_clinician_and_is_audited(cast, clock):
    share, token, _ = make_share(cast)

    accepted = services.accept_share(secret=token, clinician=cast.karim.clinician, source="test")

    assert accepted == share
    share.refresh_from_db()
    assert (share.clinician, share.accepted_at, share.status) == (
        cast.karim.clinician,
        clock.now,
        "active",
    )
    [event] = events(action=Action.ACCEPT)
    assert (event.actor, event.patient, event.target) == (
        cast.karim,
        cast.peter_patient,
        f"share:{share.pk}",
    )


def test_a_code_can_be_accepted_instead_of_the_link(cast):
    share, _, code = make_share(cast)

    services.accept_share(secret=code, clinician=cast.karim.clinician, source="test")

    share.refresh_from_db()
    assert share.clinician == cast.karim.clinician


@pytest.mark.parametrize("secret", ["token", "code"])
def test_a_share_is_used_once(cast, secret):
    share, token, code = make_share(cast)
    services.accept_share(secret=token, clinician=cast.karim.clinician, source="test")

    with pytest.raises(services.ShareUnusable) as problem:
        services.accept_share(
            secret={"token": token, "code": code}[secret],
            clinician=cast.olav.clinician,
            source="test",
        )

    assert problem.value.status == "used"
    share.refresh_from_db()
    assert share.clinician == cast.karim.clinician
    assert len(events(action=Action.ACCEPT)) == 1


def test_a_share_cannot_be_accepted_after_its_last_day(cast, clock):
    _, token, _ = make_share(cast, period="1w")
    clock.now = datetime(2026, 3, 18, 0, 0, tzinfo=COPENHAGEN)

    with pytest.raises(services.ShareUnusable) as problem:
        services.accept_share(secret=token, clinician=cast.karim.clinician, source="test")

    assert problem.value.status == "expired"


def test_it_still_works_at_the_end_of_its_last_day(cast, clock):
    _, token, _ = make_share(cast, period="1w")
    clock.now = datetime(2026, 3, 17, 23, 59, tzinfo=COPENHAGEN)

    share = services.accept_share(secret=token, clinician=cast.karim.clinician, source="test")

    assert share.status == "active"


def test_a_stopped_share_cannot_be_accepted(cast):
    share, token, _ = make_share(cast)
    services.revoke_share(share=share, actor=cast.peter, source="test")

    with pytest.raises(services.ShareUnusable) as problem:
        services.find_open(token)

    assert problem.value.status == "revoked"


def test_an_unknown_link_is_unusable(cast):
    with pytest.raises(services.ShareUnusable) as problem:
        services.find_open("made-up-token-that-nobody-ever-issued")

    assert (problem.value.status, problem.value.share) == ("unknown", None)


def test_stopping_ends_an_accepted_share_at_once_and_is_audited_once(cast, clock):
    share = shared_with(cast, cast.karim)

    services.revoke_share(share=share, actor=cast.peter, source="test")
    services.revoke_share(share=share, actor=cast.peter, source="test")

    share.refresh_from_db()
    assert (share.status, share.revoked_at) == ("revoked", clock.now)
    assert not Share.objects.active().exists()
    [event] = events(action=Action.UPDATE, target=f"share:{share.pk}")
    assert (event.actor, event.detail) == (cast.peter, {"revoked": True, "before": "active"})


def test_reading_shows_the_plan_and_scores_and_is_logged_as_shared_plan(cast):
    give_peter_the_demo_plan(cast)
    give_peter_a_score(cast, pain="6")
    share = shared_with(cast, cast.karim)
    last = AuditEvent.objects.order_by("-id").first().pk

    shared = services.read_shared(share=share, actor=cast.karim, source="test")

    assert PETER_GOAL in [goal.text for goal in shared["plan"].goals]
    [series] = shared["series"]
    assert (series.definition.id, series.latest.total) == ("nrs", 6)
    [event] = events(id__gt=last)
    assert (event.actor, event.action, event.patient, event.target, event.detail) == (
        cast.karim,
        Action.READ,
        cast.peter_patient,
        "shared_plan",
        {"share": share.pk},
    )


def test_the_clinician_lists_only_their_own_active_shares(cast, clock):
    active = shared_with(cast, cast.karim)
    shared_with(cast, cast.olav)
    stopped = shared_with(cast, cast.karim)
    services.revoke_share(share=stopped, actor=cast.peter, source="test")
    shared_with(cast, cast.karim, period="1w")
    make_share(cast)  # not accepted yet
    clock.now += timedelta(days=8)  # the one-week share has ended

    shares = services.shared_with(clinician=cast.karim.clinician, source="test")

    assert shares == [active]
    [event] = events(action=Action.LIST)
    assert (event.actor, event.patient, event.target) == (
        cast.karim,
        cast.peter_patient,
        "shared_list",
    )


def test_the_patient_lists_every_share_newest_first(cast, clock):
    first, _, _ = make_share(cast)
    clock.now += timedelta(minutes=1)
    second, _, _ = make_share(cast)
    services.create_share(
        patient=cast.maja_patient, recipient="GP", period="1w", actor=cast.maja, source="test"
    )

    shares = services.shares_of(patient=cast.peter_patient, actor=cast.peter, source="test")

    assert shares == [second, first]
    assert events(action=Action.READ, target="shares")[0].actor == cast.peter
