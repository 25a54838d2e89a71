"""The course pages: quizzes with explanations, practice cases, the certificate, the clinic's
progress and reflections. Who may open each page is in core/tests/test_url_access.py."""

import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.content.pack import safety
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import WorksheetEntry
from betterback.patients.models import CareRelationship, Patient
from betterback.testing.cast import _clinician
from betterback.training import services
from betterback.training.course import course
from betterback.training.models import (
    Certificate,
    ModuleRead,
    PracticeWorksheet,
    QuizAnswer,
    Reflection,
    StepChoice,
)
from betterback.training.tests.world import finish_everything as _finish_everything

APPROACH = "approach"


def _module(module_id=APPROACH):
    return course().module(module_id)


def _question(kind: str, module=None):
    for candidate in [module] if module else course().modules:
        for question in candidate.questions:
            if question.type == kind:
                return candidate, question
    raise AssertionError(kind)


def _answer_data(question, chosen):
    if question.type == "order":
        return {f"place_{option_id}": str(place) for place, option_id in enumerate(chosen, 1)}
    if question.type == "multiple":
        return {"answer": chosen}
    return {"answer": chosen[0]}


@pytest.fixture
def lise(client_for, cast):
    return client_for(cast.lise)


@pytest.mark.django_db
def test_the_overview_shows_progress_and_where_to_start(lise):
    response = lise.get(reverse("training:overview"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "0 af 14 dele er gjort (0 %)" in text
    assert reverse("training:module", args=[APPROACH]) in text
    assert "Start kurset" in text


@pytest.mark.django_db
def test_the_red_flags_module_shows_the_urgent_text_patients_see_with_the_clinics_helpline(lise):
    page = lise.get(reverse("training:module", args=["red-flags"])).content.decode()
    now = safety().advice["now"]
    assert str(now.heading.by_language["da"]) in page
    assert 'id="advice-now"' in page and 'href="tel:112"' in page
    assert "Sådan gør du i Region Syddanmark" in page


@pytest.mark.django_db
def test_going_to_the_quiz_marks_the_module_read_and_opens_the_first_question(lise, cast):
    module = _module()
    response = lise.post(reverse("training:module", args=[APPROACH]))
    assert response.url == reverse("training:question", args=[APPROACH, module.questions[0].id])
    assert ModuleRead.objects.filter(clinician=cast.lise.clinician, module_id=APPROACH).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["single", "multiple", "order", "phrasing"])
def test_a_wrong_answer_is_explained_and_can_be_tried_again(lise, cast, kind):
    module, question = _question(kind)
    url = reverse("training:question", args=[module.id, question.id])
    if kind == "order":
        wrong = list(reversed(question.correct_ids))
        explained = [question.options[0], question.options[-1]]  # both out of place
    else:
        wrongs = [o for o in question.options if not o.correct]
        wrong = [wrongs[0].id]
        explained = [wrongs[0]]
    response = lise.post(url, _answer_data(question, wrong))
    assert response.status_code == 302 and response.url == url + "?tried=1"
    [tried] = QuizAnswer.objects.filter(clinician=cast.lise.clinician, question_id=question.id)
    assert tried.right is False and tried.answer == wrong

    page = lise.get(url + "?tried=1").content.decode()
    assert "Ikke helt" in page and "Prøv igen" in page
    for option in explained:
        assert str(option.explanation.by_language["da"]) in page.replace("&#x27;", "'").replace(
            "&quot;", '"'
        )
    right_options = [o for o in question.options if o.correct and o.id not in wrong]
    if kind != "order":
        for option in right_options:  # a wrong try does not give the answer away
            assert option.explanation.by_language["da"] not in page

    response = lise.post(url, _answer_data(question, list(question.correct_ids)))
    page = lise.get(response.url).content.decode()
    assert "Rigtigt" in page and "Prøv igen" not in page
    assert 'name="answer"' not in page and 'name="place_' not in page  # no form after a right try
    assert QuizAnswer.objects.filter(question_id=question.id, right=True).count() == 1


@pytest.mark.django_db
def test_an_ordering_with_two_steps_in_one_place_is_refused_and_nothing_is_stored(lise):
    module, question = _question("order")
    url = reverse("training:question", args=[module.id, question.id])
    data = {f"place_{option.id}": "1" for option in question.options}
    response = lise.post(url, data)
    assert response.status_code == 200
    assert "Giv hvert trin sin egen plads." in response.content.decode()
    assert not QuizAnswer.objects.exists()


@pytest.mark.django_db
def test_an_empty_answer_gets_a_translated_error(lise):
    module, question = _question("single")
    response = lise.post(reverse("training:question", args=[module.id, question.id]), {})
    assert response.status_code == 200
    assert "Vælg ét svar." in response.content.decode()
    assert not QuizAnswer.objects.exists()


@pytest.mark.django_db
def test_answering_every_question_finishes_the_module(lise, cast):
    module = _module()
    lise.post(reverse("training:module", args=[APPROACH]))
    for question in module.questions:
        url = reverse("training:question", args=[APPROACH, question.id])
        lise.post(url, _answer_data(question, list(question.correct_ids)))
    last = lise.get(url + "?tried=1").content.decode()
    assert reverse("training:module_done", args=[APPROACH]) in last
    done = lise.get(reverse("training:module_done", args=[APPROACH]))
    assert done.status_code == 200
    assert "Du har gjort 1 af kursets 14 dele." in done.content.decode()
    assert services.progress_for(cast.lise.clinician).modules[0].state == "done"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        ("training:module", ["no-such-module"]),
        ("training:question", [APPROACH, "no-such-question"]),
        ("training:question", ["no-such-module", "ten-points"]),
        ("training:case", ["no-such-case"]),
        ("training:step", ["worried-first-episode", "no-such-step"]),
    ],
)
def test_unknown_parts_of_the_course_are_not_found(lise, path):
    name, args = path
    assert lise.get(reverse(name, args=args)).status_code == 404


