"""The patient's sharing page: every share with its status, and a new link shown once."""

import html
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from betterback.sharing import services
from betterback.sharing.tests.world import make_share, shared_with

MINE = reverse("sharing:mine")


def text(response):
    return html.unescape(response.content.decode())


def test_it_lists_each_share_with_its_status_and_who_accepted(cast, client_for, clock):
    make_share(cast, recipient="Dr. Hansen, my GP")
    shared_with(cast, cast.karim, recipient="My chiropractor", period="3m")
    stopped, _, _ = make_share(cast, recipient="The old physio")
    services.revoke_share(share=stopped, actor=cast.peter, source="test")
    shared_with(cast, cast.olav, recipient="Olav for a week", period="1w")
    clock.now += timedelta(days=8)

    response = client_for(cast.peter).get(MINE)

    assert response.status_code == 200
    statuses = {share.recipient: share.status for share in response.context["shares"]}
    assert statuses == {
        "Dr. Hansen, my GP": "pending",  # a month: not opened yet, still open
        "My chiropractor": "active",
        "The old physio": "revoked",
        "Olav for a week": "expired",
    }


def test_it_shows_who_accepted_and_until_when(cast, client_for):
    cast.peter.language = "en"
    cast.peter.save()
    shared_with(cast, cast.karim, recipient="My chiropractor", period="3m")

    body = text(client_for(cast.peter).get(MINE))

    assert "My chiropractor" in body
    assert "Opened by Karim Nasser, chiropractor, Kiropraktorhuset Vejle on 10 March 2026" in body
    assert "10 June 2026" in body


def test_it_shows_no_one_elses_shares(cast, client_for):
    make_share(cast, recipient="Dr. Bech in Aarhus")

    response = client_for(cast.maja).get(MINE)

    assert response.context["shares"] == []
    assert "Dr. Bech" not in text(response)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def test_it_lists_shares_in_a_fixed_number_of_queries(cast, client_for):
    client = client_for(cast.peter)
    shared_with(cast, cast.karim)
    one = queries(client, MINE)
    for clinician in (cast.olav, cast.lise, cast.karim):
        shared_with(cast, clinician)

    assert queries(client, MINE) == one


@pytest.mark.parametrize("who", ["lise", "anne"])
def test_it_is_only_for_patients(cast, client_for, who):
    assert client_for(getattr(cast, who)).get(MINE).status_code == 403


def test_it_sends_someone_not_logged_in_to_the_login_page(client_for, cast):
    response = client_for(None).get(MINE)

    assert (response.status_code, response["Location"]) == (302, f"/login/?next={MINE}")
