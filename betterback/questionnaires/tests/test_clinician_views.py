"""The clinician's questionnaire pages: results over time, warning signs, paper forms and the
follow-up list."""

import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from betterback.patients.models import CareRelationship, Patient
from betterback.questionnaires import services
from betterback.questionnaires.definitions import instrument
from betterback.questionnaires.models import Response, Source

RMDQ_ITEMS = [str(n) for n in range(1, 25)]
SADDLE_NUMBNESS = "Nedsat følesans i skridtet (ridebukseområdet)"
OVER_50 = "Over 50 år med nye smerter"
# STarT Back: all eight statements agreed and "extremely" bothered, a total of 9 (high risk).
STARTBACK_HIGH = {**{str(n): "1" for n in range(1, 9)}, "9": "4"}


def on_paper(patient, entry, answers: dict, *, by, weeks_ago=0) -> Response:
    """`by` (a clinician user) types in a paper form with `answers`, dated `weeks_ago`."""
    instrument_id, variant = services.split_entry(entry)
    response = services.enter_paper(
        patient=patient,
        definition=instrument(instrument_id),
        variant=variant,
        raw=answers,
        notes={},
        key=uuid.uuid4(),
        actor=by,
        source="test",
    )
    if weeks_ago:
        response.submitted_at -= timedelta(weeks=weeks_ago)
        response.save(update_fields=["submitted_at"])
    return response


def rmdq(yes: int) -> dict:
    """Roland-Morris answers with `yes` statements answered "yes" (the score)."""
    return {key: "1" if index < yes else "0" for index, key in enumerate(RMDQ_ITEMS)}


def startback(total: int) -> dict:
    """STarT Back answers adding up to `total` (0-8), the bothersomeness item "not at all"."""
    return {**{str(n): "1" if n <= total else "0" for n in range(1, 9)}, "9": "0"}


def warning_signs(*yes: int) -> dict:
    """The warning-sign screen (version 2, 19 items) with "yes" to the items numbered."""
    return {str(n): "1" if n in yes else "0" for n in range(1, 20)}


def results_url(cast):
    return reverse("questionnaires:patient_results", args=[cast.peter_patient.public_id])


def paper_url(cast, entry):
    return reverse("questionnaires:paper_entry", args=[cast.peter_patient.public_id, entry])


def posted(answers: dict, **fields) -> dict:
    return {**{f"item-{key}": value for key, value in answers.items()}, **fields}


def in_care_of(clinician_user, name) -> Patient:
    patient = Patient.objects.create(
        full_name=name, email=f"{name.split()[0].lower()}@test.example"
    )
    clinician = clinician_user.clinician
    CareRelationship.objects.create(patient=patient, clinician=clinician, clinic=clinician.clinic)
    return patient


def test_the_results_page_shows_bands_change_from_baseline_a_chart_and_a_table(cast, client_for):
    peter = cast.peter_patient
    on_paper(peter, "rmdq", rmdq(12), by=cast.lise, weeks_ago=4)
    on_paper(peter, "rmdq", rmdq(4), by=cast.lise)
    on_paper(peter, "startback", startback(6), by=cast.lise, weeks_ago=4)
    on_paper(peter, "startback", startback(2), by=cast.lise)

    page = client_for(cast.lise).get(results_url(cast))

    assert page.status_code == 200
    body = page.content.decode()
    assert "Peter Jensen" in body
    assert "Lav risiko" in body  # the latest STarT Back band, in the heading
    assert "Middel risiko" in body  # the first one, in the table
    assert "Udviklingen over tid er ikke et valideret mål for effekt." in body  # STarT Back
    assert "Ændring fra første måling" in body
    assert "<strong>-8</strong> (66,7 %)" in body
    assert "bedre, mere end den mindste vigtige ændring" in body
    assert len(re.findall(r'<svg[^>]*role="img"', body)) == 2
    assert body.count("<table") == 2
    [roland_morris] = [s for s in page.context["series"] if s.definition.id == "rmdq"]
    assert [r.total for r in roland_morris.responses] == [12, 4]
    for response in roland_morris.responses:
        detail = reverse(
            "questionnaires:response_detail", args=[peter.public_id, response.public_id]
        )
        assert detail in body


def test_a_change_within_the_minimal_important_change_says_so(cast, client_for):
    on_paper(cast.peter_patient, "rmdq", rmdq(12), by=cast.lise, weeks_ago=4)
    on_paper(cast.peter_patient, "rmdq", rmdq(14), by=cast.lise)

    body = client_for(cast.lise).get(results_url(cast)).content.decode()

    assert "<strong>+2</strong>" in body
    assert "værre, men mindre end den mindste vigtige ændring" in body