CASE = "worried-first-episode"


@pytest.fixture
def started(lise):
    response = lise.post(reverse("training:case", args=[CASE]))
    first = course().case(CASE).steps[0]
    assert response.url == reverse("training:step", args=[CASE, first.id])
    return lise


@pytest.mark.django_db
def test_a_choice_that_is_not_best_gets_its_feedback_and_the_clinician_chooses_again(started):
    step = next(s for s in course().case(CASE).steps if s.type == "choice")
    url = reverse("training:step", args=[CASE, step.id])
    worse = next(o for o in step.options if not o.best)
    response = started.post(url, {"option": worse.id})
    page = started.get(response.url).content.decode()
    assert "Tænk igen" in page and "Vælg igen" in page
    assert worse.feedback.by_language["da"].split("\n")[0][:40] in page.replace("&quot;", '"')
    best = next(o for o in step.options if o.best)
    started.post(url, {"option": best.id})
    page = started.get(url + "?tried=1").content.decode()
    assert "Et godt valg" in page and "Næste trin" in page
    assert list(StepChoice.objects.values_list("best", flat=True)) == [False, True]


@pytest.mark.django_db
def test_a_practice_worksheet_is_the_real_material_kept_in_the_sandbox(started, cast):
    step = next(s for s in course().case(CASE).steps if s.type == "worksheet")
    url = reverse("training:step", args=[CASE, step.id])
    page = started.get(url).content.decode()
    assert "Øveområde" in page
    assert step.patient_says.by_language["da"][:30] in page.replace("&quot;", '"')

    lists = {
        "turns_up-TOTAL_FORMS": "0",
        "turns_up-INITIAL_FORMS": "0",
        "turns_down-TOTAL_FORMS": "0",
        "turns_down-INITIAL_FORMS": "0",
    }
    empty = started.post(url, {"version": "0", **lists})
    assert empty.status_code == 200
    assert "Udfyld det, Line Kjær fortæller dig, før du gemmer." in empty.content.decode()
    assert not PracticeWorksheet.objects.exists()

    entries, audit = WorksheetEntry.objects.count(), AuditEvent.objects.count()
    data = {"version": "0", "my_takeaway": "Ondt er ikke det samme som skade.", **lists}
    saved = started.post(url, data)
    assert saved.status_code == 302 and saved.url == url + "?saved=1"
    [sheet] = PracticeWorksheet.objects.all()
    assert sheet.material_id == "understanding-pain"
    assert sheet.data["my_takeaway"] == "Ondt er ikke det samme som skade."
    # Nothing reached a patient's record or the audit trail.
    assert WorksheetEntry.objects.count() == entries
    assert AuditEvent.objects.count() == audit
    again = started.get(url + "?saved=1").content.decode()
    assert step.feedback.by_language["da"][:30] in again.replace("&quot;", '"')
    assert "Ondt er ikke det samme som skade." in again


