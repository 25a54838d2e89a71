"""The patient answers a questionnaire set: where it waits, each step, sending, warning signs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from betterback.questionnaires import services
from betterback.questionnaires.definitions import instrument
from betterback.questionnaires.models import Response

# STarT Back: all eight statements agreed and "extremely" bothered, a total of 9 (high risk).
STARTBACK_HIGH = {**{str(n): "1" for n in range(1, 9)}, "9": "4"}


@pytest.fixture
def intake(cast):
    """Peter's intake set, as Lise's clinic sends it: its default questionnaires."""
    return services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.lise, source="test"
    )


def response_of(qset, entry) -> Response:
    instrument_id, variant = services.split_entry(entry)
    return qset.responses.get(instrument_id=instrument_id, variant=variant)


def answer_url(qset, response) -> str:
    return reverse("questionnaires:answer", args=[qset.public_id, response.public_id])


def posted(answers: dict, **fields) -> dict:
    """What the answer form posts: every answer given so far as item-<n>, and the buttons."""
    return {**{f"item-{key}": value for key, value in answers.items()}, **fields}


def lowest_answers(response) -> dict:
    """An answer to every item of the response's instrument: its lowest code, or a few words."""
    return {
        item.key: "A few words" if item.scale.type == "text" else str(item.scale.codes[0])
        for item in instrument(response.instrument_id).asked(response.variant)
    }


def send(cast, response, answers=None) -> Response:
    return services.save_answers(
        response=response,
        raw=answers or lowest_answers(response),
        actor=cast.peter,
        source="test",
        submit=True,
    )


def send_all_but(cast, qset, *entries):
    for response in qset.responses.all():
        if response.entry not in entries:
            send(cast, response)


def test_the_patient_sees_waiting_questionnaires_on_home_and_in_my_questionnaires(
    cast, client_for, intake
):
    peter = client_for(cast.peter)
    continue_url = reverse("questionnaires:continue", args=[intake.public_id])

    home = peter.get(reverse("front:patient_home")).content.decode()
    mine = peter.get(reverse("questionnaires:mine")).content.decode()

    assert "Der ligger spørgeskemaer til dig" in home
    assert continue_url in home
    assert "Før din første konsultation" in mine
    assert continue_url in mine


def test_a_patient_without_waiting_questionnaires_is_told_so(cast, client_for):
    mine = client_for(cast.peter).get(reverse("questionnaires:mine"))

    assert mine.status_code == 200
    assert mine.context["sets"] == []


def test_continue_goes_to_the_first_questionnaire_not_yet_sent(cast, client_for, intake):
    send(cast, response_of(intake, "nrs:back"))

    response = client_for(cast.peter).get(
        reverse("questionnaires:continue", args=[intake.public_id])
    )

    assert response.status_code == 302
    assert response["Location"] == answer_url(intake, response_of(intake, "nrs:leg"))


def test_continue_goes_to_the_thank_you_page_when_everything_is_sent(cast, client_for, intake):
    send_all_but(cast, intake)

    response = client_for(cast.peter).get(
        reverse("questionnaires:continue", args=[intake.public_id])
    )

    assert response["Location"] == reverse("questionnaires:done", args=[intake.public_id])
    intake.refresh_from_db()
    assert intake.completed_at is not None


def test_the_answer_page_says_it_shows_the_reference_wording_and_names_the_copyright(
    cast, client_for, intake
):
    startback = response_of(intake, "startback")

    page = client_for(cast.peter).get(answer_url(intake, startback))

    body = page.content.decode()
    assert page.status_code == 200
    assert "STarT Back Screening Tool © Keele University 2007" in body
    assert "Mine rygsmerter har bredt sig ned i det ene eller begge ben." in body
    # Notes for clinicians stay with clinicians: the wording's origin, the licence.
    assert "Referencetekst" not in body and "ikke den validerede" not in body


