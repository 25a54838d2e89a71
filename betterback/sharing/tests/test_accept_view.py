"""A clinician opens the patient's link (or types the code), confirms, and is bound to it."""

import html
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from betterback.audit.models import AuditEvent
from betterback.sharing import services
from betterback.sharing.models import Share
from betterback.sharing.tests.world import make_share


@pytest.fixture(autouse=True)
def in_english(cast):
    """The pages are checked against their English source texts."""
    for user in (cast.karim, cast.olav, cast.peter, cast.maja, cast.anne):
        user.language = "en"
        user.save()


def url(secret):
    return reverse("sharing:accept", args=[secret])


def text(response):
    return html.unescape(response.content.decode())


def plan_url(share):
    return reverse("sharing:shared_plan", args=[share.public_id])


def test_the_clinician_sees_who_shares_and_for_whom_it_was_meant(cast, client_for):
    _, token, _ = make_share(cast, recipient="My chiropractor in Vejle")

    response = client_for(cast.karim).get(url(token))

    assert response.status_code == 200
    body = text(response)
    assert "Peter Jensen shares their plan with you" in body
    assert "My chiropractor in Vejle" in body
    assert "until 10 April 2026" in body
    assert Share.objects.get().status == "pending"  # looking is not accepting


def test_accepting_binds_the_share_and_opens_the_plan(cast, client_for):
    share, token, _ = make_share(cast)

    response = client_for(cast.karim).post(url(token))

    assert (response.status_code, response["Location"]) == (302, plan_url(share))
    share.refresh_from_db()
    assert (share.clinician, share.status) == (cast.karim.clinician, "active")


def test_the_code_works_like_the_link(cast, client_for):
    share, _, code = make_share(cast)
    client = client_for(cast.karim)

    assert client.get(url(code)).status_code == 200
    assert client.post(url(code))["Location"] == plan_url(share)


def test_the_link_works_for_one_clinician_only(cast, client_for):
    share, token, _ = make_share(cast)
    client_for(cast.karim).post(url(token))

    for response in (client_for(cast.olav).get(url(token)), client_for(cast.olav).post(url(token))):
        assert response.status_code == 410
        assert "Another clinician has already opened this link" in text(response)
        assert "Peter Jensen" not in text(response)
    share.refresh_from_db()
    assert share.clinician == cast.karim.clinician


def test_the_clinician_who_accepted_is_taken_to_the_plan_again(cast, client_for):
    share, token, _ = make_share(cast)
    client = client_for(cast.karim)
    client.post(url(token))

    assert client.get(url(token))["Location"] == plan_url(share)
    assert client.post(url(token))["Location"] == plan_url(share)


def _revoked(cast, share):
    services.revoke_share(share=share, actor=cast.peter, source="test")


def _expired(cast, share):
    share.expires_at = timezone.now() - timedelta(minutes=1)
    share.save()


UNUSABLE = {
    "revoked": (_revoked, "The patient has stopped this sharing."),
    "expired": (_expired, "The sharing has ended."),
}


@pytest.mark.parametrize("status", list(UNUSABLE))
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_stopped_or_ended_link_gets_a_clear_page(cast, client_for, status, method):
    share, token, _ = make_share(cast)
    change, message = UNUSABLE[status]
    change(cast, share)

    response = getattr(client_for(cast.karim), method)(url(token))

    assert response.status_code == 410
    assert message in text(response)
    share.refresh_from_db()
    assert share.clinician is None


def test_an_unknown_link_gets_a_clear_page(cast, client_for):
    response = client_for(cast.karim).get(url("made-up-token-that-nobody-ever-issued"))

    assert response.status_code == 410
    assert "We do not know this link or code" in text(response)


def test_someone_not_logged_in_logs_in_first_and_the_link_is_not_logged(cast, client_for):
    _, token, _ = make_share(cast)
    before = AuditEvent.objects.count()

    response = client_for(None).get(url(token))

    assert (response.status_code, response["Location"]) == (
        302,
        f"/login/?next={quote(url(token))}",
    )
    assert AuditEvent.objects.count() == before
    assert not AuditEvent.objects.filter(target__contains=token[:20]).exists()


@pytest.mark.parametrize("who", ["peter", "maja", "anne"])
def test_a_patient_or_administrator_is_told_the_link_is_for_a_clinician(cast, client_for, who):
    share, token, _ = make_share(cast)

    response = client_for(getattr(cast, who)).post(url(token))

    assert response.status_code == 200
    assert "This link is for a clinician" in text(response)
    assert "Peter Jensen" not in text(response).replace(getattr(cast, who).full_name, "")
    share.refresh_from_db()
    assert share.status == "pending"