@pytest.mark.django_db
def test_starting_a_case_again_clears_it(started, cast):
    case = course().case(CASE)
    attempt = services.attempt_for(clinician=cast.lise.clinician, case=case)
    step = case.steps[0]
    best = next(o for o in step.options if o.best)
    services.choose(attempt=attempt, case=case, step=step, option_id=best.id)
    started.post(reverse("training:case", args=[CASE]), {"again": "1"})
    assert not StepChoice.objects.exists()
    attempt.refresh_from_db()
    assert attempt.completed_at is None


@pytest.mark.django_db
def test_the_certificate_waits_until_everything_is_done(lise, cast):
    response = lise.get(reverse("printing:certificate"), follow=True)
    assert "Beviset er klar, når alle moduler og cases er gjort." in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_the_certificate_is_a_pdf_with_the_clinicians_name_and_is_issued_once(lise, cast, tmp_path):
    _finish_everything(cast.lise.clinician)
    response = lise.get(reverse("printing:certificate"))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Lise Holm" in text and "Kursusbevis" in text and "Rygklinikken Odense" in text
    assert course().cases[0].title.by_language["da"] in text
    number = Certificate.objects.get().number
    lise.get(reverse("printing:certificate"))
    assert Certificate.objects.get().number == number
    assert str(number) in text


@pytest.mark.django_db
def test_one_clinicians_progress_is_not_anothers(client_for, cast):
    _finish_everything(cast.lise.clinician)
    olav = client_for(cast.olav).get(reverse("training:overview")).content.decode()
    assert "0 af 14 dele er gjort" in olav
    assert client_for(cast.olav).get(reverse("printing:certificate")).status_code == 302


@pytest.mark.django_db
def test_the_clinic_administrator_sees_the_clinics_clinicians_only(client_for, cast):
    _finish_everything(cast.lise.clinician)
    services.certificate_for(cast.lise.clinician)
    page = client_for(cast.anne).get(reverse("training:clinic_progress")).content.decode()
    assert "Lise Holm" in page and "Olav Berg" in page
    assert "Karim Nasser" not in page
    assert "100 %" in page and "8 / 8" in page and "0 / 8" in page


@pytest.mark.django_db
def test_the_clinics_progress_takes_the_same_queries_for_more_clinicians(client_for, cast):
    admin = client_for(cast.anne)
    url = reverse("training:clinic_progress")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(url).status_code == 200
        return len(captured)

    _finish_everything(cast.lise.clinician)
    before = queries()
    for n in range(4):
        user = _clinician(f"extra{n}@test.example", f"Extra {n}", cast.odense, "gp")
        _finish_everything(user.clinician)
        services.certificate_for(user.clinician)
    assert queries() == before
    assert "Extra 3" in admin.get(url).content.decode()


@pytest.mark.django_db
def test_a_reflection_is_private_saved_and_logged_without_its_text(lise, cast):
    session = DialogueSession.objects.create(
        patient=cast.peter_patient, clinician=cast.lise.clinician, material_ids=[]
    )
    url = reverse("training:reflect", args=[cast.peter_patient.public_id, session.pk])
    empty = lise.post(url, {"went_well": " ", "try_next": ""})
    assert "Skriv mindst ét af de to." in empty.content.decode()
    assert not Reflection.objects.exists()

    response = lise.post(url, {"went_well": "Åbne spørgsmål", "try_next": "Spørge om tiltro"})
    assert response.url == reverse("training:reflections")
    reflection = Reflection.objects.get()
    assert (reflection.went_well, reflection.try_next) == ("Åbne spørgsmål", "Spørge om tiltro")
    lise.post(url, {"went_well": "Åbne spørgsmål", "try_next": "Tale om opblussen"})
    assert Reflection.objects.get().try_next == "Tale om opblussen"

    events = AuditEvent.objects.filter(target=f"reflection:{session.pk}")
    assert {e.action for e in events} >= {Action.CREATE, Action.UPDATE, Action.READ}
    assert all(e.patient == cast.peter_patient for e in events)
    assert not any("Åbne" in str(e.detail) for e in events)

    listing = lise.get(reverse("training:reflections")).content.decode()
    assert "Tale om opblussen" in listing and "Peter" not in listing
    assert AuditEvent.objects.filter(target="reflections", patient=cast.peter_patient).exists()


@pytest.mark.django_db
def test_no_reflection_once_the_care_relationship_has_ended(lise, cast):
    session = DialogueSession.objects.create(
        patient=cast.peter_patient, clinician=cast.lise.clinician, material_ids=[]
    )
    CareRelationship.objects.filter(patient=cast.peter_patient).update(ended_at="2026-01-01T00:00Z")
    url = reverse("training:reflect", args=[cast.peter_patient.public_id, session.pk])
    assert lise.get(url).status_code == 404
    assert lise.post(url, {"went_well": "x"}).status_code == 404
    assert not Reflection.objects.exists()


