"""The patient makes a share: the link and the code are shown on the next page, once."""

import html

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.sharing import services
from betterback.sharing.models import Share

CREATE = reverse("sharing:create")
MINE = reverse("sharing:mine")


def test_it_makes_a_share_and_shows_the_link_and_code_once(cast, client_for):
    client = client_for(cast.peter)

    response = client.post(CREATE, {"recipient": "Dr. Hansen, my GP", "period": "1m"})

    assert (response.status_code, response["Location"]) == (302, MINE)
    share = Share.objects.get()
    assert (share.patient, share.recipient, share.last_day.isoformat()) == (
        cast.peter_patient,
        "Dr. Hansen, my GP",
        "2026-04-10",
    )
    shown = client.get(MINE)
    url, code = shown.context["url"], shown.context["code"]
    token = url.rsplit("/", 2)[-2]
    assert url == f"http://testserver/share/{token}/"
    assert services.find_open(token) == share
    assert services.find_open(code) == share
    body = html.unescape(shown.content.decode())
    assert url in body and code in body
    again = client.get(MINE)
    assert "url" not in again.context
    assert url not in again.content.decode() and code not in again.content.decode()
    assert AuditEvent.objects.filter(action=Action.CREATE, target=f"share:{share.pk}").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"recipient": "", "period": "1m"}, "recipient"),
        ({"recipient": "Dr. Hansen", "period": "2y"}, "period"),
        ({"recipient": "Dr. Hansen"}, "period"),
    ],
)
def test_it_shows_what_is_missing_and_makes_nothing(cast, client_for, data, field):
    response = client_for(cast.peter).post(CREATE, data)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert not Share.objects.exists()


def test_it_is_only_for_patients(cast, client_for):
    response = client_for(cast.karim).post(CREATE, {"recipient": "Me", "period": "6m"})

    assert response.status_code == 403
    assert not Share.objects.exists()


def test_get_is_not_allowed(cast, client_for):
    assert client_for(cast.peter).get(CREATE).status_code == 405