def test_the_patient_never_reads_a_licence_note(cast, client_for, intake):
    pseq = response_of(intake, "pseq")

    body = client_for(cast.peter).get(answer_url(intake, pseq)).content.decode()

    assert "Pain Self-Efficacy Questionnaire © Michael K. Nicholas." in body
    assert "Licensen" not in body and "omskrivning" not in body


def test_next_without_an_answer_is_refused_and_keeps_the_step(cast, client_for, intake):
    startback = response_of(intake, "startback")
    url = answer_url(intake, startback)
    peter = client_for(cast.peter)
    peter.post(url, posted({"1": "1", "2": "0"}, action="next", step="1"))

    page = peter.post(url, posted({"1": "1", "2": "0"}, action="next", step="2"))

    assert page.status_code == 400
    assert "Vælg et svar på spørgsmålet." in page.content.decode()
    assert page.context["step"] == 2
    startback.refresh_from_db()
    assert startback.answers == {"1": 1, "2": 0}


def test_next_with_an_answer_saves_it_and_goes_to_the_next_step(cast, client_for, intake):
    startback = response_of(intake, "startback")
    url = answer_url(intake, startback)

    page = client_for(cast.peter).post(url, posted({"1": "1"}, action="next", step="0"))

    assert page.status_code == 302
    assert page["Location"] == f"{url}?step=1#question"
    startback.refresh_from_db()
    assert startback.answers == {"1": 1}
    assert startback.submitted_at is None


def test_the_answer_page_opens_at_the_first_unanswered_question(cast, client_for, intake):
    startback = response_of(intake, "startback")
    url = answer_url(intake, startback)
    peter = client_for(cast.peter)
    peter.post(url, posted({"1": "1", "2": "0"}, action="save", step="1"))

    page = peter.get(url)

    assert page.context["step"] == 2


def test_save_keeps_the_answers_and_goes_back_to_the_list(cast, client_for, intake):
    startback = response_of(intake, "startback")
    peter = client_for(cast.peter)

    page = peter.post(
        answer_url(intake, startback), posted({"1": "1", "2": "0", "3": "1"}, action="save")
    )

    assert page["Location"] == reverse("questionnaires:mine")
    startback.refresh_from_db()
    assert startback.answers == {"1": 1, "2": 0, "3": 1}
    assert startback.submitted_at is None
    mine = peter.get(page["Location"]).content.decode()
    assert "Dine svar er gemt. Du kan fortsætte senere." in mine
    assert "Fortsæt, hvor jeg slap" in mine


def test_sending_all_answers_scores_startback_and_goes_on_to_the_next_questionnaire(
    cast, client_for, intake
):
    send(cast, response_of(intake, "nrs:back"))
    send(cast, response_of(intake, "nrs:leg"))
    startback = response_of(intake, "startback")
    peter = client_for(cast.peter)

    page = peter.post(answer_url(intake, startback), posted(STARTBACK_HIGH, action="submit"))

    continue_url = reverse("questionnaires:continue", args=[intake.public_id])
    assert page["Location"] == continue_url
    startback.refresh_from_db()
    assert startback.submitted_at is not None
    assert startback.submitted_by == cast.peter
    assert (startback.total, startback.band) == (9, "high")
    assert startback.subscales == {"psychosocial": 5}
    assert startback.wording == "reference"
    assert peter.get(continue_url)["Location"] == answer_url(intake, response_of(intake, "rmdq"))


def test_sending_with_an_answer_missing_keeps_what_was_given_and_names_the_question(
    cast, client_for, intake
):
    startback = response_of(intake, "startback")
    answers = {key: code for key, code in STARTBACK_HIGH.items() if key != "4"}

    page = client_for(cast.peter).post(
        answer_url(intake, startback), posted(answers, action="submit")
    )

    assert page.status_code == 400
    assert page.context["step"] == 3
    assert "Vælg et svar på spørgsmålet." in page.content.decode()
    startback.refresh_from_db()
    assert startback.submitted_at is None
    assert startback.answers == {key: int(code) for key, code in answers.items()}


