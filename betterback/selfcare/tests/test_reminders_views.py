"""My reminders: email reminders to check in, on the days and at the time the patient chooses."""

import html
from datetime import time

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import AuditEvent
from betterback.selfcare.models import ReminderChoice

URL = reverse("selfcare:reminders")


def danish(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


def body_of(response) -> str:
    return html.unescape(response.content.decode())


def choice_of(patient):
    return ReminderChoice.objects.get(patient=patient)


def test_without_a_choice_there_are_no_reminders(cast, client_for):
    response = client_for(cast.peter).get(URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert form["by_email"].value() == "0"
    assert not form["weekdays"].value()
    assert danish("Yes, by email") in body_of(response)


def test_email_reminders_are_saved_with_their_days_and_time(cast, client_for):
    response = client_for(cast.peter).post(
        URL, {"by_email": "1", "weekdays": ["3", "0"], "time": "19:30"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_home")
    choice = choice_of(cast.peter_patient)
    assert (choice.by_email, choice.weekdays, choice.time) == (True, [0, 3], time(19, 30))
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        danish("Your reminders are saved.")
    ]
    event = AuditEvent.objects.filter(target="reminders").get()
    assert (event.patient, event.actor) == (cast.peter_patient, cast.peter)


def test_the_saved_choice_is_shown(cast, client_for):
    client = client_for(cast.peter)
    client.post(URL, {"by_email": "1", "weekdays": ["1", "4"], "time": "08:15"})

    form = client.get(URL).context["form"]

    assert (form["by_email"].value(), form["weekdays"].value()) == ("1", [1, 4])
    assert 'value="08:15"' in str(form["time"])


def test_email_reminders_need_a_day(cast, client_for):
    response = client_for(cast.peter).post(URL, {"by_email": "1", "time": "19:00"})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["weekdays"]
    assert danish("Choose at least one day.") in body_of(response)
    assert not ReminderChoice.objects.exists()


def test_email_reminders_need_a_time(cast, client_for):
    response = client_for(cast.peter).post(URL, {"by_email": "1", "weekdays": ["2"]})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["time"]
    assert danish("Choose a time.") in body_of(response)
    assert not ReminderChoice.objects.exists()


def test_a_time_that_is_not_a_time_is_refused(cast, client_for):
    response = client_for(cast.peter).post(
        URL, {"by_email": "1", "weekdays": ["2"], "time": "25:99"}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["time"]


def test_no_reminders_clears_the_days_and_the_time(cast, client_for):
    client = client_for(cast.peter)
    client.post(URL, {"by_email": "1", "weekdays": ["0", "3"], "time": "19:00"})

    response = client.post(URL, {"by_email": "0", "weekdays": ["5"], "time": "07:00"})

    assert response.status_code == 302
    choice = choice_of(cast.peter_patient)
    assert (choice.by_email, choice.weekdays, choice.time) == (False, [], None)


def test_a_choice_is_needed(cast, client_for):
    response = client_for(cast.peter).post(URL, {"weekdays": ["1"]})

    assert response.status_code == 400
    assert "by_email" in response.context["form"].errors
    assert not ReminderChoice.objects.exists()


def test_each_patient_has_their_own_reminders(cast, client_for):
    client_for(cast.peter).post(URL, {"by_email": "1", "weekdays": ["0"], "time": "19:00"})

    response = client_for(cast.maja).get(URL)

    assert response.context["form"]["by_email"].value() == "0"
    assert not ReminderChoice.objects.filter(patient=cast.maja_patient).exists()