def test_a_single_answer_has_a_table_but_no_chart(cast, client_for):
    on_paper(cast.peter_patient, "rmdq", rmdq(12), by=cast.lise)

    body = client_for(cast.lise).get(results_url(cast)).content.decode()

    assert 'role="img"' not in body
    assert "<table" in body
    assert "Ændring fra første måling" not in body


def test_the_answers_of_one_response_are_shown_with_their_labels(cast, client_for):
    response = on_paper(cast.peter_patient, "startback", startback(2), by=cast.lise)

    page = client_for(cast.lise).get(
        reverse(
            "questionnaires:response_detail",
            args=[cast.peter_patient.public_id, response.public_id],
        )
    )

    body = page.content.decode()
    assert page.status_code == 200
    assert "Mine rygsmerter har bredt sig ned i det ene eller begge ben." in body
    assert "Enig (1)" in body and "Slet ikke (0)" in body


def test_a_response_of_another_patient_is_not_found_under_peters_address(cast, client_for):
    majas = on_paper(cast.maja_patient, "rmdq", rmdq(3), by=cast.karim)

    page = client_for(cast.lise).get(
        reverse(
            "questionnaires:response_detail", args=[cast.peter_patient.public_id, majas.public_id]
        )
    )

    assert page.status_code == 404


def test_warning_signs_show_with_their_urgency_and_a_way_to_acknowledge(cast, client_for):
    on_paper(cast.peter_patient, "redflags:intake", warning_signs(1), by=cast.lise)
    alert = cast.peter_patient.alerts.get()
    lise = client_for(cast.lise)

    page = lise.get(results_url(cast)).content.decode()
    rows = lise.get(reverse("front:follow_up")).context["rows"]

    assert SADDLE_NUMBNESS in page
    assert "Nu – akut" in page
    assert "akut henvisning via nærmeste fælles akutmodtagelse (FAM)" in page
    acknowledge = reverse(
        "safety:acknowledge", args=[cast.peter_patient.public_id, alert.public_id]
    )
    assert acknowledge in page
    assert [(row.colour, [r.detail for r in row.reasons]) for row in rows] == [
        ("red", [SADDLE_NUMBNESS])
    ]


def test_the_paper_form_carries_a_one_time_key(cast, client_for):
    page = client_for(cast.lise).get(paper_url(cast, "rmdq"))

    body = page.content.decode()
    assert page.status_code == 200
    assert f'<input type="hidden" name="key" value="{page.context["key"]}">' in body
    assert uuid.UUID(str(page.context["key"]))


def test_answers_from_a_paper_form_are_stored_once_even_when_posted_twice(cast, client_for):
    lise = client_for(cast.lise)
    form = posted(rmdq(7), key=str(uuid.uuid4()))

    first = lise.post(paper_url(cast, "rmdq"), form)
    second = lise.post(paper_url(cast, "rmdq"), form)

    assert first["Location"] == second["Location"] == results_url(cast)
    [response] = Response.objects.filter(patient=cast.peter_patient)
    assert response.source == Source.PAPER
    assert response.questionnaire_set is None
    assert response.submitted_by == cast.lise
    assert response.total == 7
    assert response.answers == {key: int(code) for key, code in rmdq(7).items()}


def test_two_paper_forms_are_two_responses(cast, client_for):
    lise = client_for(cast.lise)

    lise.post(paper_url(cast, "rmdq"), posted(rmdq(7), key=str(uuid.uuid4())))
    lise.post(paper_url(cast, "rmdq"), posted(rmdq(5), key=str(uuid.uuid4())))

    assert Response.objects.filter(patient=cast.peter_patient).count() == 2


def test_a_paper_form_with_nothing_answered_is_refused(cast, client_for):
    page = client_for(cast.lise).post(paper_url(cast, "rmdq"), {"key": str(uuid.uuid4())})

    assert page.status_code == 400
    assert "Indtast mindst ét svar." in page.content.decode()
    assert not Response.objects.exists()


def test_a_paper_form_with_an_answer_that_is_not_an_option_is_refused(cast, client_for):
    page = client_for(cast.lise).post(
        paper_url(cast, "rmdq"), posted({**rmdq(3), "5": "2"}, key=str(uuid.uuid4()))
    )

    assert page.status_code == 400
    assert "Vælg et af de viste svar." in page.content.decode()
    assert not Response.objects.exists()


