"""The print view of "What matters to me", for the clinician and for the patient."""

import html

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.materials.models import Context, WorksheetEntry
from betterback.testing.factories import save_what_matters

PATIENT_PRINT = reverse("materials:patient_what_matters_print")


def activity(key, text, rank=None, stopped=False, area=""):
    return {"key": key, "text": text, "area": area, "stopped_by_pain": stopped, "rank": rank}


@pytest.fixture
def filled(cast):
    save_what_matters(
        cast.peter_patient,
        {
            "life_areas": ["work", "family"],
            "activities": [
                activity("a", "Third most important", rank=3),
                activity("b", "Not ranked at all", area="leisure"),
                activity("c", "Most important", rank=1, stopped=True),
                activity("d", "Second most important", rank=2),
            ],
        },
        actor=cast.peter,
        context=Context.HOME,
    )


def clinician_print(cast):
    return reverse("materials:clinician_what_matters_print", args=[cast.peter_patient.public_id])


@pytest.mark.parametrize("who", ["lise", "peter"])
def test_it_prints_the_ranked_activities_in_order_then_the_others(cast, client_for, filled, who):
    url = clinician_print(cast) if who == "lise" else PATIENT_PRINT

    response = client_for(getattr(cast, who)).get(url)

    text = html.unescape(response.content.decode())
    positions = [
        text.index(t)
        for t in (
            "Most important",
            "Second most important",
            "Third most important",
            "Not ranked at all",
        )
    ]
    assert positions == sorted(positions)
    assert [a["text"] for a in response.context["ranked"]] == [
        "Most important",
        "Second most important",
        "Third most important",
    ]
    with translation.override("da"):
        assert gettext("the pain stops me now") in text
    assert "Familie" in text and "Arbejde og uddannelse" in text  # the chosen life areas
    assert "Not ranked at all · Fritid og interesser" in text  # an activity's area, in Danish
    assert "Peter Jensen" in text


def test_printing_an_empty_worksheet_says_so_and_stores_nothing(cast, client_for):
    response = client_for(cast.peter).get(PATIENT_PRINT)

    assert response.status_code == 200
    with translation.override("da"):
        assert gettext("None ranked yet.") in html.unescape(response.content.decode())
    assert not WorksheetEntry.objects.exists()


@pytest.mark.parametrize("who", ["lise", "peter"])
def test_printing_is_audited_as_a_print(cast, client_for, filled, who):
    url = clinician_print(cast) if who == "lise" else PATIENT_PRINT

    client_for(getattr(cast, who)).get(url)

    event = AuditEvent.objects.order_by("-id").first()
    assert (event.action, event.actor, event.patient) == (
        Action.PRINT,
        getattr(cast, who),
        cast.peter_patient,
    )


@pytest.mark.parametrize("who", ["lise", "peter"])
def test_the_print_view_only_answers_get(cast, client_for, filled, who):
    url = clinician_print(cast) if who == "lise" else PATIENT_PRINT

    assert client_for(getattr(cast, who)).post(url).status_code == 405