@pytest.mark.django_db
def test_practising_a_whole_case_adds_no_patient_anywhere(started, cast, client_for):
    patients, sessions = Patient.objects.count(), DialogueSession.objects.count()
    case = course().case(CASE)
    attempt = services.attempt_for(clinician=cast.lise.clinician, case=case)
    for step in case.steps:
        if step.type == "choice":
            best = next(o for o in step.options if o.best)
            started.post(reverse("training:step", args=[CASE, step.id]), {"option": best.id})
        else:
            services.save_practice_sheet(attempt=attempt, case=case, step=step, data={"x": 1})
    attempt.refresh_from_db()
    assert attempt.completed_at is not None
    assert (Patient.objects.count(), DialogueSession.objects.count()) == (patients, sessions)
    name = case.patient.name
    for url in (reverse("front:patient_list"), reverse("front:follow_up")):
        assert name not in started.get(url).content.decode()
    admin = client_for(cast.anne).get(reverse("front:admin_overview")).content.decode()
    assert name not in admin


@pytest.mark.django_db
def test_a_finished_case_shows_the_session_step_by_step(started, cast):
    case = course().case(CASE)
    attempt = services.attempt_for(clinician=cast.lise.clinician, case=case)
    for step in case.steps:
        if step.type == "choice":
            worse = next(o for o in step.options if not o.best)
            best = next(o for o in step.options if o.best)
            services.choose(attempt=attempt, case=case, step=step, option_id=worse.id)
            services.choose(attempt=attempt, case=case, step=step, option_id=best.id)
        else:
            services.save_practice_sheet(
                attempt=attempt, case=case, step=step, data={"my_takeaway": "Alarm, ikke skade"}
            )
    rows = services.debrief(attempt, case)
    assert [row["tries"] for row in rows if row["step"].type == "choice"] == [2] * (
        len(case.steps) - 1
    )
    page = started.get(reverse("training:case", args=[CASE])).content.decode()
    assert "Din øvesamtale trin for trin" in page
    assert "(efter 2 forsøg)" in page
    assert "Alarm, ikke skade" in page


@pytest.mark.django_db
def test_an_unfinished_case_shows_no_step_by_step_summary(started):
    page = started.get(reverse("training:case", args=[CASE])).content.decode()
    assert "Din øvesamtale trin for trin" not in page
    assert "Fortsæt øvesamtalen" in page


@pytest.mark.django_db
def test_link_fields_offer_what_was_filled_in_earlier_in_the_same_practice_case(client_for, cast):
    lise = client_for(cast.lise)
    case = course().case("fear-of-movement")
    lise.post(reverse("training:case", args=[case.id]))
    attempt = services.attempt_for(clinician=cast.lise.clinician, case=case)
    goals = case.step("fill-my-goals")
    services.save_practice_sheet(
        attempt=attempt,
        case=case,
        step=goals,
        data={"goals": [{"key": "g1", "text": "Løfte Oscar op på skødet"}], "psfs": []},
    )
    page = lise.get(reverse("training:step", args=[case.id, "fill-follow-up"]))
    choices = dict(page.context["sheet"].lists["goal_reviews"].forms[0].fields["goal"].choices)
    assert choices["g1"] == "Løfte Oscar op på skødet"
    # Another clinician's practice is not offered.
    olav = client_for(cast.olav)
    olav.post(reverse("training:case", args=[case.id]))
    page = olav.get(reverse("training:step", args=[case.id, "fill-follow-up"]))
    assert "g1" not in dict(
        page.context["sheet"].lists["goal_reviews"].forms[0].fields["goal"].choices
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_course_overview_takes_the_same_queries_however_far_the_clinician_has_come(lise, cast):
    url = reverse("training:overview")
    at_start = _queries(lise, url)
    _finish_everything(cast.lise.clinician)
    assert _queries(lise, url) == at_start


@pytest.mark.django_db
def test_my_reflections_take_the_same_queries_for_one_or_many(lise, cast):
    def reflect_once():
        session = DialogueSession.objects.create(
            patient=cast.peter_patient, clinician=cast.lise.clinician, material_ids=[]
        )
        services.reflect(
            session=session,
            clinician=cast.lise.clinician,
            went_well="Godt",
            try_next="",
            actor=cast.lise,
            source="test",
        )

    url = reverse("training:reflections")
    reflect_once()
    one = _queries(lise, url)
    for _ in range(3):
        reflect_once()
    assert _queries(lise, url) == one