def test_an_oswestry_paper_form_without_a_wording_pack_shows_the_section_topics_and_is_scored(
    cast, client_for
):
    lise = client_for(cast.lise)

    form = lise.get(paper_url(cast, "odi")).content.decode()
    saved = lise.post(
        paper_url(cast, "odi"),
        posted({str(n): "2" for n in range(1, 11) if n != 8}, key=str(uuid.uuid4())),
    )

    assert "Afsnit 1: Smerteintensitet" in form
    assert "Afsnit 3: Løft" in form
    assert saved["Location"] == results_url(cast)
    [response] = Response.objects.filter(patient=cast.peter_patient, instrument_id="odi")
    assert response.answers == {str(n): 2 for n in range(1, 11) if n != 8}
    assert (response.total, response.band) == (40.0, "moderate")


def test_an_unknown_questionnaire_has_no_paper_form(cast, client_for):
    lise = client_for(cast.lise)

    assert lise.get(paper_url(cast, "nonesuch")).status_code == 404
    assert lise.get(paper_url(cast, "agenda")).status_code == 404
    assert lise.get(paper_url(cast, "nrs:arm")).status_code == 404
    assert lise.get(paper_url(cast, "nrs:leg")).status_code == 200


def test_the_follow_up_list_puts_red_before_yellow_before_green_with_reasons(cast, client_for):
    # Alphabetically the other way round, so the order is the triage's, not the names'.
    green = in_care_of(cast.lise, "Anders Grøn")
    yellow = in_care_of(cast.lise, "Bodil Gul")
    red = in_care_of(cast.lise, "Carl Rød")
    on_paper(green, "redflags:intake", warning_signs(), by=cast.lise)
    on_paper(yellow, "redflags:intake", warning_signs(18), by=cast.lise)
    on_paper(red, "redflags:intake", warning_signs(1, 18), by=cast.lise)

    page = client_for(cast.lise).get(reverse("front:follow_up"))

    rows = [(row.relationship.patient, row.colour) for row in page.context["rows"]]
    assert rows == [
        (red, "red"),
        (yellow, "yellow"),
        (green, "green"),
        (cast.peter_patient, "green"),
    ]
    body = page.content.decode()
    assert body.index("Carl Rød") < body.index("Bodil Gul") < body.index("Anders Grøn")
    assert f"Advarselstegn: {SADDLE_NUMBNESS}" in body
    assert f"Tegn, der skal vurderes ved opfølgning: {OVER_50}" in body
    assert "Intet kræver din opmærksomhed." in body
    assert "Maja Sørensen" not in body


def test_high_risk_without_a_dialogue_session_is_yellow(cast, client_for):
    on_paper(cast.peter_patient, "startback", STARTBACK_HIGH, by=cast.lise)

    page = client_for(cast.lise).get(reverse("front:follow_up"))

    [row] = page.context["rows"]
    assert row.colour == "yellow"
    assert "Høj risiko på STarT Back og endnu ingen samtale" in page.content.decode()


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_the_follow_up_list_shows_only_the_clinicians_own_patients(cast, client_for, who):
    page = client_for(getattr(cast, who)).get(reverse("front:follow_up"))

    names = [row.relationship.patient.full_name for row in page.context["rows"]]
    assert names == ([] if who == "olav" else ["Maja Sørensen"])


def test_the_follow_up_list_takes_as_many_queries_for_six_patients_as_for_two(cast, client_for):
    lise = client_for(cast.lise)
    url = reverse("front:follow_up")

    def with_answers(patient, number):
        on_paper(patient, "redflags", warning_signs(number), by=cast.lise)
        on_paper(patient, "rmdq", rmdq(12), by=cast.lise, weeks_ago=4)
        on_paper(patient, "rmdq", rmdq(20), by=cast.lise)
        on_paper(patient, "startback", STARTBACK_HIGH, by=cast.lise)

    with_answers(cast.peter_patient, 1)
    with_answers(in_care_of(cast.lise, "Anders Grøn"), 12)
    lise.get(url)  # the first request of a session may set things up
    with CaptureQueriesContext(connection) as two:
        assert len(lise.get(url).context["rows"]) == 2
    for number, name in enumerate(["Bodil Gul", "Carl Rød", "Dorte Dam", "Erik Eg"], start=2):
        with_answers(in_care_of(cast.lise, name), number)

    with CaptureQueriesContext(connection) as six:
        assert len(lise.get(url).context["rows"]) == 6

    assert len(six.captured_queries) == len(two.captured_queries)