def test_sending_twice_keeps_one_response_and_its_time(cast, client_for, intake):
    startback = response_of(intake, "startback")
    url = answer_url(intake, startback)
    peter = client_for(cast.peter)
    peter.post(url, posted(STARTBACK_HIGH, action="submit"))
    startback.refresh_from_db()
    first = (startback.submitted_at, startback.answers, startback.total)

    again = peter.post(url, posted({**STARTBACK_HIGH, "9": "0"}, action="submit"))

    assert again.status_code == 302
    assert Response.objects.filter(questionnaire_set=intake, instrument_id="startback").count() == 1
    startback.refresh_from_db()
    assert (startback.submitted_at, startback.answers, startback.total) == first


@pytest.mark.parametrize("code", ["7", "abc", "-1"])
def test_an_answer_that_is_not_one_of_the_options_is_refused_and_loses_nothing(
    cast, client_for, intake, code
):
    redflags = response_of(intake, "redflags:intake")
    url = answer_url(intake, redflags)
    peter = client_for(cast.peter)
    peter.post(url, posted({"1": "0", "2": "0"}, action="save"))

    page = peter.post(url, posted({"1": "0", "2": "0", "3": code}, action="next", step="2"))

    assert page.status_code == 400
    body = page.content.decode()
    assert "Vælg et af de viste svar." in body
    assert "Tjek følgende" in body
    assert page.context["step"] == 2
    redflags.refresh_from_db()
    assert redflags.answers == {"1": 0, "2": 0}
    assert redflags.submitted_at is None


URGENT_DA = "Ring straks – vent ikke til i morgen"


def test_an_urgent_warning_sign_shows_the_advice_at_the_top_of_the_next_screen_and_at_the_end(
    cast, client_for, intake
):
    send_all_but(cast, intake, "redflags:intake")
    redflags = response_of(intake, "redflags:intake")
    url = answer_url(intake, redflags)
    peter = client_for(cast.peter)

    step = peter.post(url, posted({"1": "1"}, action="next", step="0"))
    next_page = peter.get(step["Location"]).content.decode()
    all_answers = {**lowest_answers(redflags), "1": "1"}
    sent = peter.post(url, posted(all_answers, action="submit"))
    done = peter.get(peter.get(sent["Location"])["Location"])

    # The next screen opens at the advice, not at the next question.
    assert step["Location"].endswith("#urgent")
    assert URGENT_DA in next_page
    assert "Ring til din egen læge nu" in next_page
    assert "lægevagten på 70 11 07 07" in next_page
    assert 'href="tel:112"' in next_page and 'href="tel:70110707"' in next_page
    assert done.status_code == 200
    body = done.content.decode()
    assert "Tak for dine svar" in body
    assert URGENT_DA in body
    redflags.refresh_from_db()
    assert redflags.flag_level == 1


def test_the_advice_names_the_helpline_of_the_clinics_region(cast, client_for, intake):
    cast.lise.clinician.clinic.region = "hovedstaden"
    cast.lise.clinician.clinic.save()
    redflags = response_of(intake, "redflags:intake")
    peter = client_for(cast.peter)

    step = peter.post(answer_url(intake, redflags), posted({"1": "1"}, action="next", step="0"))
    page = peter.get(step["Location"]).content.decode()

    assert "ring til Akuttelefonen på 1813" in page
    assert "70 11 07 07" not in page


def test_a_clinic_can_set_its_own_helpline_number(cast, client_for, intake):
    cast.lise.clinician.clinic.helpline_phone = "70 00 00 01"
    cast.lise.clinician.clinic.save()
    redflags = response_of(intake, "redflags:intake")
    peter = client_for(cast.peter)

    step = peter.post(answer_url(intake, redflags), posted({"1": "1"}, action="next", step="0"))

    assert "lægevagten på 70 00 00 01" in peter.get(step["Location"]).content.decode()


