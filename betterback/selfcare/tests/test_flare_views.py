"""A flare-up: the patient logs its start, sees the flare-up plan, notes what helped, and logs
that it is over."""

import html
import uuid

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.selfcare import services
from betterback.selfcare.models import Flare, FlareNote
from betterback.testing.plans import EARLY_SIGNS

PAGE = reverse("selfcare:flare_up")
START = reverse("selfcare:flare_start")
END = reverse("selfcare:flare_end")
NOTE = reverse("selfcare:flare_note")


def body_of(response) -> str:
    return html.unescape(response.content.decode())


def danish(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


def test_the_page_shows_the_flare_up_plan_and_a_button_to_log_the_start(
    cast, client_for, peter_plan
):
    response = client_for(cast.peter).get(PAGE)

    assert response.status_code == 200
    body = body_of(response)
    assert EARLY_SIGNS in body
    assert "Keep going with short walks." in body
    assert danish("My flare-up plan") in body
    assert f'action="{START}"' in body
    assert f'action="{END}"' not in body  # nothing to end yet
    assert f'action="{NOTE}"' in body
    event = AuditEvent.objects.filter(action=Action.READ).latest("id")
    assert (event.patient, event.target) == (cast.peter_patient, "flare")


def test_without_a_flare_up_plan_the_page_gives_general_advice(cast, client_for):
    body = body_of(client_for(cast.maja).get(PAGE))

    assert (
        danish(
            "You have no flare-up plan yet. Make one with your clinician; until then: keep moving "
            "gently, take short breaks, and use what has helped you before."
        )
        in body
    )
    assert EARLY_SIGNS not in body


def test_logging_the_start_opens_a_flare_up_once(cast, client_for, peter_plan):
    client = client_for(cast.peter)

    first = client.post(START)
    second = client.post(START)

    assert (first.status_code, second.status_code) == (302, 302)
    assert first["Location"] == PAGE
    flare = Flare.objects.get()
    assert (flare.patient, flare.is_open) == (cast.peter_patient, True)
    body = body_of(client.get(PAGE))
    assert f'action="{START}"' not in body
    assert f'action="{END}"' in body
    assert EARLY_SIGNS in body


def test_a_note_is_saved_with_the_open_flare_up_and_shown(cast, client_for, peter_plan):
    client = client_for(cast.peter)
    client.post(START)
    key = uuid.uuid4()

    response = client.post(NOTE, {"key": str(key), "tried": "Heat pad", "helped": "some"})

    assert response.status_code == 302
    assert response["Location"] == PAGE
    stored = FlareNote.objects.get()
    assert (stored.key, stored.flare, stored.tried, stored.helped) == (
        key,
        Flare.objects.get(),
        "Heat pad",
        "some",
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [danish("Your note is saved.")]
    body = body_of(client.get(PAGE))
    assert "Heat pad" in body
    assert danish("A little").lower() in body


def test_the_same_note_sent_twice_is_stored_once(cast, client_for):
    client = client_for(cast.peter)
    data = {"key": str(uuid.uuid4()), "tried": "Short walks", "helped": "yes"}

    client.post(NOTE, data)
    client.post(NOTE, data)

    assert FlareNote.objects.count() == 1


def test_a_note_without_an_open_flare_up_starts_one(cast, client_for):
    client_for(cast.peter).post(NOTE, {"key": str(uuid.uuid4()), "tried": "Stretching"})

    note = FlareNote.objects.get()
    assert note.flare.is_open
    assert note.flare.patient == cast.peter_patient
    assert note.helped == ""


def test_a_note_with_empty_text_is_refused_with_a_translated_error(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(
        NOTE, {"key": str(uuid.uuid4()), "tried": "", "helped": "yes"}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["tried"]
    body = body_of(response)
    assert danish("This field is required.") in body
    assert EARLY_SIGNS in body  # the plan is still there
    assert not FlareNote.objects.exists()
    assert not Flare.objects.exists()


def test_a_note_of_spaces_only_is_refused(cast, client_for):
    response = client_for(cast.peter).post(NOTE, {"key": str(uuid.uuid4()), "tried": "   "})

    assert response.status_code == 400
    assert not FlareNote.objects.exists()


def test_logging_the_end(cast, client_for, peter_plan):
    client = client_for(cast.peter)
    client.post(START)

    response = client.post(END)

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_home")
    flare = Flare.objects.get()
    assert not flare.is_open
    assert services.open_flare(cast.peter_patient) is None
    [message] = get_messages(response.wsgi_request)
    assert str(message) == danish(
        "The flare-up is logged as over. Think about what helped; it is useful next time."
    )
    assert f'action="{START}"' in body_of(client.get(PAGE))


def test_ending_without_an_open_flare_up_changes_nothing(cast, client_for):
    response = client_for(cast.peter).post(END)

    assert response.status_code == 302
    assert list(get_messages(response.wsgi_request)) == []
    assert not AuditEvent.objects.filter(target="flare").exists()


def test_one_patient_cannot_end_anothers_flare_up(cast, client_for):
    client_for(cast.peter).post(START)

    client_for(cast.maja).post(END)

    assert Flare.objects.get().is_open


def test_the_start_and_end_pages_only_take_posts(cast, client_for):
    client = client_for(cast.peter)

    assert client.get(START).status_code == 405
    assert client.get(END).status_code == 405
    assert client.get(NOTE).status_code == 405
    assert not Flare.objects.exists()
