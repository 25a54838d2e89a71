"""The patient's "Who has looked at my data" page."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.audit.services import record

ACCESS_LOG = reverse("patients:access_log")


def test_it_lists_the_clinicians_reads_but_not_the_patients_own_visits_or_lists(cast, client_for):
    lise, peter = client_for(cast.lise), client_for(cast.peter)
    lise.get(reverse("front:patient_list"))
    lise.get(reverse("front:patient_overview", args=[cast.peter_patient.public_id]))
    peter.get(reverse("front:patient_home"))
    peter.get(reverse("materials:patient_material", args=["what-matters"]))

    response = peter.get(ACCESS_LOG)

    events = list(response.context["page"].object_list)
    assert [(e.actor, e.action, e.target) for e in events] == [(cast.lise, Action.READ, "overview")]
    body = response.content.decode()
    assert "Lise Holm" in body
    assert AuditEvent.objects.filter(patient=cast.peter_patient, actor=cast.peter).count() == 3
    assert AuditEvent.objects.filter(patient=cast.peter_patient, action=Action.LIST).count() == 1


@pytest.mark.parametrize("language", ["da", "en"])
def test_it_names_a_clinician_with_profession_and_clinic_in_the_readers_language(
    cast, client_for, language
):
    cast.peter.language = language
    cast.peter.save()
    client_for(cast.lise).get(
        reverse("front:patient_overview", args=[cast.peter_patient.public_id])
    )

    body = client_for(cast.peter).get(ACCESS_LOG).content.decode()

    with translation.override(language):
        profession = str(cast.lise.clinician.get_profession_display())
        looked_at = gettext("looked at")
    assert f"Lise Holm, {profession}, Rygklinikken Odense" in body
    assert looked_at[:1].upper() + looked_at[1:] in body


def test_it_shows_refusals_of_peters_pages_even_by_someone_not_logged_in(cast, client_for):
    url = reverse("front:patient_overview", args=[cast.peter_patient.public_id])
    client_for(cast.karim).get(url)
    client_for(None).get(url)

    response = client_for(cast.peter).get(ACCESS_LOG)

    events = list(response.context["page"].object_list)
    assert [(e.actor, e.action) for e in events] == [
        (None, Action.REFUSED),
        (cast.karim, Action.REFUSED),
    ]
    with translation.override("da"):
        assert gettext("Someone who was not logged in") in response.content.decode()


def test_it_never_shows_another_patients_events(cast, client_for):
    client_for(cast.karim).get(
        reverse("front:patient_overview", args=[cast.maja_patient.public_id])
    )

    response = client_for(cast.peter).get(ACCESS_LOG)

    assert list(response.context["page"].object_list) == []
    assert "Karim Nasser" not in response.content.decode()


def test_it_pages_a_long_log_newest_first(cast, client_for):
    for n in range(55):
        record(
            actor=cast.lise,
            action=Action.READ,
            source="test",
            patient=cast.peter_patient,
            target=f"t{n}",
        )
    peter = client_for(cast.peter)

    first = peter.get(ACCESS_LOG).context["page"]
    second = peter.get(ACCESS_LOG + "?page=2").context["page"]
    beyond = peter.get(ACCESS_LOG + "?page=99").context["page"]

    assert [len(first.object_list), len(second.object_list)] == [50, 5]
    assert first.object_list[0].target == "t54"
    assert list(second.object_list)[-1].target == "t0"
    assert beyond.number == 2
