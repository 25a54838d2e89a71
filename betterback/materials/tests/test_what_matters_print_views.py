"""The print view of "What matters to me", for the clinician and for the patient."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.content.pack import material
from betterback.materials.models import Context, WorksheetEntry
from betterback.testing.factories import save_what_matters

MATERIAL_ID = "what-matters"
PATIENT_PRINT = reverse("materials:patient_print", args=[MATERIAL_ID])
ACTIVITIES = material(MATERIAL_ID).field("activities")


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
    return reverse("materials:clinician_print", args=[cast.peter_patient.public_id, MATERIAL_ID])


def printed_items(text: str) -> list[str]:
    """The items of the printed list, as their HTML between <li> and </li>."""
    items = re.search(r'<ol class="bb-print-items">(.*?)</ol>', text, re.S).group(1)
    return [item.strip() for item in re.findall(r"<li>(.*?)</li>", items, re.S)]


@pytest.mark.parametrize("who", ["lise", "peter"])
def test_it_prints_each_activity_with_what_was_chosen_for_it(cast, client_for, filled, who):
    url = clinician_print(cast) if who == "lise" else PATIENT_PRINT

    response = client_for(getattr(cast, who)).get(url)

    text = html.unescape(response.content.decode())
    with translation.override("da"):
        area, rank, pain = (
            ACTIVITIES.item_field(f).label for f in ("area", "rank", "stopped_by_pain")
        )
        number = gettext("Number %(rank)s")
        yes = gettext("Yes")
        assert printed_items(text) == [
            f"<strong>Third most important</strong><br>{rank}: {number % {'rank': 3}}",
            f"<strong>Not ranked at all</strong><br>{area}: Fritid og interesser",
            f"<strong>Most important</strong><br>{rank}: {number % {'rank': 1}}<br>{pain}: {yes}",
            f"<strong>Second most important</strong><br>{rank}: {number % {'rank': 2}}",
        ]
    life_areas, activities = response.context["answers"]
    assert life_areas.text == "Arbejde og uddannelse, Familie"  # the chosen life areas, in Danish
    assert [name for name, _ in activities.items] == [
        "Third most important",
        "Not ranked at all",
        "Most important",
        "Second most important",
    ]
    assert "Arbejde og uddannelse, Familie" in text
    assert "Peter Jensen" in text


def test_printing_an_empty_worksheet_says_so_and_stores_nothing(cast, client_for):
    response = client_for(cast.peter).get(PATIENT_PRINT)

    assert response.status_code == 200
    with translation.override("da"):
        nothing = gettext("Nothing written yet.")
    assert html.unescape(response.content.decode()).count(nothing) == 2  # both fields
    assert 'class="bb-print-items"' not in response.content.decode()
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
