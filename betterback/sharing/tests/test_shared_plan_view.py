"""The plan and scores a patient shares, for the one clinician who accepted, while it lasts;
every look is in the patient's "Who has looked at my data"."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.sharing import services
from betterback.sharing.tests.world import (
    PETER_GOAL,
    give_peter_a_score,
    make_share,
    shared_with,
)
from betterback.testing.factories import give_peter_the_demo_plan


def url(share):
    return reverse("sharing:shared_plan", args=[share.public_id])


def text(response):
    return html.unescape(response.content.decode())


def new_events(before):
    return list(AuditEvent.objects.filter(id__gt=before).order_by("id"))


def last_event_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.fixture
def shared(cast):
    give_peter_the_demo_plan(cast)
    give_peter_a_score(cast, pain="6")
    return shared_with(cast, cast.lise)


def test_the_clinician_who_accepted_reads_the_plan_and_scores(cast, client_for, shared):
    cast.lise.language = "en"
    cast.lise.save()
    before = last_event_id()

    response = client_for(cast.lise).get(url(shared))

    assert response.status_code == 200
    body = text(response)
    assert "Shared by the patient" in body
    assert "Peter Jensen's plan" in body
    assert "until 10 April 2026" in body
    assert PETER_GOAL in body
    assert "Total: <strong>6</strong>" in body
    [event] = new_events(before)
    assert (event.actor, event.action, event.patient, event.target) == (
        cast.lise,
        Action.READ,
        cast.peter_patient,
        "shared_plan",
    )


def test_it_has_no_links_to_change_anything(cast, client_for, shared):
    body = client_for(cast.lise).get(url(shared)).content.decode()

    assert "/materials/" not in body
    assert "/questionnaires/" not in body
    assert "<form" not in body.split("<main", 1)[1]


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_another_clinician_is_told_it_does_not_exist_and_the_patient_sees_it(
    cast, client_for, shared, who
):
    user = getattr(cast, who)
    before = last_event_id()

    response = client_for(user).get(url(shared))

    assert response.status_code == 404
    assert PETER_GOAL not in text(response) and "Peter Jensen" not in text(response)
    [event] = new_events(before)
    assert (event.actor, event.action, event.patient, event.detail) == (
        user,
        Action.REFUSED,
        cast.peter_patient,
        {"reason": "no_active_share"},
    )


def _revoked(cast, share, clock):
    services.revoke_share(share=share, actor=cast.peter, source="test")


def _expired(cast, share, clock):
    clock.now += timedelta(days=32)


@pytest.mark.parametrize("end", [_revoked, _expired], ids=["revoked", "expired"])
def test_the_clinician_sees_nothing_once_the_share_has_ended(cast, client_for, shared, clock, end):
    assert client_for(cast.lise).get(url(shared)).status_code == 200
    end(cast, shared, clock)
    before = last_event_id()

    # A new login: a month on, the old session has run out.
    response = client_for(cast.lise).get(url(shared))

    assert response.status_code == 404
    assert PETER_GOAL not in text(response)
    [event] = new_events(before)
    assert (event.action, event.patient) == (Action.REFUSED, cast.peter_patient)


def test_a_share_not_yet_accepted_opens_for_no_one(cast, client_for):
    share, _, _ = make_share(cast)

    for user in (cast.lise, cast.karim):
        assert client_for(user).get(url(share)).status_code == 404


def test_an_unknown_share_is_refused_without_naming_a_patient(cast, client_for):
    before = last_event_id()

    response = client_for(cast.karim).get(
        reverse("sharing:shared_plan", args=["00000000-0000-0000-0000-000000000000"])
    )

    assert response.status_code == 404
    [event] = new_events(before)
    assert (event.action, event.patient) == (Action.REFUSED, None)


@pytest.mark.parametrize("who", ["peter", "maja", "anne"])
def test_patients_and_administrators_are_refused(cast, client_for, shared, who):
    response = client_for(getattr(cast, who)).get(url(shared))

    assert response.status_code == 403
    assert PETER_GOAL not in text(response)


def test_someone_not_logged_in_goes_to_the_login_page(cast, client_for, shared):
    response = client_for(None).get(url(shared))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_patient_sees_who_looked_with_profession_and_clinic(cast, client_for, language):
    cast.peter.language = language
    cast.peter.save()
    give_peter_the_demo_plan(cast)
    share, token, _ = make_share(cast)
    karim = client_for(cast.karim)
    karim.post(reverse("sharing:accept", args=[token]))
    karim.get(url(share))

    response = client_for(cast.peter).get(reverse("patients:access_log"))

    events = [(e.actor, e.action, e.target) for e in response.context["page"].object_list]
    assert events[:2] == [
        (cast.karim, Action.READ, "shared_plan"),
        (cast.karim, Action.ACCEPT, f"share:{share.pk}"),
    ]
    body = text(response)
    with translation.override(language):
        who = f"Karim Nasser, {cast.karim.clinician.get_profession_display()}"
        what = gettext("your plan and scores, which you shared")
    assert f"{who}, Kiropraktorhuset Vejle" in body
    assert what in body