def test_a_sign_for_the_same_day_shows_its_own_advice(cast, client_for, intake):
    redflags = response_of(intake, "redflags:intake")
    peter = client_for(cast.peter)
    answers = {str(n): "0" for n in range(1, 7)} | {"7": "1"}  # one leg getting weaker

    step = peter.post(answer_url(intake, redflags), posted(answers, action="next", step="6"))
    page = peter.get(step["Location"]).content.decode()

    assert step["Location"].endswith("#urgent")
    assert "Tal med en læge i dag" in page
    assert URGENT_DA not in page


def test_a_sign_for_within_days_does_not_jump_to_the_advice(cast, client_for, intake):
    redflags = response_of(intake, "redflags:intake")
    peter = client_for(cast.peter)
    answers = {str(n): "0" for n in range(1, 12)} | {"12": "1"}  # a history of cancer

    step = peter.post(answer_url(intake, redflags), posted(answers, action="next", step="11"))
    page = peter.get(step["Location"]).content.decode()

    assert step["Location"].endswith("#question")
    assert "Tal med din behandler eller læge inden for et par dage" in page


def test_the_follow_up_screen_asks_what_is_new_without_the_history_questions(cast, client_for):
    [week_4, *_] = services.schedule_follow_ups(
        patient=cast.peter_patient,
        clinician=cast.lise.clinician,
        start=timezone.now() - timedelta(weeks=5),
        actor=cast.lise,
        source="test",
    )
    screen = response_of(week_4, "redflags:follow_up")

    page = client_for(cast.peter).get(answer_url(week_4, screen))

    body = page.content.decode()
    assert page.context["count"] == 15
    assert "Tænk på det, der er nyt, siden du sidst svarede." in body
    assert "Har du haft kræft?" not in body


def test_no_warning_sign_shows_no_urgent_advice_at_the_end(cast, client_for, intake):
    send_all_but(cast, intake)

    done = client_for(cast.peter).get(reverse("questionnaires:done", args=[intake.public_id]))

    assert done.status_code == 200
    assert 'id="urgent"' not in done.content.decode()


def test_the_thank_you_page_waits_until_everything_is_sent(cast, client_for, intake):
    response = client_for(cast.peter).get(reverse("questionnaires:done", args=[intake.public_id]))

    assert response["Location"] == reverse("questionnaires:continue", args=[intake.public_id])


def test_the_pages_are_in_english_for_a_patient_who_chose_english(cast, client_for, intake):
    cast.peter.language = "en"
    cast.peter.save()
    redflags = response_of(intake, "redflags:intake")
    url = answer_url(intake, redflags)
    peter = client_for(cast.peter)

    step = peter.post(url, posted({"1": "1"}, action="next", step="0"))
    page = peter.get(step["Location"]).content.decode()
    refused = peter.post(url, posted({"1": "1", "2": "x"}, action="next", step="1"))

    assert "Call now – do not wait until tomorrow" in page
    assert "Call your own doctor now" in page
    assert "Have you got a numb or" in page
    assert "Choose one of the answers shown." in refused.content.decode()


def test_a_set_not_yet_available_is_not_found_for_its_patient(cast, client_for):
    [later, *_] = services.schedule_follow_ups(
        patient=cast.peter_patient,
        clinician=cast.lise.clinician,
        start=timezone.now() - timedelta(days=1),
        actor=cast.lise,
        source="test",
    )
    peter = client_for(cast.peter)

    continued = peter.get(reverse("questionnaires:continue", args=[later.public_id]))
    answered = peter.get(answer_url(later, later.responses.first()))
    mine = peter.get(reverse("questionnaires:mine"))

    assert (continued.status_code, answered.status_code) == (404, 404)
    assert mine.context["sets"] == []


def test_a_response_of_another_set_is_not_found(cast, client_for, intake):
    other = services.send_intake(
        patient=cast.maja_patient, clinician=cast.karim.clinician, actor=cast.karim, source="test"
    )

    response = client_for(cast.peter).get(answer_url(intake, other.responses.first()))

    assert response.status_code == 404
