"""The clinician's list of patients who share with them, and the box for a typed code."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from betterback.sharing import services
from betterback.sharing.tests.world import make_share, shared_with

LIST = reverse("sharing:shared_list")


def test_it_lists_the_active_shares_accepted_by_me(cast, client_for):
    mine = shared_with(cast, cast.karim)
    shared_with(cast, cast.olav)
    stopped = shared_with(cast, cast.karim)
    services.revoke_share(share=stopped, actor=cast.peter, source="test")

    response = client_for(cast.karim).get(LIST)

    assert response.status_code == 200
    assert response.context["shares"] == [mine]
    body = response.content.decode()
    assert "Peter Jensen" in body
    assert reverse("sharing:shared_plan", args=[mine.public_id]) in body
    assert reverse("sharing:shared_plan", args=[stopped.public_id]) not in body


def test_no_patient_is_named_when_nobody_shares(cast, client_for):
    make_share(cast)  # not accepted by anyone

    response = client_for(cast.karim).get(LIST)

    assert response.context["shares"] == []
    assert "Peter Jensen" not in response.content.decode()


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        client.get(LIST)
    return len(captured)


def test_it_lists_in_a_fixed_number_of_queries(cast, client_for):
    client = client_for(cast.karim)
    shared_with(cast, cast.karim)
    one = queries(client)
    for _ in range(3):
        shared_with(cast, cast.karim)
    services.create_share(
        patient=cast.maja_patient, recipient="Karim", period="1w", actor=cast.maja, source="test"
    )

    assert queries(client) == one


@pytest.mark.parametrize("typed", ["{code}", "{shown}", " {lower} "])
def test_a_typed_code_opens_the_share(cast, client_for, typed):
    _, _, code = make_share(cast)
    shown = services.shown_code(code)

    response = client_for(cast.karim).get(
        LIST, {"code": typed.format(code=code, shown=shown, lower=shown.lower())}
    )

    assert (response.status_code, response["Location"]) == (
        302,
        reverse("sharing:accept", args=[code]),
    )


def test_a_mistyped_code_is_explained(cast, client_for):
    response = client_for(cast.karim).get(LIST, {"code": "ABC"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]


@pytest.mark.parametrize("who", ["peter", "anne"])
def test_it_is_only_for_clinicians(cast, client_for, who):
    assert client_for(getattr(cast, who)).get(LIST).status_code == 403
