"""The patient stops a share, after a confirmation; only their own."""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.sharing.tests.world import make_share, shared_with


def url(share):
    return reverse("sharing:revoke", args=[share.public_id])


def test_it_asks_first_and_names_the_clinician(cast, client_for):
    share = shared_with(cast, cast.karim)

    response = client_for(cast.peter).get(url(share))

    assert response.status_code == 200
    assert "Karim Nasser" in response.content.decode()
    share.refresh_from_db()
    assert share.status == "active"


def test_posting_stops_the_share(cast, client_for):
    share = shared_with(cast, cast.karim)

    response = client_for(cast.peter).post(url(share))

    assert (response.status_code, response["Location"]) == (302, reverse("sharing:mine"))
    share.refresh_from_db()
    assert share.status == "revoked"


def test_a_link_not_yet_used_can_be_stopped(cast, client_for):
    share, _, _ = make_share(cast)

    client_for(cast.peter).post(url(share))

    share.refresh_from_db()
    assert share.status == "revoked"


def test_another_patient_is_told_it_does_not_exist(cast, client_for):
    share = shared_with(cast, cast.karim)

    response = client_for(cast.maja).post(url(share))

    assert response.status_code == 404
    share.refresh_from_db()
    assert share.status == "active"
    [event] = AuditEvent.objects.filter(action=Action.REFUSED)
    assert (event.actor, event.patient, event.detail) == (
        cast.maja,
        None,
        {"reason": "not_own_share"},
    )


@pytest.mark.parametrize("who", ["karim", "lise"])
def test_clinicians_cannot_stop_a_patients_share(cast, client_for, who):
    share = shared_with(cast, cast.karim)

    assert client_for(getattr(cast, who)).post(url(share)).status_code == 403
    share.refresh_from_db()
    assert share.status == "active"


def test_someone_not_logged_in_goes_to_the_login_page(cast, client_for):
    share = shared_with(cast, cast.karim)

    response = client_for(None).get(url(share))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
